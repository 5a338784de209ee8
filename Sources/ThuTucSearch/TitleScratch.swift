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
    /// Registers the question's words in `table`'s word lookup, which stays
    /// filled until `table` is reset; `longestTitle` is the most words any
    /// title given to ``matchWords(_:in:mismatchCredit:)`` will have.
    init(terms: [AnalyzedQuery.Term], sequence: [Int], table: ScoringScratch, longestTitle: Int) {
        let count = terms.count
        matchedPositions = .allocate(capacity: longestTitle)
        matchedBits = .allocate(capacity: longestTitle)
        stepStart = .allocate(capacity: count + 1)
        steps = .allocate(capacity: sequence.count)
        runLength = .allocate(capacity: 2 * sequence.count)
        runTitleWord = .allocate(capacity: 2 * sequence.count)
        words = .allocate(capacity: count)
        nextTerm = .allocate(capacity: count)
        termCredit = .allocate(capacity: count)

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
        typedCount = sequence.filter { $0 >= 0 && terms[$0].isKnown }.count
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
        for buffer in [matchedPositions, stepStart, steps, runLength, runTitleWord] { buffer.deallocate() }
        matchedBits.deallocate()
        words.deallocate()
        nextTerm.deallocate()
        termCredit.deallocate()
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
