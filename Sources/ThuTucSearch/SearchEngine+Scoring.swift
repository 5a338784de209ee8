import ThuTucKnowledge

extension SearchEngine {
    /// What BM25F finds for one reading of a question.
    struct BM25Result {
        var scores: [Float]
        /// Procedures with any score, in the order first reached.
        var touched: [Int]
        /// Per procedure, a bit per distinct term it holds (outside the document list).
        var found: [UInt64]
    }

    /// BM25F over the fields, accent-aware: a word typed with its accents
    /// earns full credit where the index has the same accents, partial credit
    /// where it matches only folded.
    ///
    /// The document lists count only for words that few procedures' lists
    /// hold ("giấy chứng sinh"): for common words they are long to walk and
    /// tell procedures apart no better than noise.
    func bm25Scores(_ terms: [AnalyzedQuery.Term]) -> BM25Result {
        let count = index.procedures.count
        var scores = [Float](repeating: 0, count: count)
        var found = [UInt64](repeating: 0, count: count)
        var frequency = [Float](repeating: 0, count: count)
        var touched: [Int] = []
        var touchedByTerm: [Int32] = []
        touchedByTerm.reserveCapacity(count)
        let k1 = parameters.k1
        let documentListLimit = parameters.documentListLimit
        // The inner loops run over thousands of postings per question: raw
        // buffers keep them free of bounds checks and reference counting.
        scores.withUnsafeMutableBufferPointer { scores in
            found.withUnsafeMutableBufferPointer { found in
                frequency.withUnsafeMutableBufferPointer { frequency in
                    // Full credit where the accents agree (or the question gave none),
                    // partial credit where the word matches only folded.
                    func add(_ postings: [Posting], marked: Int32, bit: UInt64, counted: Bool) {
                        let mismatch = parameters.accentMismatchCredit
                        postings.withUnsafeBufferPointer { postings in
                            for posting in postings {
                                let document = Int(posting.document)
                                let credit: Float = marked == MatchToken.unknown || posting.marked == marked ? 1 : mismatch
                                if frequency[document] == 0 { touchedByTerm.append(posting.document) }
                                frequency[document] += credit * posting.weight
                                if counted { found[document] |= bit }
                            }
                        }
                    }
                    for (termIndex, term) in terms.enumerated() where term.isKnown {
                        let bit: UInt64 = termIndex < 64 ? 1 << UInt64(termIndex) : 0
                        let folded = Int(term.match.folded)
                        add(index.postings[folded], marked: term.match.marked, bit: bit, counted: true)
                        if index.documentPostings[folded].count <= documentListLimit {
                            add(index.documentPostings[folded], marked: term.match.marked, bit: bit, counted: false)
                        }
                        let idf = index.idf(term.match.folded) * term.weight
                        for document in touchedByTerm {
                            let position = Int(document)
                            let x = frequency[position]
                            if scores[position] == 0 { touched.append(position) }
                            scores[position] += idf * x * (k1 + 1) / (k1 + x)
                            frequency[position] = 0
                        }
                        touchedByTerm.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        return BM25Result(scores: scores, touched: touched, found: found)
    }

    /// The `count` best-scoring positions among `touched`, best first.
    func topPositions(_ scores: [Float], touched: [Int], count: Int) -> [Int] {
        guard touched.count > count else { return touched }
        // A bounded min-heap: the pool is small and the touched list can hold
        // most of the catalogue for common words, so sorting it all is waste.
        var heap: [Int] = []
        heap.reserveCapacity(count)
        func worse(_ a: Int, _ b: Int) -> Bool { scores[a] != scores[b] ? scores[a] < scores[b] : a > b }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count && worse(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count && worse(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for position in touched {
            if heap.count < count {
                heap.append(position)
                var child = heap.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard worse(heap[child], heap[parent]) else { break }
                    heap.swapAt(child, parent)
                    child = parent
                }
            } else if worse(heap[0], position) {
                heap[0] = position
                siftDown(0)
            }
        }
        return heap.sorted { worse($1, $0) }
    }

    /// How well the best of a procedure's titles matches the question: an
    /// F-measure of question coverage and title coverage, weighted by how
    /// much each word tells procedures apart, scaled down when the question's
    /// words do not stand together in the title in the same order.
    func bestTitleMatch(
        _ titles: UnsafeBufferPointer<IndexedTitle>, weights: [Float], total: Float, scratch: TitleScratch
    ) -> TitleMatch {
        var best = TitleMatch.none
        let typed = scratch.typedCount
        let beta2 = parameters.beta * parameters.beta
        let termCredit = scratch.termCredit
        for titleIndex in titles.indices where titles[titleIndex].total > 0 && titles[titleIndex].words & scratch.bits != 0 {
            let titleMatched = scratch.matchWords(ofTitleAt: titleIndex, in: titles, mismatchCredit: parameters.accentMismatchCredit)
            var queryMatched: Float = 0
            var exactlyMatched: Float = 0
            for termIndex in termCredit.indices {
                queryMatched += weights[termIndex] * termCredit[termIndex]
                if termCredit[termIndex] == 1 { exactlyMatched += weights[termIndex] }
            }
            guard queryMatched > 0 else { continue }
            let longestRun = scratch.longestRun(titleLength: titles[titleIndex].text.count)
            let titleTotal = titles[titleIndex].total
            let recall = queryMatched / total
            let precision = min(1, titleMatched / titleTotal)
            var match: Float = (1 + beta2) * precision * recall / max(beta2 * precision + recall, 1e-6)
            if typed > 1 {
                match *= 1 - parameters.orderBonus * Float(typed - min(max(longestRun, 1), typed)) / Float(typed - 1)
            }
            // A whole title standing in a longer question ("đăng ký khai tử cho
            // ông nội mới mất") names the procedure, whatever else is said.
            let contained = precision >= 0.99 && longestRun >= 2 && titleTotal >= parameters.containedTitleWeight
            if contained {
                match = max(match, parameters.containedTitleFloor + (1 - parameters.containedTitleFloor) * recall)
            }
            if match > best.match {
                best = TitleMatch(
                    match: match, recall: recall, exactRecall: exactlyMatched / total, precision: precision, index: titleIndex,
                    isContained: contained
                )
            }
        }
        return best
    }

    /// Share of the question's weight found in the procedure's fields other
    /// than the document list, which mentions too much to vouch for a topic.
    func fieldCoverage(_ found: UInt64, weights: [Float], total: Float) -> Float {
        var matched: Float = 0
        for (termIndex, weight) in weights.enumerated() where termIndex < 64 && found & (1 << UInt64(termIndex)) != 0 {
            matched += weight
        }
        return matched / total
    }
}
