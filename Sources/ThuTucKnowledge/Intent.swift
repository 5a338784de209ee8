/// What a question asks about a procedure, or what kind of turn it is.
public enum Intent: String, Codable, Sendable, CaseIterable {
    /// Anything about the procedure: the answer gives a summary.
    case overview
    case documents
    case time
    case fee
    case agency
    case steps
    /// How to submit: online, by post, in person.
    case method
    case legal
    case eligibility
    case result
    /// The procedures of a field or agency.
    case list
    case smalltalk
    /// The engine asks back with choices.
    case clarify
    /// Out of scope or not understood.
    case fallback

    /// Intents that are about one procedure and need one in focus.
    public var needsProcedure: Bool {
        switch self {
        case .overview, .documents, .time, .fee, .agency, .steps, .method, .legal, .eligibility, .result:
            true
        case .list, .smalltalk, .clarify, .fallback:
            false
        }
    }
}
