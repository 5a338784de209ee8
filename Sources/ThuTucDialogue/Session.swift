import ThuTucKnowledge

/// One conversation's memory: the procedure in focus and any choices the
/// assistant is waiting for an answer to.
public struct Session: Sendable {
    /// A clarification waiting for "1", "2" or the text of a choice.
    public struct PendingChoice: Sendable, Hashable {
        public var codes: [String]
        public var labels: [String]
        /// What the question that led to the choice asked about.
        public var intents: [Intent]

        /// Public so that a store outside this module can rebuild a session it kept.
        public init(codes: [String], labels: [String], intents: [Intent]) {
            self.codes = codes
            self.labels = labels
            self.intents = intents
        }
    }

    /// The code of the procedure follow-ups are about.
    public var focus: String?
    /// What the last answered question asked, for "còn … thì sao".
    public var lastIntents: [Intent] = []
    public var pending: PendingChoice?
    /// The last question's search, for the why view.
    public var lastWhy: Why?

    public init() {}

    /// Forgets the focus and any pending choice.
    public mutating func reset() {
        self = Session()
    }
}
