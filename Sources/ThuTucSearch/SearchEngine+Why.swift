import ThuTucKnowledge

extension SearchEngine {
    /// The question's words found in each field of the procedure at `position`,
    /// for the why view (not on the answering path).
    public func matchedWords(_ query: AnalyzedQuery, position: Int) -> [(field: String, words: [String])] {
        var byField: [IndexField: [String]] = [:]
        for term in query.terms where term.isKnown {
            let folded = Int(term.match.folded)
            for posting in index.postings[folded] + index.documentPostings[folded] where Int(posting.document) == position {
                for field in posting.indexFields where !(byField[field]?.contains(term.text) ?? false) {
                    byField[field, default: []].append(term.text)
                }
            }
        }
        return IndexField.allCases.compactMap { field in
            byField[field].map { ("\(field)", $0) }
        }
    }
}
