/// One word of a phrase or a query as matching sees it.
struct MatchToken: Sendable, Hashable {
    /// Folded term id, or -1 when the word is unknown to the index.
    var folded: Int32
    /// Marked term id; -1 when the word carries no accent information,
    /// -2 when it carries accents the index has never seen.
    var marked: Int32

    static let unknown: Int32 = -1
    static let unseenAccents: Int32 = -2

    /// Equal when folded forms agree and the accents do not contradict each other.
    func matches(_ other: MatchToken) -> Bool {
        guard folded == other.folded, folded >= 0 else { return false }
        if marked == Self.unknown || other.marked == Self.unknown { return true }
        return marked == other.marked
    }
}

/// Phrases of a few words, matched longest first at a position in a query.
struct PhraseSet<Payload: Sendable>: Sendable {
    struct Entry: Sendable {
        var tokens: [MatchToken]
        var payload: Payload
    }

    private(set) var entries: [Entry] = []
    /// Entry indices by first folded word, longest phrase first.
    private var byFirstWord: [Int32: [Int]] = [:]
    /// A bit per folded word that starts some entry: most words of a
    /// message start none, and a bit test answers for them without hashing.
    private var starts = PositionSet(count: 0)

    mutating func insert(_ tokens: [MatchToken], _ payload: Payload) {
        guard let first = tokens.first else { return }
        entries.append(Entry(tokens: tokens, payload: payload))
        // A word unknown to the index matches nothing (see MatchToken.matches).
        if first.folded >= 0 { starts.insert(Int(first.folded)) }
        var list = byFirstWord[first.folded, default: []]
        list.append(entries.count - 1)
        list.sort { entries[$0].tokens.count > entries[$1].tokens.count }
        byFirstWord[first.folded] = list
    }

    /// The longest entry that matches `query` starting at `start`, among those `accept` allows.
    func longestMatch(in query: [MatchToken], at start: Int, where accept: (Payload) -> Bool = { _ in true }) -> Entry? {
        guard start < query.count, starts.contains(Int(query[start].folded)), let candidates = byFirstWord[query[start].folded] else {
            return nil
        }
        for index in candidates {
            let entry = entries[index]
            guard accept(entry.payload) else { continue }
            guard start + entry.tokens.count <= query.count else { continue }
            var matched = true
            for offset in entry.tokens.indices where !entry.tokens[offset].matches(query[start + offset]) {
                matched = false
                break
            }
            if matched { return entry }
        }
        return nil
    }

    var isEmpty: Bool { entries.isEmpty }
}
