import ThuTucKnowledge

/// The assistant's reply to one question: what it understood, which
/// procedure it is about, how sure it is, and the text to show.
public struct Reply: Sendable {
    /// A procedure named by its code and name, as the protocol shows it.
    public struct ProcedureRef: Sendable, Hashable {
        public var code: String
        public var name: String

        public init(code: String, name: String) {
            self.code = code
            self.name = name
        }

        init(_ procedure: Procedure) {
            self.init(code: procedure.code, name: procedure.name)
        }
    }

    public var intent: Intent
    public var procedure: ProcedureRef?
    /// 0…1.
    public var confidence: Double
    /// The choices of a clarification, or the runner-ups of an answer (at most 5).
    public var choices: [ProcedureRef]
    public var answer: RenderedAnswer
    /// The answer cut to the request's size.
    public var text: String
    /// How the engine got there, for hotline staff.
    public var why: Why?
}
