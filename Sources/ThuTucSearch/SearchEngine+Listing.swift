import ThuTucKnowledge

extension SearchEngine {
    /// The most listed procedures a list answer shows.
    static let listLimit = 200

    /// The procedures of the field (lĩnh vực) the question names best, one per
    /// family: the ones citizens ask about most (curated) first, then by the
    /// preferred level; nil when no field name matches.
    func list(_ query: AnalyzedQuery) -> SearchResult.Listing? {
        let terms = query.terms.filter(\.isKnown)
        guard !terms.isEmpty else { return nil }
        var best: (score: Float, field: Int)?
        for (fieldIndex, field) in index.fieldNames.enumerated() {
            var matched: Float = 0
            var total: Float = 0
            for word in field.text.folded {
                let weight = index.titleWeight(word)
                total += weight
                if terms.contains(where: { $0.match.folded == word }) { matched += weight }
            }
            let queryMatched = terms.filter { field.text.folded.contains($0.match.folded) }.count
            guard matched > 0, total > 0 else { continue }
            let score = (matched / total) * Float(queryMatched) / Float(terms.count)
            if best == nil || score > best?.score ?? 0 { best = (score, fieldIndex) }
        }
        guard let best, best.score >= 0.5 else { return nil }
        let field = index.fieldNames[best.field]
        var seenFamilies = Set<Int32>()
        var positions: [Int] = []
        let ordered = field.procedures.sorted { lhs, rhs in
            let left = index.procedures[Int(lhs)], right = index.procedures[Int(rhs)]
            if left.isCurated != right.isCurated { return left.isCurated }
            let leftRank = options.levelRank(left.levels), rightRank = options.levelRank(right.levels)
            return leftRank != rightRank ? leftRank < rightRank : lhs < rhs
        }
        for position in ordered where seenFamilies.insert(index.procedures[Int(position)].family).inserted {
            positions.append(Int(position))
        }
        let procedures = positions.prefix(Self.listLimit).map { index.knowledge.procedures[$0] }
        return SearchResult.Listing(topic: field.name, procedures: procedures)
    }
}
