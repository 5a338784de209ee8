/// Buffers for ``SearchEngine/bestTitleMatch(_:weights:total:scratch:)``,
/// made once per reading of a question rather than once per candidate.
///
/// Raw buffers rather than arrays: the loops below write them for every word
/// of every title of every candidate, and an array would check that its
/// storage is unique on each write. The buffers never leave this class.
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
    /// Per title word, a bit for each distinct question word it matches.
    private var termsAt: UnsafeMutableBufferPointer<UInt64>
    private var previousRun: UnsafeMutableBufferPointer<Int>
    private var currentRun: UnsafeMutableBufferPointer<Int>
    /// Per folded word of the index, the first distinct question word with
    /// that folded form (-1 for none): a title word finds its question words
    /// in one look instead of a comparison with each.
    private let firstTerm: UnsafeMutableBufferPointer<Int32>
    /// Per distinct question word, the next one with the same folded form (-1 for none).
    private let nextTerm: UnsafeMutableBufferPointer<Int32>

    /// Registers the question's words in `table`'s word lookup, which stays
    /// filled until `table` is reset.
    init(terms: [AnalyzedQuery.Term], sequence: [Int], table: ScoringScratch) {
        words = .allocate(capacity: terms.count)
        _ = words.initialize(from: terms.map { $0.isKnown ? $0.match : MatchToken(folded: MatchToken.unknown, marked: MatchToken.unknown) })
        firstTerm = table.firstTerm
        nextTerm = .allocate(capacity: terms.count)
        nextTerm.initialize(repeating: -1)
        for termIndex in terms.indices.reversed() where words[termIndex].folded >= 0 {
            let folded = Int(words[termIndex].folded)
            nextTerm[termIndex] = table.register(folded: folded, term: Int32(termIndex))
        }
        bits = terms.filter(\.isKnown).reduce(0) { $0 | IndexedTitle.bit($1.match.folded) }
        self.sequence = sequence
        typedCount = sequence.filter { $0 >= 0 && terms[$0].isKnown }.count
        termCredit = .allocate(capacity: terms.count)
        termCredit.initialize(repeating: 0)
        termsAt = .allocate(capacity: 0)
        previousRun = .allocate(capacity: sequence.count + 1)
        previousRun.initialize(repeating: 0)
        currentRun = .allocate(capacity: sequence.count + 1)
        currentRun.initialize(repeating: 0)
    }

    deinit {
        words.deallocate()
        nextTerm.deallocate()
        termCredit.deallocate()
        termsAt.deallocate()
        previousRun.deallocate()
        currentRun.deallocate()
    }

    /// Matches the question's words against those of `titles[index]`: fills
    /// ``termCredit`` (1 where the accents agree, `mismatchCredit` where only
    /// the folded forms do) and the per-word bits
    /// ``longestRun(titleLength:)`` reads, and returns the title's matched
    /// weight. The title is read through the buffer because passing it by
    /// value copies it, retaining each of its arrays.
    func matchWords(ofTitleAt index: Int, in titles: UnsafeBufferPointer<IndexedTitle>, mismatchCredit: Float) -> Float {
        let count = titles[index].text.count
        if termsAt.count < count {
            termsAt.deallocate()
            termsAt = .allocate(capacity: count)
            termsAt.initialize(repeating: 0)
        }
        termCredit.update(repeating: 0)
        return titles[index].text.folded.withUnsafeBufferPointer { folded in
            titles[index].text.marked.withUnsafeBufferPointer { marked in
                titles[index].weights.withUnsafeBufferPointer { titleWeights in
                    var titleMatched: Float = 0
                    for position in 0..<count {
                        let word = MatchToken(folded: folded[position], marked: marked[position])
                        var wordCredit: Float = 0
                        var bits: UInt64 = 0
                        var next = firstTerm[Int(word.folded)]
                        while next >= 0 {
                            let termIndex = Int(next)
                            let credit = words[termIndex].matches(word) ? 1 : mismatchCredit
                            wordCredit = max(wordCredit, credit)
                            termCredit[termIndex] = max(termCredit[termIndex], credit)
                            if termIndex < 64 { bits |= 1 << UInt64(termIndex) }
                            next = nextTerm[termIndex]
                        }
                        termsAt[position] = bits
                        titleMatched += titleWeights[position] * wordCredit
                    }
                    return titleMatched
                }
            }
        }
    }

    /// The longest stretch of the question, as typed, that stands word for
    /// word in the title last given to
    /// ``matchWords(ofTitleAt:in:mismatchCredit:)``; `count` is that title's
    /// length in words.
    func longestRun(titleLength count: Int) -> Int {
        var longest = 0
        // Most title words match no question word: their row of runs is all
        // zeros, noted rather than written.
        var previousIsZero = true
        for position in 0..<count {
            let bits = termsAt[position]
            guard bits != 0 else {
                previousIsZero = true
                continue
            }
            currentRun[0] = 0
            for (step, termIndex) in sequence.enumerated() {
                let matched = termIndex >= 0 && termIndex < 64 && bits & (1 << UInt64(termIndex)) != 0
                currentRun[step + 1] = matched ? (previousIsZero ? 1 : previousRun[step] + 1) : 0
                longest = max(longest, currentRun[step + 1])
            }
            swap(&previousRun, &currentRun)
            previousIsZero = false
        }
        return longest
    }
}
