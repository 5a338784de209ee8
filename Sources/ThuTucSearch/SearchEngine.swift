import ThuTucKnowledge
import ThuTucText

/// Finds the procedure a question is about: BM25F over names, aliases,
/// fields, results, documents and agencies, refined by how well the best title
/// covers the question (accent-aware, with a word-order bonus), then level
/// variants folded together by the deployment's level preference.
public final class SearchEngine: Sendable {
    public let index: SearchIndex
    public let options: SearchOptions
    /// The index's own (see ``SearchIndex/parameters``).
    let parameters: RankingParameters
    private let analyzer: QueryAnalyzer
    private let scratchPool: ScratchPool
    /// Each procedure's ``SearchOptions/levelRank(_:)``, worked out once: the
    /// ranking reads it for every candidate.
    private let levelRanks: [Int]

    public init(index: SearchIndex, options: SearchOptions = SearchOptions()) {
        self.index = index
        self.options = options
        self.parameters = index.parameters
        self.analyzer = QueryAnalyzer(index: index)
        self.scratchPool = ScratchPool(count: index.procedures.count, words: index.terms.foldedCount)
        self.levelRanks = index.procedures.map { options.levelRank($0.levels) }
    }

    public convenience init(knowledge: KnowledgeBase, options: SearchOptions = SearchOptions()) {
        self.init(index: SearchIndex(knowledge: knowledge), options: options)
    }

    public var knowledge: KnowledgeBase { index.knowledge }

    /// Normalises and reads a question without searching.
    public func analyze(_ text: String) -> AnalyzedQuery {
        analyzer.analyze(text)
    }

    /// Analyses and searches `text`.
    public func search(_ text: String) -> SearchResult {
        search(analyze(text))
    }

    /// Searches an analysed question and decides what to answer.
    public func search(_ query: AnalyzedQuery) -> SearchResult {
        if let code = query.codes.first, let position = index.knowledge.position(of: code) {
            let candidate = Candidate(
                position: position, knowledge: index.knowledge, score: 1, bm25: 0, title: .exact, coverage: 1
            )
            return SearchResult(query: query, candidates: [candidate], decision: .answer(candidate), confidence: 1)
        }
        let candidates = rank(query)
        if query.intent == .list, let listing = list(query) {
            return SearchResult(query: query, candidates: candidates, decision: listing, confidence: 1)
        }
        let (decision, confidence) = decide(candidates)
        return SearchResult(query: query, candidates: candidates, decision: decision, confidence: confidence)
    }

    /// Candidates ranked best first, one per family of level variants; when the
    /// question reads differently with everyday names translated, each
    /// candidate keeps its better score of the two readings.
    public func rank(_ query: AnalyzedQuery, limit: Int = 10) -> [Candidate] {
        var best = rank(terms: query.terms, ages: query.ages)
        if let literal = query.literalTerms {
            for scored in rank(terms: literal, ages: query.ages).members {
                best.offer(scored, isBetter: isBetter)
            }
        }
        return strongest(limit, of: best.members).map { scored in
            let position = representative(of: scored.position)
            return Candidate(
                position: position, knowledge: index.knowledge, score: scored.score,
                bm25: scored.bm25, title: scored.title, coverage: scored.coverage
            )
        }
    }

    /// The `count` best of `scores`, best first: the few kept are ordered as
    /// they come rather than all of them sorted.
    private func strongest(_ count: Int, of scores: some Sequence<Scored>) -> [Scored] {
        var kept: [Scored] = []
        kept.reserveCapacity(count + 1)
        for scored in scores {
            if kept.count == count {
                guard let last = kept.last, isBetter(scored, than: last) else { continue }
            }
            kept.insert(scored, at: kept.firstIndex { isBetter(scored, than: $0) } ?? kept.endIndex)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }

    /// A procedure's figures before it becomes a ``Candidate``, which only
    /// the few shown do.
    struct Scored {
        var position: Int
        var family: Int32
        var score: Float
        var bm25: Float
        var title: TitleMatch
        var coverage: Float
    }

    /// The best candidate per family for one reading of the question.
    private func rank(terms queryTerms: [AnalyzedQuery.Term], ages: [AgeRange]) -> FamilyBest {
        let terms = distinctTerms(queryTerms)
        let sequence = queryTerms.map { term in terms.firstIndex { $0.match == term.match && $0.text == term.text } ?? -1 }
        guard terms.contains(where: { $0.isKnown }) else { return FamilyBest() }
        return scratchPool.withScratch { scratch in
            bm25Scores(terms, into: scratch)
            let scores = UnsafeBufferPointer(scratch.scores)
            let pool =
                scratch.rows.isEmpty
                ? topPositions(scores, touched: scratch.touched, count: parameters.candidatePool)
                : (rarestWord(of: terms).map { index.postings[$0] } ?? []).withUnsafeBufferPointer {
                    topPositions(scores, count: parameters.candidatePool, seeds: $0)
                }
            return score(pool, terms: terms, sequence: sequence, ages: ages, bm25: scratch)
        }
    }

    /// The folded word held by the fewest procedures among those that score;
    /// nil when none does.
    private func rarestWord(of terms: [AnalyzedQuery.Term]) -> Int? {
        // The first of equally rare words, as `min(by:)` would give; a loop makes no arrays.
        var rarest: Int?
        for term in terms where term.isKnown && term.weight > 0 {
            let folded = Int(term.match.folded)
            if let current = rarest, index.documentFrequency[current] <= index.documentFrequency[folded] { continue }
            rarest = folded
        }
        return rarest
    }

    /// Scores the procedures at `pool` by title match and priors on top of their BM25F.
    private func score(
        _ pool: [Int], terms: [AnalyzedQuery.Term], sequence: [Int], ages: [AgeRange], bm25: ScoringScratch
    ) -> FamilyBest {
        let titleWeights = terms.map { term -> Float in
            guard term.isKnown else { return parameters.unknownWordWeight }
            return (index.titleWeight(term.match) ?? parameters.contextWordWeight) * term.weight
        }
        let totalWeight = titleWeights.reduce(0, +)
        guard totalWeight > 0 else { return FamilyBest() }
        // BM25 scaled by the most this reading could score, so that readings of
        // different lengths compare, and title match weighs the same in each.
        // A loop rather than `filter(\.isKnown)`: that key path is read through
        // the runtime, and the filter makes an array, for every reading.
        var bm25Ceiling: Float = 0
        for term in terms where term.isKnown {
            bm25Ceiling += index.idf(term.match.folded) * term.weight * (parameters.k1 + 1)
        }

        let scratch = TitleScratch(terms: terms, sequence: sequence, table: bm25, longestTitle: index.longestTitle)
        var best = FamilyBest(capacity: pool.count)
        // Entries are read in place: copying one would retain each of its
        // arrays, for every candidate of every question.
        index.procedures.withUnsafeBufferPointer { procedures in
            index.titleSpans.withUnsafeBufferPointer { spans in
                index.titleWords.withUnsafeBufferPointer { words in
                    for (candidate, position) in pool.enumerated() {
                        prefetch(after: candidate, of: pool, procedures: procedures, spans: spans, words: words)
                        let bm25Score = bm25.scores[position]
                        let title = bestTitleMatch(
                            UnsafeBufferPointer(rebasing: spans[procedures[position].spans]), words: words, weights: titleWeights,
                            total: totalWeight, scratch: scratch
                        )
                        let coverage = fieldCoverage(fieldBits(at: position, in: bm25), weights: titleWeights, total: totalWeight)
                        var score = bm25Score / max(bm25Ceiling, 1e-6) + parameters.titleWeight * title.match
                        score *= 1 - parameters.levelStep * Float(levelRanks[position])
                        if procedures[position].isCurated { score *= parameters.curatedPrior }
                        if procedures[position].isForCitizens { score *= parameters.citizenPrior }
                        if !ages.isEmpty, let range = procedures[position].ages {
                            score *= ages.contains(where: range.overlaps) ? parameters.ageFits : parameters.ageContradicts
                        }
                        let scored = Scored(
                            position: position, family: procedures[position].family, score: score, bm25: bm25Score, title: title,
                            coverage: max(coverage, title.recall)
                        )
                        best.offer(scored, isBetter: isBetter)
                    }
                }
            }
        }
        return best
    }

    /// The best ``Scored`` of each family met, in no particular order. A
    /// reading scores some fifty procedures, so a linear search by family
    /// costs less than hashing into a dictionary.
    struct FamilyBest {
        private(set) var members: [Scored] = []

        init(capacity: Int = 0) {
            members.reserveCapacity(capacity)
        }

        /// Keeps `scored` if its family has no member yet or a worse one.
        mutating func offer(_ scored: Scored, isBetter: (Scored, Scored) -> Bool) {
            guard let index = members.firstIndex(where: { $0.family == scored.family }) else {
                members.append(scored)
                return
            }
            if isBetter(scored, members[index]) { members[index] = scored }
        }
    }

    /// Decides between answering, asking back and admitting nothing fits.
    func decide(_ candidates: [Candidate]) -> (SearchResult.Decision, Float) {
        guard let leader = candidates.first else { return (.notFound, 0) }
        let confidence = min(1, 0.5 * leader.coverage + 0.5 * leader.titleMatch)
        let coincidence = leader.title.precision < parameters.minimumPrecision && leader.titleMatch < parameters.lowPrecisionTitleMatch
        let accentsDisagree = leader.title.exactRecall < parameters.minimumExactRecall
        // A whole title found in the question vouches for itself, however much else is said.
        let weakCover = !leader.title.isContained && (leader.coverage < parameters.minimumCoverage || accentsDisagree)
        if leader.titleMatch < parameters.minimumTitleMatch || coincidence || weakCover {
            return (.notFound, confidence)
        }
        // A rival explains the question as fully as the leader and adds no
        // more unasked specifics: only then is the question truly open. A
        // rival whose title holds all of the leader's words and more ("Xóa
        // đăng ký thường trú" beside "Đăng ký thường trú") is a special case
        // of the leader, which answers the general question.
        let rivals = candidates.dropFirst().prefix(4).filter {
            $0.score >= parameters.clarifyRatio * leader.score
                && $0.title.recall >= leader.title.recall - parameters.clarifyRecallGap
                && $0.title.precision >= leader.title.precision - parameters.clarifyPrecisionGap
                && !name(of: $0, holdsEveryWordOf: leader)
        }
        if !rivals.isEmpty, leader.titleMatch < parameters.clarifyTitleCeiling {
            // Among near-equals, one whose title adds clearly fewer unasked
            // words is the plain reading ("Cấp hộ chiếu" beside "Trình báo
            // mất hộ chiếu" for "hộ chiếu"): answer it rather than ask.
            let group = ([leader] + rivals).sorted { $0.title.precision > $1.title.precision }
            if group[0].title.precision >= group[1].title.precision + parameters.plainReadingMargin {
                return (.answer(group[0]), confidence * 0.8)
            }
            let choices = ChoiceLabeler.label([leader] + rivals)
            let margin = rivals[0].score / max(leader.score, 1e-6)
            return (.clarify(choices), confidence * (1 - margin) + 0.1)
        }
        let margin = candidates.count > 1 ? 1 - candidates[1].score / max(leader.score, 1e-6) : 1
        return (.answer(leader), min(1, confidence * (0.7 + 0.3 * margin) + 0.1 * margin))
    }

    /// Whether `candidate`'s name holds every folded word of `other`'s,
    /// stopwords ("thủ tục") left out of both. Names are a few words long:
    /// a look through one for each word of the other costs less than a set.
    private func name(of candidate: Candidate, holdsEveryWordOf other: Candidate) -> Bool {
        let words = nameWords(candidate)
        return nameWords(other).allSatisfy { word in
            word.weight <= 0 || words.contains { $0.weight > 0 && $0.folded == word.folded }
        }
    }

    /// The words of a candidate's name, stopwords included (weight 0).
    private func nameWords(_ candidate: Candidate) -> ArraySlice<TitleWord> {
        guard let first = index.procedures[candidate.position].spans.first else { return [] }
        let name = index.titleSpans[first]
        return index.titleWords[name.start..<(name.start + name.count)]
    }

    /// Higher score first; equal scores by code, so the order never depends on hashing.
    private func isBetter(_ scored: Scored, than other: Scored) -> Bool {
        if scored.score != other.score { return scored.score > other.score }
        return index.knowledge.procedures[scored.position].code < index.knowledge.procedures[other.position].code
    }

    /// The family member the deployment prefers (level variants are one procedure).
    private func representative(of position: Int) -> Int {
        let members = index.families[Int(index.procedures[position].family)]
        guard members.count > 1 else { return position }
        let chosen = members.min { lhs, rhs in
            let left = levelRanks[Int(lhs)], right = levelRanks[Int(rhs)]
            return left != right ? left < right : index.knowledge.procedures[Int(lhs)].code < index.knowledge.procedures[Int(rhs)].code
        }
        return chosen.map(Int.init) ?? position
    }

    /// Each word once (by its folded form and, when typed, its accents), keeping its first occurrence.
    private func distinctTerms(_ terms: [AnalyzedQuery.Term]) -> [AnalyzedQuery.Term] {
        // A question has a few words: a look through those kept costs less than hashing.
        var result: [AnalyzedQuery.Term] = []
        result.reserveCapacity(terms.count)
        for term in terms {
            if term.isKnown, result.contains(where: { $0.isKnown && $0.match == term.match }) { continue }
            result.append(term)
        }
        return result
    }
}
