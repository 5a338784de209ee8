import ThuTucKnowledge

extension SearchEngine {
    /// BM25F over the fields, accent-aware: a word typed with its accents
    /// earns full credit where the index has the same accents, partial credit
    /// where it matches only folded. Fills `scratch` with each procedure's
    /// score, the terms it holds outside the document list, and the
    /// procedures touched.
    ///
    /// The document lists count only for words that few procedures' lists
    /// hold ("giấy chứng sinh"): for common words they are long to walk and
    /// tell procedures apart no better than noise.
    func bm25Scores(_ terms: [AnalyzedQuery.Term], into scratch: ScoringScratch) {
        let k1 = parameters.k1
        let mismatch = parameters.accentMismatchCredit
        let scores = scratch.scores
        let found = scratch.found
        let touched = scratch.touchedStorage
        var touchedCount = scratch.touchedCount
        defer { scratch.touchedCount = touchedCount }
        // A weightless word adds nothing, and would mark procedures touched without a score.
        for (termIndex, term) in terms.enumerated() where term.isKnown && term.weight > 0 {
            let bit: UInt64 = termIndex < 64 ? 1 << UInt64(termIndex) : 0
            let folded = Int(term.match.folded)
            let marked = term.match.marked
            // A word typed without accents gets full credit either way: one
            // select per posting rather than two tests.
            let mismatchCredit = marked == MatchToken.unknown ? 1 : mismatch
            let idf = index.idf(term.match.folded) * term.weight
            let extra = index.documentPostings[folded].count <= parameters.documentListLimit ? index.documentPostings[folded] : []
            func credit(_ posting: Posting) -> Float {
                posting.marked == marked ? 1 : mismatchCredit
            }
            func add(_ frequency: Float, at position: Int, inFields: Bool) {
                if inFields { found[position] |= bit }
                touched[touchedCount] = Int32(truncatingIfNeeded: position)
                touchedCount = min(touchedCount + (scores[position] == 0 ? 1 : 0), touched.count - 1)
                scores[position] += idf * frequency * (k1 + 1) / (k1 + frequency)
            }
            // Both lists hold each procedure's postings together, in
            // procedure order: walking them side by side sums a procedure's
            // frequency without a per-procedure array to fill and clear.
            index.postings[folded].withUnsafeBufferPointer { main in
                extra.withUnsafeBufferPointer { extra in
                    var next = 0, nextExtra = 0
                    // Most words' document lists are left out: then a plain walk.
                    while next < main.count && nextExtra == extra.count {
                        let document = main[next].document
                        var frequency = credit(main[next]) * main[next].weight
                        next += 1
                        while next < main.count && main[next].document == document {
                            frequency += credit(main[next]) * main[next].weight
                            next += 1
                        }
                        add(frequency, at: Int(document), inFields: true)
                    }
                    while next < main.count || nextExtra < extra.count {
                        let document = min(
                            next < main.count ? main[next].document : .max, nextExtra < extra.count ? extra[nextExtra].document : .max
                        )
                        var frequency: Float = 0
                        let inFields = next < main.count && main[next].document == document
                        while next < main.count && main[next].document == document {
                            frequency += credit(main[next]) * main[next].weight
                            next += 1
                        }
                        while nextExtra < extra.count && extra[nextExtra].document == document {
                            frequency += credit(extra[nextExtra]) * extra[nextExtra].weight
                            nextExtra += 1
                        }
                        add(frequency, at: Int(document), inFields: inFields)
                    }
                }
            }
        }
    }

    /// The `count` best-scoring positions among `touched` (equal scores by
    /// position), in no particular order: the ranking that follows orders
    /// them on scores of its own.
    func topPositions(_ scores: UnsafeBufferPointer<Float>, touched: UnsafeBufferPointer<Int32>, count: Int) -> [Int] {
        guard touched.count > count else { return touched.map(Int.init) }
        guard count > 0 else { return [] }
        // A bounded min-heap: the pool is small and the touched list can hold
        // most of the catalogue for common words, so sorting it all is waste.
        // Each entry is one integer that orders as the ranking does (see
        // `rankKey`), so the heap's comparisons read no scores; most of the
        // list is passed over with one comparison against the weakest score kept.
        func rankKey(_ position: Int32) -> UInt64 {
            let bits = scores[Int(position)].bitPattern
            // IEEE floats order as integers once the sign bit is flipped for
            // positives and every bit for negatives.
            let ordered = bits ^ (UInt32(bitPattern: Int32(bitPattern: bits) >> 31) | 0x8000_0000)
            return UInt64(ordered) << 32 | UInt64(UInt32.max - UInt32(bitPattern: position))
        }
        func position(of key: UInt64) -> Int { Int(UInt32.max - UInt32(truncatingIfNeeded: key)) }
        let heap = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: count)
        defer { heap.deallocate() }
        func siftDown() {
            var parent = 0
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < count && heap[left] < heap[smallest] { smallest = left }
                if right < count && heap[right] < heap[smallest] { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in 0..<count {
            heap[index] = rankKey(touched[index])
            var child = index
            while child > 0 {
                let parent = (child - 1) / 2
                guard heap[child] < heap[parent] else { break }
                heap.swapAt(child, parent)
                child = parent
            }
        }
        var floor = scores[position(of: heap[0])]
        for index in count..<touched.count {
            guard scores[Int(touched[index])] >= floor else { continue }
            let key = rankKey(touched[index])
            guard key > heap[0] else { continue }
            heap[0] = key
            siftDown()
            floor = scores[position(of: heap[0])]
        }
        return heap.map(position(of:))
    }

    /// How well the best of a procedure's titles matches the question: an
    /// F-measure of question coverage and title coverage, weighted by how
    /// much each word tells procedures apart, scaled down when the question's
    /// words do not stand together in the title in the same order.
    func bestTitleMatch(
        _ titles: UnsafeBufferPointer<TitleSpan>, words titleWords: UnsafeBufferPointer<TitleWord>, weights: [Float], total: Float,
        scratch: TitleScratch
    ) -> TitleMatch {
        var best = TitleMatch.none
        let typed = scratch.typedCount
        let beta2 = parameters.beta * parameters.beta
        let termCredit = scratch.termCredit
        for titleIndex in titles.indices where titles[titleIndex].total > 0 && titles[titleIndex].words & scratch.bits != 0 {
            let titleMatched = scratch.matchWords(titles[titleIndex], in: titleWords, mismatchCredit: parameters.accentMismatchCredit)
            var queryMatched: Float = 0
            var exactlyMatched: Float = 0
            for termIndex in termCredit.indices {
                queryMatched += weights[termIndex] * termCredit[termIndex]
                if termCredit[termIndex] == 1 { exactlyMatched += weights[termIndex] }
            }
            guard queryMatched > 0 else { continue }
            let longestRun = scratch.longestRun(titleLength: titles[titleIndex].count)
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
