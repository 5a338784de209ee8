/// Buffers for ``SearchEngine/bestTitleMatch(_:words:weights:total:scratch:)``,
/// made once per reading of a question rather than once per candidate.
///
/// Raw buffers rather than arrays: the loops below write them for every word
/// of every title of every candidate, and an array would check that its
/// storage is unique on each write. The buffers never leave this class; the
/// word lookup is borrowed from the ``ScoringScratch`` it was made with.
final class TitleScratch {
    /// The question's distinct words as bare match tokens (-1 folded for
    /// unknown words), so the inner loops touch no Strings.
    let words: UnsafeMutableBufferPointer<MatchToken>
    /// The question's words as title bits (see ``IndexedTitle/words``).
    let bits: UInt64
    /// The question as typed: for each word, its index in ``words`` (-1 when
    /// it has none).
    let sequence: [Int]
    /// How many words of the question as typed are known to the index.
    let typedCount: Int
    /// Per distinct word, the best credit the current title gives it.
    let termCredit: UnsafeMutableBufferPointer<Float>
    /// The current title's words that match some question word: where they
    /// stand, and a bit for each distinct question word they match.
    private let matchedPositions: UnsafeMutableBufferPointer<Int>
    private let matchedBits: UnsafeMutableBufferPointer<UInt64>
    private var matchedCount = 0
    /// Per distinct question word, where its steps start in ``steps``; one
    /// more entry closes the last word's.
    private let stepStart: UnsafeMutableBufferPointer<Int>
    /// The steps of the question as typed, grouped by distinct word.
    private let steps: UnsafeMutableBufferPointer<Int>
    /// Per step, the length of the run ending there at the title word whose
    /// number (see `clock`) `runTitleWord` holds; two rows, by the parity of
    /// the title word's position.
    private let runLength: UnsafeMutableBufferPointer<Int>
    private let runTitleWord: UnsafeMutableBufferPointer<Int>
    /// Numbers every title word ever read, so a cell written for another
    /// title never passes for one of this title's; a title's words get
    /// `clock + 1 …`, and one number is left out between titles.
    private var clock = 0
    /// Per folded word of the index, the first distinct question word with
    /// that folded form (-1 for none): a title word finds its question words
    /// in one look instead of a comparison with each.
    private let firstTerm: UnsafeMutableBufferPointer<Int32>
    /// Per distinct question word, the next one with the same folded form (-1 for none).
    private let nextTerm: UnsafeMutableBufferPointer<Int32>
    /// The memory every buffer above but ``firstTerm`` is carved from.
    private let storage: UnsafeMutableRawPointer

    /// Registers the question's words in `table`'s word lookup, which stays
    /// filled until `table` is reset; `longestTitle` is the most words any
    /// title given to ``matchWords(_:in:mismatchCredit:)`` will have.
    init(terms: [AnalyzedQuery.Term], sequence: [Int], table: ScoringScratch, longestTitle: Int) {
        // One allocation carved into every buffer: a reading makes one
        // scratch, and nine allocations cost more than the carving. The
        // buffers of 8-byte elements come first, so every buffer starts aligned.
        let count = terms.count
        var carver = BufferCarver(
            eightByteElements: 2 * longestTitle + (count + 1) + sequence.count + 4 * sequence.count,
            otherBytes: count * (MemoryLayout<MatchToken>.stride + MemoryLayout<Int32>.stride + MemoryLayout<Float>.stride)
        )
        storage = carver.storage
        matchedPositions = carver.carve(Int.self, longestTitle)
        matchedBits = carver.carve(UInt64.self, longestTitle)
        stepStart = carver.carve(Int.self, count + 1)
        steps = carver.carve(Int.self, sequence.count)
        runLength = carver.carve(Int.self, 2 * sequence.count)
        runTitleWord = carver.carve(Int.self, 2 * sequence.count)
        words = carver.carve(MatchToken.self, count)
        nextTerm = carver.carve(Int32.self, count)
        termCredit = carver.carve(Float.self, count)

        // Plain loops: a key path such as `\.isKnown` given to `filter` is
        // read through the runtime here, at a few hundred instructions a word.
        var bits: UInt64 = 0
        for (termIndex, term) in terms.enumerated() {
            let known = term.isKnown
            words.initializeElement(
                at: termIndex, to: known ? term.match : MatchToken(folded: MatchToken.unknown, marked: MatchToken.unknown)
            )
            if known { bits |= IndexedTitle.bit(term.match.folded) }
        }
        self.bits = bits
        firstTerm = table.firstTerm
        nextTerm.initialize(repeating: -1)
        for termIndex in terms.indices.reversed() where words[termIndex].folded >= 0 {
            let folded = Int(words[termIndex].folded)
            nextTerm[termIndex] = table.register(folded: folded, term: Int32(termIndex))
        }
        self.sequence = sequence
        var typedCount = 0
        for word in sequence where word >= 0 && terms[word].isKnown { typedCount += 1 }
        self.typedCount = typedCount
        termCredit.initialize(repeating: 0)
        // Only the first 64 distinct words carry a bit in matchedBits, so only
        // their steps can be part of a run.
        var filled = 0
        for termIndex in terms.indices {
            stepStart[termIndex] = filled
            guard termIndex < 64 else { continue }
            for (step, word) in sequence.enumerated() where word == termIndex {
                steps[filled] = step
                filled += 1
            }
        }
        stepStart[count] = filled
        runLength.initialize(repeating: 0)
        runTitleWord.initialize(repeating: -1)
    }

    deinit {
        storage.deallocate()
    }

    /// Matches the question's words against those of the title at `span`
    /// in `titleWords`: fills ``termCredit`` (1 where the accents agree,
    /// `mismatchCredit` where only the folded forms do) and the matched
    /// words ``longestRun(titleLength:)`` reads, and returns the title's
    /// matched weight.
    func matchWords(_ span: TitleSpan, in titleWords: UnsafeBufferPointer<TitleWord>, mismatchCredit: Float) -> Float {
        precondition(span.count <= matchedPositions.count, "a title longer than the longest title")
        matchedCount = 0
        termCredit.update(repeating: 0)
        var titleMatched: Float = 0
        for position in 0..<span.count {
            let titleWord = titleWords[span.start + position]
            // The question's word bits turn most title words away before the
            // lookup table, which is large enough to miss the cache.
            guard IndexedTitle.bit(titleWord.folded) & self.bits != 0 else { continue }
            var next = firstTerm[Int(titleWord.folded)]
            guard next >= 0 else { continue }
            let word = MatchToken(folded: titleWord.folded, marked: titleWord.marked)
            var wordCredit: Float = 0
            var bits: UInt64 = 0
            while next >= 0 {
                let termIndex = Int(next)
                let credit = words[termIndex].matches(word) ? 1 : mismatchCredit
                wordCredit = max(wordCredit, credit)
                termCredit[termIndex] = max(termCredit[termIndex], credit)
                if termIndex < 64 { bits |= 1 << UInt64(termIndex) }
                next = nextTerm[termIndex]
            }
            if bits != 0 {
                matchedPositions[matchedCount] = position
                matchedBits[matchedCount] = bits
                matchedCount += 1
            }
            titleMatched += titleWord.weight * wordCredit
        }
        return titleMatched
    }

    /// The longest stretch of the question, as typed, that stands word for
    /// word in the title last given to
    /// ``matchWords(_:in:mismatchCredit:)``; `count` is that title's
    /// length in words.
    func longestRun(titleLength count: Int) -> Int {
        // The classic longest-common-run table, filled only where a title
        // word matches a step of the question: a cell is valid when it was
        // written for the title word it is read for, and zero otherwise.
        let stride = sequence.count
        var longest = 0
        let first = clock + 1
        clock += count + 1
        for match in 0..<matchedCount {
            let position = matchedPositions[match]
            var bits = matchedBits[match]
            let word = first + position
            let row = (position & 1) * stride, previousRow = stride - row
            while bits != 0 {
                let termIndex = bits.trailingZeroBitCount
                bits &= bits - 1
                for step in steps[stepStart[termIndex]..<stepStart[termIndex + 1]] {
                    let before = previousRow + step - 1
                    let extends = step > 0 && runTitleWord[before] == word - 1
                    let run = extends ? runLength[before] + 1 : 1
                    runLength[row + step] = run
                    runTitleWord[row + step] = word
                    longest = max(longest, run)
                }
            }
        }
        return longest
    }
}

/// Hands out consecutive typed buffers from one raw allocation, which its
/// owner frees. Buffers of 8-byte elements must be carved before the others
/// for each to start aligned.
private struct BufferCarver {
    let storage: UnsafeMutableRawPointer
    private var cursor: UnsafeMutableRawPointer
    private let end: UnsafeMutableRawPointer

    init(eightByteElements: Int, otherBytes: Int) {
        let byteCount = max(1, eightByteElements * 8 + otherBytes)
        storage = .allocate(byteCount: byteCount, alignment: 8)
        cursor = storage
        end = storage + byteCount
    }

    /// The next `count` elements of `type`, bound but not initialised.
    mutating func carve<Element>(_ type: Element.Type, _ count: Int) -> UnsafeMutableBufferPointer<Element> {
        precondition(Int(bitPattern: cursor) % MemoryLayout<Element>.alignment == 0, "carved out of order")
        precondition(end - cursor >= count * MemoryLayout<Element>.stride, "carved past the allocation")
        let buffer = UnsafeMutableBufferPointer(start: cursor.bindMemory(to: type, capacity: count), count: count)
        cursor += count * MemoryLayout<Element>.stride
        return buffer
    }
}
