import ThuTucKnowledge

extension SearchEngine {
    /// BM25F over every field, accent-aware: a word typed with its accents
    /// earns full credit where the index has the same accents, partial credit
    /// where it matches only folded.
    func bm25Scores(_ terms: [AnalyzedQuery.Term]) -> (scores: [Float], touched: [Int]) {
        let count = index.procedures.count
        var scores = [Float](repeating: 0, count: count)
        var frequency = [Float](repeating: 0, count: count)
        var touched: [Int] = []
        var touchedByTerm: [Int] = []
        var inScores = [Bool](repeating: false, count: count)
        let weights = IndexField.allCases.map(\.weight)
        let norms = IndexField.allCases.map(\.lengthNormalization)

        func add(_ postings: [Posting], credit: Float) {
            for posting in postings {
                let document = Int(posting.document)
                let field = Int(posting.field)
                let length = index.procedures[document].lengths[field]
                let norm = 1 - norms[field] + norms[field] * length / index.averageLength[field]
                if frequency[document] == 0 { touchedByTerm.append(document) }
                frequency[document] += weights[field] * credit * Float(posting.frequency) / norm
            }
        }

        for term in terms where term.isKnown {
            let folded = Int(term.match.folded)
            switch term.match.marked {
            case MatchToken.unknown:
                add(index.postings[folded], credit: 1)
            case MatchToken.unseenAccents:
                add(index.postings[folded], credit: parameters.accentMismatchCredit)
            default:
                add(index.postings[folded], credit: parameters.accentMismatchCredit)
                add(index.markedPostings[Int(term.match.marked)], credit: 1 - parameters.accentMismatchCredit)
            }
            let idf = index.idf(term.match.folded) * term.weight
            for document in touchedByTerm {
                let x = frequency[document]
                scores[document] += idf * x * (parameters.k1 + 1) / (parameters.k1 + x)
                frequency[document] = 0
                if !inScores[document] {
                    inScores[document] = true
                    touched.append(document)
                }
            }
            touchedByTerm.removeAll(keepingCapacity: true)
        }
        return (scores, touched)
    }

    /// The `count` best-scoring positions among `touched`.
    func topPositions(_ scores: [Float], touched: [Int], count: Int) -> [Int] {
        guard touched.count > count else { return touched }
        return Array(touched.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }.prefix(count))
    }

    /// How well the best of a procedure's titles matches the question: an
    /// F-measure of question coverage and title coverage, weighted by how
    /// much each word tells procedures apart, scaled down when the question's
    /// words do not stand together in the title in the same order.
    func bestTitleMatch(
        _ procedure: IndexedProcedure, terms: [AnalyzedQuery.Term], sequence: [Int], weights: [Float], total: Float
    ) -> TitleMatch {
        var best = TitleMatch.none
        let typed = sequence.filter { $0 >= 0 && terms[$0].isKnown }.count
        var termCredit = [Float](repeating: 0, count: terms.count)
        var termAt = [[Bool]](repeating: [], count: terms.count)
        var previousRun = [Int](repeating: 0, count: sequence.count + 1)
        var currentRun = [Int](repeating: 0, count: sequence.count + 1)
        for (titleIndex, title) in procedure.titles.enumerated() where title.total > 0 {
            for index in termCredit.indices {
                termCredit[index] = 0
                termAt[index] = [Bool](repeating: false, count: title.text.count)
            }
            var titleMatched: Float = 0
            for position in 0..<title.text.count {
                let word = MatchToken(folded: title.text.folded[position], marked: title.text.marked[position])
                var wordCredit: Float = 0
                for (termIndex, term) in terms.enumerated() where term.isKnown && term.match.folded == word.folded {
                    let credit = term.match.matches(word) ? 1 : parameters.accentMismatchCredit
                    wordCredit = max(wordCredit, credit)
                    termCredit[termIndex] = max(termCredit[termIndex], credit)
                    termAt[termIndex][position] = true
                }
                titleMatched += title.weights[position] * wordCredit
            }
            var queryMatched: Float = 0
            for (termIndex, credit) in termCredit.enumerated() { queryMatched += weights[termIndex] * credit }
            guard queryMatched > 0 else { continue }
            // The longest stretch of the question, as typed, that stands in the title word for word.
            var longestRun = 0
            for index in previousRun.indices { previousRun[index] = 0 }
            for position in 0..<title.text.count {
                currentRun[0] = 0
                for (step, termIndex) in sequence.enumerated() {
                    let matched = termIndex >= 0 && termAt[termIndex][position]
                    currentRun[step + 1] = matched ? previousRun[step] + 1 : 0
                    longestRun = max(longestRun, currentRun[step + 1])
                }
                swap(&previousRun, &currentRun)
            }
            let recall = queryMatched / total
            let precision = min(1, titleMatched / title.total)
            let beta2 = parameters.beta * parameters.beta
            var match: Float = (1 + beta2) * precision * recall / max(beta2 * precision + recall, 1e-6)
            if typed > 1 {
                match *= 1 - parameters.orderBonus * Float(typed - min(max(longestRun, 1), typed)) / Float(typed - 1)
            }
            if match > best.match { best = TitleMatch(match: match, recall: recall, precision: precision, index: titleIndex) }
        }
        return best
    }

    /// Share of the question's weight found in the procedure's fields other
    /// than the document list, which mentions too much to vouch for a topic.
    func fieldCoverage(_ position: Int, terms: [AnalyzedQuery.Term], weights: [Float], total: Float) -> Float {
        var matched: Float = 0
        for (termIndex, term) in terms.enumerated() where term.isKnown {
            let postings = index.postings[Int(term.match.folded)]
            if postings.contains(where: { Int($0.document) == position && $0.field != UInt8(IndexField.document.rawValue) }) {
                matched += weights[termIndex]
            }
        }
        return matched / total
    }
}
