import ThuTucKnowledge

/// What the search engine concluded about one question.
public struct SearchResult: Sendable {
    /// What to do with the question.
    public enum Decision: Sendable {
        /// One procedure fits.
        case answer(Candidate)
        /// Several fit about equally: ask which, with a label telling each apart.
        case clarify([Choice])
        /// A list of procedures of a field was asked for.
        case list(topic: String, procedures: [Procedure])
        /// Nothing fits well enough to name.
        case notFound
    }

    /// A choice offered back to the citizen.
    public struct Choice: Sendable {
        public var candidate: Candidate
        /// The words that tell this choice from the others ("cấp lại").
        public var label: String
    }

    public var query: AnalyzedQuery
    /// Ranked candidates, one per family of level variants.
    public var candidates: [Candidate]
    public var decision: Decision
    /// 0…1: how sure the engine is of the decision.
    public var confidence: Float

    /// The procedure named by the decision, if any.
    public var procedure: Procedure? {
        if case .answer(let candidate) = decision { return candidate.procedure }
        return nil
    }
}
