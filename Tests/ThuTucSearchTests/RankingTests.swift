import Testing
@testable import ThuTucDialogue
import ThuTucKnowledge
@testable import ThuTucSearch

/// Ranking rules shown on small catalogues built in memory.
@Suite("Ranking")
struct RankingTests {
    private func procedure(_ code: String, _ name: String, levels: [Level] = [.commune]) -> Procedure {
        Procedure(
            code: code, name: name, decision: nil, type: nil, field: "Thử nghiệm", ministry: "Bộ Thử nghiệm", levels: levels,
            subjects: ["Công dân Việt Nam"], authorities: [], agencies: [], address: nil, channels: [], documents: [], legal: [],
            results: [], url: "https://dichvucong.gov.vn/p/\(code)", retrieved: "2026-06"
        )
    }

    /// The catalogue's wording and two concepts, as `catalogue.txt` and `concepts.txt` give them.
    private var lexicon: Lexicon {
        var wording = CatalogueWording()
        wording.levelSuffixes = ["thực hiện tại cấp", "cấp"]
        wording.levelWords = [("xã", .commune), ("tỉnh", .province), ("trung ương", .ministry)]
        wording.citizenSubjects = ["Công dân Việt Nam"]
        wording.ageBelow = ["dưới"]
        wording.ageFrom = ["từ", "đủ", "từ đủ"]
        let place = SourceLocation(file: "memory", line: 1)
        let concepts = [
            Concept(kind: .action, label: "cấp lại", namePhrases: ["cấp lại"], askPhrases: ["cấp lại", "bị mất"], location: place),
            Concept(kind: .action, label: "cấp đổi", namePhrases: ["cấp đổi"], askPhrases: ["cấp đổi", "hết hạn"], location: place),
            Concept(kind: .action, label: "đăng ký lại", namePhrases: ["đăng ký lại"], askPhrases: ["đăng ký lại"], location: place),
            Concept(
                kind: .facet, label: "có yếu tố nước ngoài", plainLabel: "trong nước", namePhrases: ["có yếu tố nước ngoài"],
                askPhrases: ["nước ngoài"], location: place
            ),
        ]
        return Lexicon(concepts: concepts, catalogue: wording)
    }

    private func engine(_ procedures: [Procedure], options: SearchOptions = SearchOptions()) -> SearchEngine {
        let knowledge = KnowledgeBase(
            procedures: procedures, overlays: [:], lexicon: lexicon, templates: AnswerTemplates(texts: [:]), directory: "memory"
        )
        return SearchEngine(knowledge: knowledge, options: options)
    }

    /// What the dialogue's policy decides for `text`.
    private func decide(_ text: String, _ engine: SearchEngine) -> Decision {
        DecisionPolicy(engine: engine).decide(engine.search(text))
    }

    /// The procedure an answer names, if the decision is an answer.
    private func answered(_ text: String, _ engine: SearchEngine) -> String? {
        if case .answer(let candidate, _) = decide(text, engine) { return candidate.code }
        return nil
    }

    @Test("A word typed with its accents ranks above one that matches only folded")
    func accentsCount() {
        let engine = engine([procedure("1.000001", "Cấp phép bán hàng rong"), procedure("1.000002", "Cấp phép bản đồ hàng hải")])
        #expect(engine.rank(engine.analyze("cấp phép bán hàng")).first?.procedure.code == "1.000001")
        #expect(engine.rank(engine.analyze("cấp phép bản hàng")).first?.procedure.code == "1.000002")
    }

    @Test("The level preference picks the variant a deployment serves")
    func levelPreference() {
        let procedures = [
            procedure("1.000010", "Cấp lại thẻ thư viện", levels: [.commune]),
            procedure("1.000011", "Cấp lại thẻ thư viện (thực hiện tại cấp trung ương)", levels: [.ministry]),
        ]
        let city = engine(procedures)
        #expect(answered("cấp lại thẻ thư viện", city) == "1.000010")
        let central = engine(procedures, options: SearchOptions(levelPreference: [.ministry, .province, .commune, .other]))
        #expect(answered("cấp lại thẻ thư viện", central) == "1.000011")
        // Level variants are one procedure: one candidate, never choices.
        #expect(city.search("cấp lại thẻ thư viện").candidates.count == 1)
    }

    @Test("An exact name beats a name that adds specifics the question did not ask for")
    func specifics() {
        let engine = engine([
            procedure("1.000020", "Đăng ký nuôi ong có yếu tố nước ngoài"),
            procedure("1.000021", "Đăng ký nuôi ong"),
            procedure("1.000022", "Đăng ký lại nuôi ong"),
        ])
        #expect(answered("đăng ký nuôi ong", engine) == "1.000021")
        #expect(answered("đăng ký nuôi ong có yếu tố nước ngoài", engine) == "1.000020")
        #expect(answered("dang ky lai nuoi ong", engine) == "1.000022")
    }

    @Test("Close rivals that differ by what the question leaves open are offered as labelled choices")
    func clarification() {
        let engine = engine([procedure("1.000030", "Cấp đổi thẻ hội viên"), procedure("1.000031", "Cấp lại thẻ hội viên")])
        guard case .clarify(let choices, _) = decide("thẻ hội viên", engine) else {
            Issue.record("expected a clarification, got \(decide("thẻ hội viên", engine))")
            return
        }
        #expect(Set(choices.map(\.candidate.code)) == ["1.000030", "1.000031"])
        #expect(Set(choices.map(\.label)) == ["Cấp đổi", "Cấp lại"])
    }

    @Test("A stated age picks the procedure whose age range holds it")
    func ages() {
        let engine = engine([
            procedure("1.000040", "Cấp thẻ bơi cho người từ đủ 14 tuổi trở lên"),
            procedure("1.000041", "Cấp thẻ bơi cho người dưới 14 tuổi"),
        ])
        // This catalogue has no lexicon, so the questions carry only its own words.
        #expect(answered("cấp thẻ bơi cho người 8 tuổi", engine) == "1.000041")
        #expect(answered("cấp thẻ bơi cho người 16 tuổi", engine) == "1.000040")
    }

    @Test("Nothing that matches well: no procedure is named")
    func nothingFits() {
        let engine = engine([procedure("1.000050", "Cấp phép khai thác cát sỏi lòng sông")])
        #expect(answered("giá vàng hôm nay", engine) == nil)
        #expect(answered("", engine) == nil)
    }

    @Test("A concept agreement the runner-up shares adds no confidence")
    func sharedAgreement() {
        let engine = engine([procedure("1.000060", "Cấp phép xuất khẩu gỗ"), procedure("1.000061", "Cấp phép xuất khẩu than")])
        let policy = DecisionPolicy(engine: engine)
        func candidate(_ position: Int, score: Float, concepts: Float) -> Candidate {
            let features = MatchFeatures(bm25: 0.5, pairs: 0, concepts: concepts, phrase: 3, levelRank: 0, isCurated: false, isForCitizens: false)
            let title = TitleMatch(match: 0.5, recall: 0.5, exactRecall: 0.5, precision: 0.5, index: 0)
            return Candidate(position: position, knowledge: engine.knowledge, score: score, bm25: 5, title: title, coverage: 0.5, features: features)
        }
        let leader = candidate(0, score: 12, concepts: 2)
        let sharing = policy.probability(leader, runnerUp: candidate(1, score: 10, concepts: 2))
        let notSharing = policy.probability(leader, runnerUp: candidate(1, score: 10, concepts: -1))
        #expect(sharing < notSharing)
        #expect(abs(sharing - policy.probability(candidate(0, score: 12 - engine.conceptScore(of: 2), concepts: 0), runnerUp: candidate(1, score: 10 - engine.conceptScore(of: 2), concepts: 0))) < 1e-6)
    }
}
