import Testing
@testable import ThuTucSearch

/// The bit sets that stand in for hashed sets in the ranking and the phrase
/// lookups must hold exactly what a `Set<Int>` holds.
@Suite("Position sets")
struct PositionSetTests {
    @Test("Agrees with Set<Int> on word boundaries, repeats and positions beyond its size")
    func agreesWithSet() {
        let inserted = [0, 1, 63, 64, 65, 127, 128, 2_848, 64, 0]
        var bits = PositionSet(inserted.prefix(5), count: 2_849)
        for position in inserted.dropFirst(5) { bits.insert(position) }
        let reference = Set(inserted)
        for position in 0..<3_000 {
            #expect(bits.contains(position) == reference.contains(position), "\(position)")
        }
        // Asked beyond what it was made for, a set answers no; inserting there grows it.
        var small = PositionSet(count: 0)
        #expect(!small.contains(10_000) && !small.contains(-1))
        small.insert(10_000)
        #expect(small.contains(10_000) && !small.contains(9_999))
    }

    @Test("A phrase set finds the same phrases with its first-word filter")
    func phraseSetFilter() {
        var set = PhraseSet<Int>()
        set.insert([MatchToken(folded: 5, marked: -1), MatchToken(folded: 7, marked: -1)], 1)
        set.insert([MatchToken(folded: 5, marked: -1)], 2)
        set.insert([MatchToken(folded: -1, marked: -1)], 3)
        let query = [5, 7, 9, -1].map { MatchToken(folded: Int32($0), marked: -1) }
        #expect(set.longestMatch(in: query, at: 0)?.payload == 1)
        #expect(set.longestMatch(in: query, at: 1) == nil)
        #expect(set.longestMatch(in: query, at: 2) == nil)
        // A word the index does not know matches no phrase, not even one made of unknown words.
        #expect(set.longestMatch(in: query, at: 3) == nil)
        #expect(set.longestMatch(in: [MatchToken(folded: 5, marked: -1)], at: 0)?.payload == 2)
    }
}
