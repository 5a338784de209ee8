import ThuTucKnowledge
import ThuTucSearch

/// What to do with a question once retrieval has ranked the candidates.
public enum Decision: Sendable {
    /// One procedure fits; `confidence` is how likely it is the right one.
    case answer(Candidate, confidence: Double)
    /// Several fit about equally and differ by what the message does not say: ask which.
    case clarify([Choice], confidence: Double)
    /// The question is about a topic the catalogue does not hold (`topic`
    /// set, with who handles it), or nothing fits well enough to name.
    case decline(topic: OutsideTopic?, confidence: Double)
    /// A list of the procedures of a field was asked for.
    case list(SearchResult.Listing)

    /// A choice offered back to the citizen.
    public struct Choice: Sendable {
        public var candidate: Candidate
        /// What tells this choice from the others ("cấp lại", "có yếu tố nước ngoài").
        public var label: String
    }

    public var confidence: Double {
        switch self {
        case .answer(_, let confidence), .clarify(_, let confidence), .decline(_, let confidence): confidence
        case .list: 1
        }
    }
}
