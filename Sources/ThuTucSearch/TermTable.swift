/// Interns folded and marked word forms as small integers.
struct TermTable: Sendable {
    private var folded = ByteInterner(capacity: 1 << 15)
    private var marked = ByteInterner(capacity: 1 << 15)

    var foldedCount: Int { folded.count }
    var markedCount: Int { marked.count }

    mutating func internFolded<Bytes: Collection>(_ word: Bytes) -> Int32 where Bytes.Element == UInt8 {
        folded.intern(word)
    }

    mutating func internMarked<Bytes: Collection>(_ key: Bytes) -> Int32 where Bytes.Element == UInt8 {
        marked.intern(key)
    }

    func foldedID(_ word: String) -> Int32? {
        // Through a buffer: the interner reads the key twice (hash, compare),
        // and a String's UTF-8 view costs more per byte than a pointer does.
        var word = word
        return word.withUTF8 { folded.id(of: $0) }
    }

    func markedID(_ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { marked.id(of: $0) }
    }

    func word(_ id: Int32) -> String { String(decoding: folded.key(id), as: UTF8.self) }

    func foldedKey(_ id: Int32) -> ArraySlice<UInt8> { folded.key(id) }

    func markedKey(_ id: Int32) -> ArraySlice<UInt8> { marked.key(id) }
}

/// A text as the index stores it: one folded id and one marked id (or -1) per word.
struct IndexedText: Sendable {
    var folded: [Int32]
    var marked: [Int32]

    var count: Int { folded.count }

    /// Rewrites ids from one term table's numbering into another's.
    mutating func remap(folded foldedMap: [Int32], marked markedMap: [Int32]) {
        for index in folded.indices { folded[index] = foldedMap[Int(folded[index])] }
        for index in marked.indices where marked[index] >= 0 { marked[index] = markedMap[Int(marked[index])] }
    }
}

/// A term's occurrences in one procedure under one accented form, as the
/// BM25F weight they contribute (field weight × frequency ÷ length norm,
/// summed over the fields), worked out once when indexing rather than on
/// every question.
struct Posting: Sendable {
    var document: Int32
    /// The accented form found (-1 for numbers, which have none).
    var marked: Int32
    var weight: Float
    /// A bit per ``IndexField`` (by raw value) the occurrences are in.
    var fields: UInt8

    /// The fields the occurrences are in.
    var indexFields: [IndexField] {
        IndexField.allCases.filter { fields & 1 << UInt8($0.rawValue) != 0 }
    }
}
