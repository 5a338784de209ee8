import ThuTucText

/// Interns folded and marked word forms as small integers.
struct TermTable: Sendable {
    private(set) var folded: [String: Int32] = [:]
    private(set) var marked: [String: Int32] = [:]
    private(set) var foldedWords: [String] = []

    var foldedCount: Int { foldedWords.count }
    var markedCount: Int { marked.count }

    mutating func internFolded(_ word: String) -> Int32 {
        if let id = folded[word] { return id }
        let id = Int32(foldedWords.count)
        folded[word] = id
        foldedWords.append(word)
        return id
    }

    mutating func internMarked(_ key: String) -> Int32 {
        if let id = marked[key] { return id }
        let id = Int32(marked.count)
        marked[key] = id
        return id
    }

    func foldedID(_ word: String) -> Int32? { folded[word] }

    func markedID(_ key: String) -> Int32? { marked[key] }

    func word(_ id: Int32) -> String { foldedWords[Int(id)] }
}

/// A text as the index stores it: one folded id and one marked id (or -1) per word.
struct IndexedText: Sendable {
    var folded: [Int32]
    var marked: [Int32]

    var count: Int { folded.count }
}

/// How often a term occurs in one field of one procedure.
struct Posting: Sendable {
    var document: Int32
    var field: UInt8
    var frequency: UInt16
}
