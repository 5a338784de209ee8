import ThuTucKnowledge

extension SearchEngine {
    /// BM25F over the fields, accent-aware: a word typed with its accents
    /// earns full credit where the index has the same accents, partial credit
    /// where it matches only folded. Fills `scratch` with each procedure's
    /// score, the terms it holds outside the document list, and the
    /// procedures touched, or, once a word is scored from its dense row
    /// (which touches nearly every procedure), the rows used.
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
            let share = TermShare(idf: idf, k1: k1, marked: marked, mismatchCredit: mismatchCredit, bit: bit)
            if extra.isEmpty, let row = index.dense.row(of: folded) {
                addRow(row, of: index.postings[folded], share: share, scratch: scratch)
                continue
            }
            func add(_ frequency: Float, at position: Int, inFields: Bool) {
                if inFields { found[position] |= bit }
                touched[touchedCount] = Int32(truncatingIfNeeded: position)
                touchedCount = min(touchedCount + (scores[position] == 0 ? 1 : 0), touched.count - 1)
                scores[position] += share.score(frequency)
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
                        var frequency: Float = 0
                        share.accumulate(&frequency, of: document, in: main, from: &next)
                        add(frequency, at: Int(document), inFields: true)
                    }
                    while next < main.count || nextExtra < extra.count {
                        let document = min(
                            next < main.count ? main[next].document : .max, nextExtra < extra.count ? extra[nextExtra].document : .max
                        )
                        var frequency: Float = 0
                        let inFields = next < main.count && main[next].document == document
                        share.accumulate(&frequency, of: document, in: main, from: &next)
                        share.accumulate(&frequency, of: document, in: extra, from: &nextExtra)
                        add(frequency, at: Int(document), inFields: inFields)
                    }
                }
            }
        }
    }

    /// What one question word adds to a procedure with a given frequency.
    struct TermShare {
        var idf: Float
        var k1: Float
        var marked: Int32
        var mismatchCredit: Float
        var bit: UInt64

        func credit(_ posting: Posting) -> Float {
            posting.marked == marked ? 1 : mismatchCredit
        }

        func score(_ frequency: Float) -> Float {
            idf * RankingParameters.saturation(frequency, k1: k1)
        }

        /// Adds to `frequency`, in list order, the credited weights of the
        /// postings of `document` from `next` on, and leaves `next` past them.
        @inline(__always)
        func accumulate(_ frequency: inout Float, of document: Int32, in list: UnsafeBufferPointer<Posting>, from next: inout Int) {
            while next < list.count && list[next].document == document {
                frequency += credit(list[next]) * list[next].weight
                next += 1
            }
        }
    }

    /// ``bm25Scores(_:into:)`` for a word with a dense row: every slot is
    /// added, eight at a time, an empty one adding exactly 0; then the
    /// procedures with several postings, from their runs in `list`. A slot
    /// holds the saturation the list walk would compute for its posting, so
    /// each lane adds what the walk adds and the sums are the same to the
    /// bit. The field bits of the slots are left to ``fieldBits(at:in:)``,
    /// which only the candidates need.
    private func addRow(_ row: Int, of list: [Posting], share: TermShare, scratch: ScoringScratch) {
        let dense = index.dense
        let scores = scratch.scores
        scratch.rows.append((row, share.bit))
        // A word typed without accents gives every posting full credit.
        let credited = share.mismatchCredit == 1 ? dense.matched : dense.mismatched
        dense.matched.withUnsafeBufferPointer { matched in
            credited.withUnsafeBufferPointer { credited in
                dense.marked.withUnsafeBufferPointer { marked in
                    guard let matchedRow = matched.baseAddress.map({ $0 + row * dense.width }),
                        let creditedRow = credited.baseAddress.map({ $0 + row * dense.width }),
                        let markedRow = marked.baseAddress.map({ $0 + row * dense.width }),
                        let scoreRow = scores.baseAddress
                    else { return }
                    let idf = SIMD8<Float>(repeating: share.idf)
                    var position = 0
                    // Full credit whatever the accents: the forms need not be read.
                    if share.mismatchCredit == 1 {
                        while position + 8 <= dense.width {
                            let full = UnsafeRawPointer(matchedRow + position).loadUnaligned(as: SIMD8<Float>.self)
                            let score = UnsafeRawPointer(scoreRow + position).loadUnaligned(as: SIMD8<Float>.self)
                            UnsafeMutableRawPointer(scoreRow + position).storeBytes(of: score + idf * full, as: SIMD8<Float>.self)
                            position += 8
                        }
                    }
                    let typed = SIMD8<Int32>(repeating: share.marked)
                    while position + 8 <= dense.width {
                        let full = UnsafeRawPointer(matchedRow + position).loadUnaligned(as: SIMD8<Float>.self)
                        let other = UnsafeRawPointer(creditedRow + position).loadUnaligned(as: SIMD8<Float>.self)
                        let form = UnsafeRawPointer(markedRow + position).loadUnaligned(as: SIMD8<Int32>.self)
                        let score = UnsafeRawPointer(scoreRow + position).loadUnaligned(as: SIMD8<Float>.self)
                        let sum = score + idf * other.replacing(with: full, where: form .== typed)
                        UnsafeMutableRawPointer(scoreRow + position).storeBytes(of: sum, as: SIMD8<Float>.self)
                        position += 8
                    }
                    while position < dense.width {
                        scoreRow[position] += share.idf * (markedRow[position] == share.marked ? matchedRow[position] : creditedRow[position])
                        position += 1
                    }
                }
            }
        }
        list.withUnsafeBufferPointer { list in
            for start in dense.runs[row] {
                var next = Int(start)
                let document = list[next].document
                var frequency: Float = 0
                share.accumulate(&frequency, of: document, in: list, from: &next)
                scores[Int(document)] += share.score(frequency)
                scratch.found[Int(document)] |= share.bit
            }
        }
    }

    /// A bit per question word the procedure at `position` holds outside its
    /// document list: the list walks set them as they go, dense rows are read here.
    func fieldBits(at position: Int, in scratch: ScoringScratch) -> UInt64 {
        var bits = scratch.found[position]
        let dense = index.dense
        for (row, bit) in scratch.rows where dense.matched[row * dense.width + position] > 0 {
            bits |= bit
        }
        return bits
    }

    /// The `count` best-scoring positions among `touched` (equal scores by
    /// position), in no particular order: the ranking that follows orders
    /// them on scores of its own.
    func topPositions(_ scores: UnsafeBufferPointer<Float>, touched: UnsafeBufferPointer<Int32>, count: Int) -> [Int] {
        guard touched.count > count else { return touched.map(Int.init) }
        guard count > 0 else { return [] }
        var top = TopKeys(capacity: count)
        for index in 0..<count {
            top.offer(Self.rankKey(scores[Int(touched[index])], position: Int(touched[index])))
        }
        // Most of the list is passed over with one comparison against the weakest score kept.
        var floor = scores[Self.position(ofKey: top.least)]
        for index in count..<touched.count where scores[Int(touched[index])] >= floor {
            top.offer(Self.rankKey(scores[Int(touched[index])], position: Int(touched[index])))
            floor = scores[Self.position(ofKey: top.least)]
        }
        return top.kept.map(Self.position(ofKey:))
    }

    /// The same over every position, those scoring 0 left out: for a
    /// question with a dense row, which touches nearly every procedure.
    ///
    /// `seeds`, the postings of the question's rarest word, hold the
    /// procedures that tend to score highest: the heap takes them first, so
    /// the bar the scan holds every procedure to starts high and few others
    /// reach the heap. The scan passes over the seeds the heap kept, which
    /// would otherwise take a second place each.
    func topPositions(_ scores: UnsafeBufferPointer<Float>, count: Int, seeds: UnsafeBufferPointer<Posting>) -> [Int] {
        guard count > 0 else { return [] }
        var top = TopKeys(capacity: count)
        // Scores are positive where a word was found: until the heap is full, any of those enters.
        var floor = Float.leastNonzeroMagnitude
        var last: Int32 = -1
        for posting in seeds where posting.document != last {
            last = posting.document
            guard scores[Int(last)] >= floor else { continue }
            top.offer(Self.rankKey(scores[Int(last)], position: Int(last)))
            if top.isFull { floor = scores[Self.position(ofKey: top.least)] }
        }
        var kept = [UInt64](repeating: 0, count: (scores.count + 63) / 64)
        for key in top.kept {
            let position = Self.position(ofKey: key)
            kept[position / 64] |= 1 << UInt64(position % 64)
        }
        for position in scores.indices where scores[position] >= floor && kept[position / 64] & 1 << UInt64(position % 64) == 0 {
            top.offer(Self.rankKey(scores[position], position: position))
            if top.isFull { floor = scores[Self.position(ofKey: top.least)] }
        }
        return top.kept.map(Self.position(ofKey:))
    }

    /// One integer that orders as the ranking does, higher score first and
    /// equal scores by lower position, so the heap compares without reading scores.
    static func rankKey(_ score: Float, position: Int) -> UInt64 {
        let bits = score.bitPattern
        // IEEE floats order as integers once the sign bit is flipped for
        // positives and every bit for negatives.
        let ordered = bits ^ (UInt32(bitPattern: Int32(bitPattern: bits) >> 31) | 0x8000_0000)
        return UInt64(ordered) << 32 | UInt64(UInt32.max - UInt32(truncatingIfNeeded: position))
    }

    static func position(ofKey key: UInt64) -> Int {
        Int(UInt32.max - UInt32(truncatingIfNeeded: key))
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
                    isContained: contained, run: longestRun
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
