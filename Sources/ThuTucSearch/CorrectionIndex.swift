import ThuTucText

/// Finds the known word a misspelt one was meant to be: one edit away
/// (insert, delete, substitute, swap), looked up through single-deletion
/// variants so a query never scans the vocabulary.
struct CorrectionIndex: Sendable {
    /// Words shorter than this are never corrected: too many neighbours
    /// ("abc" is one letter from "abtc").
    static let minimumLength = 4

    private let deletions: [String: [Int32]]
    private let words: [Int32: [UInt8]]
    private let frequency: [Int32]

    init(terms: [Int32], table: TermTable, frequency: [Int32]) {
        var deletions: [String: [Int32]] = [:]
        var words: [Int32: [UInt8]] = [:]
        for term in terms {
            let bytes = Array(table.word(term).utf8)
            guard bytes.count >= Self.minimumLength - 1, bytes.allSatisfy({ $0 < 0x80 }) else { continue }
            words[term] = bytes
            deletions[String(decoding: bytes, as: UTF8.self), default: []].append(term)
            for variant in Self.singleDeletions(bytes) {
                deletions[variant, default: []].append(term)
            }
        }
        self.deletions = deletions
        self.words = words
        self.frequency = frequency
    }

    /// Whether `term` may be a correction target.
    func isTarget(_ term: Int32) -> Bool { words[term] != nil }

    /// The most frequent known word one edit from `word`, or nil.
    func correct(_ word: String) -> Int32? {
        let bytes = Array(word.utf8)
        guard bytes.count >= Self.minimumLength, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var best: (term: Int32, frequency: Int32)?
        var seen = Set<Int32>()
        for variant in [word] + Self.singleDeletions(bytes) {
            for term in deletions[variant] ?? [] where seen.insert(term).inserted {
                guard let candidate = words[term], EditDistance.distance(bytes, candidate, limit: 1) != nil else { continue }
                // A correction keeps the first letter: people rarely mistype it.
                guard candidate.first == bytes.first else { continue }
                let score = Int(term) < frequency.count ? frequency[Int(term)] : 0
                if best == nil || score > best?.frequency ?? 0 || (score == best?.frequency && term < best?.term ?? 0) {
                    best = (term, score)
                }
            }
        }
        return best?.term
    }

    private static func singleDeletions(_ bytes: [UInt8]) -> [String] {
        bytes.indices.map { index in
            var copy = bytes
            copy.remove(at: index)
            return String(decoding: copy, as: UTF8.self)
        }
    }
}
