/// BM25F over pairs of adjacent words in names, aliases, fields and
/// results: "khai thác thủy sản" found as pairs says more than its three
/// words found anywhere. Document lists and agencies are left out: long,
/// and their pairs name no topic.
struct BigramPostings: Sendable {
    /// One procedure's weighted frequency of a pair.
    struct Entry: Sendable {
        var document: Int32
        var frequency: Float
    }

    static let fields: [IndexField] = [.name, .alias, .field, .result]

    private let postings: [UInt64: [Entry]]
    private let documentCount: Float

    /// Indexes the pairs of `texts` (per procedure, per field), with each
    /// field's weight and length normalisation as the word index has them.
    init(texts: [TokenizedProcedure], lengths: [[Float]], averageLength: [Float]) {
        var postings: [UInt64: [Entry]] = [:]
        var frequencies: [UInt64: Float] = [:]
        for (position, procedure) in texts.enumerated() {
            frequencies.removeAll(keepingCapacity: true)
            for field in Self.fields {
                let b = field.lengthNormalization
                let norm = 1 - b + b * lengths[position][field.rawValue] / averageLength[field.rawValue]
                let weight = field.weight / norm
                for text in procedure[field] where text.count > 1 {
                    for offset in 1..<text.count {
                        frequencies[SearchIndex.bigram(text.folded[offset - 1], text.folded[offset]), default: 0] += weight
                    }
                }
            }
            for (pair, frequency) in frequencies {
                postings[pair, default: []].append(Entry(document: Int32(position), frequency: frequency))
            }
        }
        self.postings = postings
        self.documentCount = Float(texts.count)
    }

    /// Each procedure's BM25F score for the pairs of adjacent known words of
    /// `terms`, as a share of the most those pairs could score (a pair no
    /// procedure holds counts in that ceiling too, so one coincidental pair
    /// in a long question weighs little), and the procedures that hold any.
    func shares(_ terms: [AnalyzedQuery.Term], k1: Float) -> (shares: [Float], holders: [Int32]) {
        var scores = [Float](repeating: 0, count: Int(documentCount))
        var holders: [Int32] = []
        var ceiling: Float = 0
        var seen = Set<UInt64>()
        for (first, second) in zip(terms, terms.dropFirst()) where first.isKnown && second.isKnown {
            let pair = SearchIndex.bigram(first.match.folded, second.match.folded)
            guard seen.insert(pair).inserted else { continue }
            let list = postings[pair] ?? []
            let idf = SearchIndex.inverseFrequency(Float(list.count), of: documentCount) * min(first.weight, second.weight)
            ceiling += idf * (k1 + 1)
            for entry in list {
                if scores[Int(entry.document)] == 0 { holders.append(entry.document) }
                scores[Int(entry.document)] += idf * RankingParameters.saturation(entry.frequency, k1: k1)
            }
        }
        guard ceiling > 0 else { return ([], []) }
        for holder in holders { scores[Int(holder)] /= ceiling }
        return (scores, holders)
    }

    /// Whether some procedure's texts hold the two words side by side.
    func holds(_ first: Int32, _ second: Int32) -> Bool {
        postings[SearchIndex.bigram(first, second)] != nil
    }
}
