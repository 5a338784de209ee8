/// A set of small non-negative integers (procedure positions, folded word
/// ids) as one bit each: the ranking asks whether a position is already in
/// its pool for every holder of a common word, and the phrase sets whether
/// a word starts a phrase for every word of a message; a bit test costs
/// less than hashing.
struct PositionSet: Sendable {
    private var words: [UInt64]

    /// An empty set for positions below `count`.
    init(count: Int) {
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    /// The set of `positions`, each below `count`.
    init(_ positions: some Sequence<Int>, count: Int) {
        self.init(count: count)
        for position in positions { insert(position) }
    }

    /// Whether `position` is in; a negative position, or one beyond those
    /// the set was made for or grew to, is not.
    func contains(_ position: Int) -> Bool {
        let word = position >> 6
        return position >= 0 && word < words.count && words[word] & (1 << UInt64(position & 63)) != 0
    }

    /// Adds `position`, growing the set when it lies beyond its size.
    mutating func insert(_ position: Int) {
        let word = position >> 6
        if word >= words.count { words += Array(repeating: 0, count: word + 1 - words.count) }
        words[word] |= 1 << UInt64(position & 63)
    }
}
