import Glibc

/// Working memory for one question: for ``SearchEngine/bm25Scores(_:into:)``
/// a score and a field-match mask per procedure and the procedures touched,
/// and for ``TitleScratch`` a lookup from the index's words to the question's.
///
/// Kept between questions (see ``ScratchPool``) and cleared through the
/// touched list, so a question costs what its postings cost rather than the
/// size of the catalogue. Raw buffers because the scoring loop writes them
/// for every posting, and an array would check its storage is unique on
/// each write.
final class ScoringScratch: @unchecked Sendable {
    // @unchecked: a scratch is used by one question at a time, handed out
    // and taken back by ScratchPool under its lock.

    /// BM25F score per procedure position; 0 for procedures not touched.
    let scores: UnsafeMutableBufferPointer<Float>
    /// Per procedure, a bit per distinct term it holds outside the document list.
    let found: UnsafeMutableBufferPointer<UInt64>
    /// Positions with a score, in the order first reached; not kept for
    /// words scored from a dense row, so complete only while ``rows`` is empty.
    var touched: UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: touchedStorage[..<touchedCount])
    }
    /// Room for every position and one more; the first ``touchedCount`` are
    /// ``touched``. The scoring loop appends to them through a count of its
    /// own, which stays in a register where this object's would be read and
    /// written around each store to the score buffer, and writes every
    /// position it scores into the next slot, advancing only for a new one:
    /// whether a position is new is a coin toss the processor would guess
    /// wrong half the time, so it is not a branch. The spare slot takes the
    /// write when every position is in.
    let touchedStorage: UnsafeMutableBufferPointer<Int32>
    var touchedCount = 0
    /// Per folded word of the index, the first question word with that
    /// folded form (-1 for none), for ``TitleScratch``.
    let firstTerm: UnsafeMutableBufferPointer<Int32>
    /// The dense rows added, with their question word's bit, for
    /// ``SearchEngine/fieldBits(at:in:)``.
    var rows: [(row: Int, bit: UInt64)] = []
    private var registered: [Int] = []

    /// Scratch for `count` procedures and `words` folded words.
    init(count: Int, words: Int) {
        scores = .allocate(capacity: count)
        scores.initialize(repeating: 0)
        found = .allocate(capacity: count)
        found.initialize(repeating: 0)
        touchedStorage = .allocate(capacity: count + 1)
        touchedStorage.initialize(repeating: 0)
        firstTerm = .allocate(capacity: words)
        firstTerm.initialize(repeating: -1)
    }

    deinit {
        scores.deallocate()
        found.deallocate()
        touchedStorage.deallocate()
        firstTerm.deallocate()
    }

    /// Makes `term` the first question word with the folded form `folded`,
    /// returning the one it displaces (-1 for none).
    func register(folded: Int, term: Int32) -> Int32 {
        let displaced = firstTerm[folded]
        firstTerm[folded] = term
        registered.append(folded)
        return displaced
    }

    /// Zeroes what the last question wrote.
    func reset() {
        if rows.isEmpty {
            for position in touched {
                scores[Int(position)] = 0
                found[Int(position)] = 0
            }
        } else {
            // A dense row wrote every score; the touched list is incomplete.
            // memset: the buffers' own fill goes element by element.
            if let base = scores.baseAddress { memset(base, 0, scores.count * MemoryLayout<Float>.stride) }
            if let base = found.baseAddress { memset(base, 0, found.count * MemoryLayout<UInt64>.stride) }
            rows.removeAll(keepingCapacity: true)
        }
        touchedCount = 0
        for folded in registered { firstTerm[folded] = -1 }
        registered.removeAll(keepingCapacity: true)
    }
}
