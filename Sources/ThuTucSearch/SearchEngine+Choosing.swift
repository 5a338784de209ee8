import ThuTucKnowledge

extension SearchEngine {
    /// The pending choice a follow-up names by its words ("cấp lại"): the only
    /// choice whose label, or failing that whose name, holds every word of the
    /// question. Nil when none or several do, so the text is searched afresh.
    public func choose(_ query: AnalyzedQuery, among choices: [(label: String, procedure: Procedure)]) -> Procedure? {
        let words = Set(query.terms.filter(\.isKnown).map(\.match.folded))
        guard !words.isEmpty, query.terms.allSatisfy(\.isKnown) else { return nil }
        func folded(_ text: String) -> Set<Int32> {
            Set(analyze(text).terms.filter(\.isKnown).map(\.match.folded))
        }
        for texts in [choices.map(\.label), choices.map(\.procedure.name)] {
            let holders = texts.indices.filter { words.isSubset(of: folded(texts[$0])) }
            if holders.count == 1, let only = holders.first { return choices[only].procedure }
            if holders.count > 1 { return nil }
        }
        return nil
    }
}
