import Testing
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucSearch

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

    private func engine(_ procedures: [Procedure], options: SearchOptions = SearchOptions()) -> SearchEngine {
        let knowledge = KnowledgeBase(
            procedures: procedures, overlays: [:], lexicon: Lexicon(), templates: AnswerTemplates(texts: [:]), directory: "memory"
        )
        return SearchEngine(knowledge: knowledge, options: options)
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
        #expect(city.search("cấp lại thẻ thư viện").procedure?.code == "1.000010")
        let central = engine(procedures, options: SearchOptions(levelPreference: [.ministry, .province, .commune, .other]))
        #expect(central.search("cấp lại thẻ thư viện").procedure?.code == "1.000011")
        // Level variants are one procedure: no clarification between them.
        if case .clarify = city.search("cấp lại thẻ thư viện").decision { Issue.record("variants must not be offered as choices") }
    }

    @Test("An exact name beats a name that adds specifics the question did not ask for")
    func specifics() {
        let engine = engine([
            procedure("1.000020", "Đăng ký nuôi ong có yếu tố nước ngoài"),
            procedure("1.000021", "Đăng ký nuôi ong"),
            procedure("1.000022", "Đăng ký lại nuôi ong"),
        ])
        #expect(engine.search("đăng ký nuôi ong").procedure?.code == "1.000021")
        #expect(engine.search("đăng ký nuôi ong có yếu tố nước ngoài").procedure?.code == "1.000020")
        #expect(engine.search("dang ky lai nuoi ong").procedure?.code == "1.000022")
    }

    @Test("Close rivals that differ by what the question leaves open are offered as labelled choices")
    func clarification() {
        let engine = engine([procedure("1.000030", "Cấp đổi thẻ hội viên"), procedure("1.000031", "Cấp lại thẻ hội viên")])
        guard case .clarify(let choices) = engine.search("thẻ hội viên").decision else {
            Issue.record("expected a clarification")
            return
        }
        #expect(Set(choices.map(\.candidate.procedure.code)) == ["1.000030", "1.000031"])
        #expect(choices.allSatisfy { $0.label.contains("đổi") || $0.label.contains("lại") })
    }

    @Test("A stated age picks the procedure whose age range holds it")
    func ages() {
        let engine = engine([
            procedure("1.000040", "Cấp thẻ bơi cho người từ đủ 14 tuổi trở lên"),
            procedure("1.000041", "Cấp thẻ bơi cho người dưới 14 tuổi"),
        ])
        // This catalogue has no lexicon, so the questions carry only its own words.
        #expect(engine.search("cấp thẻ bơi cho người 8 tuổi").procedure?.code == "1.000041")
        #expect(engine.search("cấp thẻ bơi cho người 16 tuổi").procedure?.code == "1.000040")
    }

    @Test("Nothing that matches well: no procedure is named")
    func nothingFits() {
        let engine = engine([procedure("1.000050", "Cấp phép khai thác cát sỏi lòng sông")])
        #expect(engine.search("giá vàng hôm nay").procedure == nil)
        #expect(engine.search("").procedure == nil)
    }
}
