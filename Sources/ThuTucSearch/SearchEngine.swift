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

    /// Ranks the candidates for an analysed question; a typed code names its
    /// procedure outright, and a list question also gets its field's procedures.
    public func search(_ query: AnalyzedQuery) -> SearchResult {
        if let code = query.codes.first, let position = index.knowledge.position(of: code) {
            let candidate = Candidate(
                position: position, knowledge: index.knowledge, score: 1, bm25: 0, title: .exact, coverage: 1, features: .exact
            )
            return SearchResult(query: query, candidates: [candidate], listing: nil, isExactCode: true)
        }
        let listing = query.intent == .list ? list(query) : nil
        return SearchResult(query: query, candidates: rank(query), listing: listing, isExactCode: false)
    }

    /// Candidates ranked best first, one per family of level variants; when the
    /// question reads differently with everyday names translated, each
    /// candidate keeps its better score of the two readings.
    public func rank(_ query: AnalyzedQuery, limit: Int = 10) -> [Candidate] {
        let phrases = PhraseRun(words: query.words)
        var best = rank(terms: query.terms, ages: query.ages, concepts: query.concepts, held: query.held, phrases: phrases)
        if let literal = query.literalTerms {
            for scored in rank(terms: literal, ages: query.ages, concepts: query.concepts, held: query.held, phrases: phrases).members {
                best.offer(scored, isBetter: isBetter)
            }
        }
        return strongest(limit, of: best.members).map { scored in
            let position = representative(of: scored.position, asked: query.levels)
            return Candidate(
                position: position, knowledge: index.knowledge, score: scored.score,
                bm25: scored.bm25, title: scored.title, coverage: scored.coverage, features: scored.features
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
        var features: MatchFeatures
    }

    /// The best candidate per family for one reading of the question.
    private func rank(
        terms queryTerms: [AnalyzedQuery.Term], ages: [AgeRange], concepts: ConceptSet, held: [AnalyzedQuery.HeldPaper], phrases: PhraseRun
    ) -> FamilyBest {
        let terms = distinctTerms(queryTerms)
        let sequence = queryTerms.map { term in terms.firstIndex { $0.match == term.match && $0.text == term.text } ?? -1 }
        guard terms.contains(where: { $0.isKnown }) else { return FamilyBest() }
        return scratchPool.withScratch { scratch in
            bm25Scores(terms, into: scratch)
            let scores = UnsafeBufferPointer(scratch.scores)
            var pool =
                scratch.rows.isEmpty
                ? topPositions(scores, touched: scratch.touched, count: parameters.candidatePool)
                : (rarestWord(of: terms).map { index.postings[$0] } ?? []).withUnsafeBufferPointer {
                    topPositions(scores, count: parameters.candidatePool, seeds: $0)
                }
            var inPool = PositionSet(pool, count: index.procedures.count)
            addAnchors(of: terms, scores: scores, to: &pool, inPool: &inPool)
            let pairs = index.pairs.shares(queryTerms, k1: parameters.k1)
            // The procedures the question's word pairs point to most are scored too.
            pool += strongest(parameters.anchorPool, of: pairs.holders.lazy.map(Int.init), excluding: inPool) { pairs.shares[$0] }
            return score(
                pool, terms: terms, sequence: sequence, ages: ages, concepts: concepts, held: held, phrases: phrases, pairs: pairs.shares,
                bm25: scratch
            )
        }
    }

    /// Adds to `pool` the best-scoring holders of the question's rarest
    /// words: a long question's common words ("bị mất", "thực hiện") can
    /// fill the BM25 pool with procedures that lack the one word that names
    /// the topic ("con dấu"). `inPool` holds the pool's positions, and
    /// takes those added.
    private func addAnchors(
        of terms: [AnalyzedQuery.Term], scores: UnsafeBufferPointer<Float>, to pool: inout [Int], inPool: inout PositionSet
    ) {
        var anchors: [Int] = []
        for term in terms where term.isKnown && term.weight > 0 && !anchors.contains(Int(term.match.folded)) {
            anchors.append(Int(term.match.folded))
        }
        anchors.sort { index.documentFrequency[$0] < index.documentFrequency[$1] }
        for anchor in anchors.prefix(parameters.anchorWords) {
            let best = strongest(parameters.anchorPool, of: index.postings[anchor].lazy.map { Int($0.document) }, excluding: inPool) {
                scores[$0]
            }
            pool += best
            for position in best { inPool.insert(position) }
        }
    }

    /// The `count` positions of `positions` (repeats allowed) with the
    /// highest `score`, those in `excluded` left out, in no particular order.
    func strongest(_ count: Int, of positions: some Sequence<Int>, excluding excluded: PositionSet, score: (Int) -> Float) -> [Int] {
        guard count > 0 else { return [] }
        var kept: [Int] = []
        var weakest = 0
        // The weakest kept score once `kept` is full: most of a common word's
        // holders fall below it and are passed over before the set is read.
        var floor = -Float.infinity
        for position in positions {
            let value = score(position)
            if kept.count == count, value <= floor { continue }
            guard !excluded.contains(position), !kept.contains(position) else { continue }
            if kept.count < count {
                kept.append(position)
                if value < score(kept[weakest]) { weakest = kept.count - 1 }
            } else {
                kept[weakest] = position
                weakest = kept.indices.min { score(kept[$0]) < score(kept[$1]) } ?? 0
            }
            if kept.count == count { floor = score(kept[weakest]) }
        }
        return kept
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
        _ pool: [Int], terms: [AnalyzedQuery.Term], sequence: [Int], ages: [AgeRange], concepts: ConceptSet,
        held: [AnalyzedQuery.HeldPaper], phrases: PhraseRun, pairs: [Float], bm25: ScoringScratch
    ) -> FamilyBest {
        let titleWeights = terms.map { term -> Float in
            guard term.isKnown else { return parameters.unknownWordWeight }
            return (index.titleWeight(term.match) ?? parameters.contextWordWeight) * term.weight
        }
        let totalWeight = titleWeights.reduce(0, +)
        guard totalWeight > 0 else { return FamilyBest() }
        // BM25 scaled by the most this reading could score, so that readings of
        // different lengths compare, and title match weighs the same in each.
        let bm25Ceiling = terms.filter(\.isKnown).reduce(0) { $0 + index.idf($1.match.folded) * $1.weight * (parameters.k1 + 1) }

        let scratch = TitleScratch(terms: terms, sequence: sequence, table: bm25, longestTitle: index.longestTitle)
        var best = FamilyBest(capacity: pool.count)
        // Entries are read in place: copying one would retain each of its
        // arrays, for every candidate of every question.
        var partial: [(scored: Scored, factor: Float)] = []
        partial.reserveCapacity(pool.count)
        index.procedures.withUnsafeBufferPointer { procedures in
            index.titleSpans.withUnsafeBufferPointer { spans in
                index.titleWords.withUnsafeBufferPointer { words in
                    for position in pool {
                        let bm25Score = bm25.scores[position]
                        let title = bestTitleMatch(
                            UnsafeBufferPointer(rebasing: spans[procedures[position].spans]), words: words, weights: titleWeights,
                            total: totalWeight, scratch: scratch
                        )
                        let bits = fieldBits(at: position, in: bm25)
                        let coverage = fieldCoverage(bits, weights: titleWeights, total: totalWeight)
                        let named = procedures[position].concepts.union(procedures[position].conceptsIfAsked.intersection(concepts))
                        var agreement = index.lexicon.agreement(of: named, asked: concepts)
                        if !held.isEmpty, let name = procedures[position].spans.first.map({ spans[$0] }),
                            issuesHeldPaper(words[name.start..<(name.start + name.count)], asked: concepts, held: held)
                        {
                            agreement -= parameters.heldPaperDisagreement
                        }
                        let bm25Share = bm25Score / max(bm25Ceiling, 1e-6)
                        var score = parameters.bm25Weight * bm25Share + parameters.titleWeight * title.match
                        score += parameters.recallWeight * title.recall + parameters.exactRecallWeight * title.exactRecall
                        score += parameters.precisionWeight * title.precision + parameters.coverageWeight * max(coverage, title.recall)
                        let pairShare = pairs.isEmpty ? 0 : pairs[position]
                        score += parameters.pairWeight * pairShare
                        score += conceptScore(of: agreement)
                        var factor = 1 - parameters.levelStep * Float(levelRanks[position])
                        if procedures[position].isCurated { factor *= parameters.curatedPrior }
                        if procedures[position].isForCitizens { factor *= parameters.citizenPrior }
                        if !ages.isEmpty, let range = procedures[position].ages {
                            factor *= ages.contains(where: range.overlaps) ? parameters.ageFits : parameters.ageContradicts
                        }
                        let features = MatchFeatures(
                            bm25: bm25Share, pairs: pairShare, concepts: agreement, phrase: 0,
                            levelRank: levelRanks[position], isCurated: procedures[position].isCurated,
                            isForCitizens: procedures[position].isForCitizens
                        )
                        let scored = Scored(
                            position: position, family: procedures[position].family, score: score * factor, bm25: bm25Score, title: title,
                            coverage: max(coverage, title.recall), features: features
                        )
                        partial.append((scored, factor))
                    }
                    // The name's longest run in the message adds at most
                    // `phraseWeight` (times the priors): it is looked for only
                    // in the candidates that could still reach the best.
                    let bar = partial.map(\.scored.score).max() ?? 0
                    for (scored, factor) in partial {
                        var scored = scored
                        if scored.score + parameters.phraseWeight * factor >= bar,
                            let name = procedures[scored.position].spans.first.map({ spans[$0] })
                        {
                            let run = phrases.longest(in: words[name.start..<(name.start + name.count)], key: name.start)
                            scored.features.phrase = run
                            scored.score += parameters.phraseWeight * factor * Float(min(run, parameters.longestPhrase)) / Float(parameters.longestPhrase)
                        }
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

    /// Higher score first; equal scores by code, so the order never depends on hashing.
    private func isBetter(_ scored: Scored, than other: Scored) -> Bool {
        if scored.score != other.score { return scored.score > other.score }
        return index.knowledge.procedures[scored.position].code < index.knowledge.procedures[other.position].code
    }

    /// What a concept agreement (``MatchFeatures/concepts``) adds to a
    /// candidate's score, before its priors.
    public func conceptScore(of agreement: Float) -> Float {
        agreement >= 0 ? parameters.conceptWeight * agreement : parameters.conceptPenalty * agreement
    }

    /// Whether one of the titles (name, short name, aliases) of the
    /// procedure at `position` holds `phrase` word for word.
    public func title(of position: Int, holds phrase: AnalyzedQuery.OutsidePhrase) -> Bool {
        let run = PhraseRun(words: phrase.words)
        for span in index.procedures[position].spans.map({ index.titleSpans[$0] })
        where run.longest(in: index.titleWords[span.start..<(span.start + span.count)], key: span.start) == phrase.words.count {
            return true
        }
        return false
    }

    /// Whether the name of the procedure at `position` holds a word of
    /// `phrase` that tells titles apart: an outside topic that shares the
    /// leader's words ("hộ chiếu ngoại giao" beside "Cấp hộ chiếu phổ
    /// thông") is a sibling the catalogue lacks, not a passing mention.
    public func name(of position: Int, sharesWordsWith phrase: AnalyzedQuery.OutsidePhrase) -> Bool {
        guard let first = index.procedures[position].spans.first else { return false }
        let span = index.titleSpans[first]
        let name = index.titleWords[span.start..<(span.start + span.count)]
        return phrase.words.contains { word in name.contains { $0.weight > 0 && $0.folded == word.folded } }
    }

    /// Whether the procedure at `position` serves only a case that `query`
    /// does not ask for (a facet of `concepts.txt` marked `only = yes`: the army's).
    public func servesOnlyUnaskedCase(_ position: Int, for query: AnalyzedQuery) -> Bool {
        !index.procedures[position].concepts.intersection(index.lexicon.exclusiveFacets).subtracting(query.concepts).isEmpty
    }

    /// Whether a word of `phrase` stands nowhere in the catalogue ("karaoke"):
    /// such a topic is plainly not one of its procedures.
    public func catalogueLacksAWord(of phrase: AnalyzedQuery.OutsidePhrase) -> Bool {
        phrase.words.contains { $0.folded < 0 || index.documentFrequency[Int($0.folded)] == 0 }
    }

    /// The family member at a level the question names, else the one the
    /// deployment prefers (level variants are one procedure).
    private func representative(of position: Int, asked levels: [Level]) -> Int {
        let members = index.families[Int(index.procedures[position].family)]
        guard members.count > 1 else { return position }
        if let named = members.first(where: { member in levels.contains { index.procedures[Int(member)].levels.contains($0) } }) {
            return Int(named)
        }
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

extension SearchEngine {
    /// The actions and facets (see `concepts.txt`) the name of the procedure
    /// at `position` carries, in file order.
    public func concepts(of position: Int) -> [Concept] {
        let set = index.procedures[position].concepts
        return index.lexicon.concepts.indices.filter(set.contains).map { index.lexicon.concepts[$0] }
    }

    /// The concepts a message asks for, in file order.
    public func concepts(asked query: AnalyzedQuery) -> [Concept] {
        index.lexicon.concepts.indices.filter(query.concepts.contains).map { index.lexicon.concepts[$0] }
    }

    /// The folded words of a procedure's name without its level and bracketed
    /// parts, stopwords left out: what tells variants of one topic apart.
    public func nameWords(of position: Int) -> Set<String> {
        let procedure = index.procedures[position]
        let span = index.titleSpans[procedure.spans.lowerBound + procedure.plainTitle]
        var words = Set<String>()
        for word in index.titleWords[span.start..<(span.start + span.count)] where word.weight > 0 {
            words.insert(index.terms.word(word.folded))
        }
        return words
    }

    /// A procedure's name without the part that only says at which level it runs.
    public func baseName(of procedure: Procedure) -> String {
        index.levelSuffix.strip(procedure.name)
    }
}

extension SearchEngine {
    /// The label of the action a citizen means when a message names none
    /// ("cấp mới"), for the variant of a choice that has no action of its own.
    public var usualActionLabel: String? {
        index.lexicon.concepts.indices.first(where: index.lexicon.usual.contains).map { index.lexicon.concepts[$0].label }
    }
}
