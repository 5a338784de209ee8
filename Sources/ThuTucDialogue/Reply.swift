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

    /// The main thing answered (the first of ``intents``), or the kind of turn.
    public var intent: Intent
    /// Everything the reply answers, in the order asked ("có phải đăng ký
    /// không và hồ sơ gồm những gì": eligibility, documents).
    public var intents: [Intent]
    public var procedure: ProcedureRef?
    /// 0…1; for an answer, the calibrated chance that the procedure is the
    /// one asked about (docs/PROTOCOL.md).
    public var confidence: Double
    /// The choices of a clarification, or the runner-ups of an answer (at most 5).
    public var choices: [ProcedureRef]
    public var answer: RenderedAnswer
    /// The answer cut to the request's size.
    public var text: String
    /// How the engine got there, for hotline staff.
    public var why: Why?
    /// Makes ``facts`` when asked: only JSON replies carry them, so an
    /// answer read as text does not pay for them.
    var makeFacts: (@Sendable () -> ReplyFacts)?

    /// The facts of an answer about a procedure, for gateways (nil for a
    /// clarification, a list, smalltalk or a fallback).
    public var facts: ReplyFacts? { makeFacts?() }

    public init(
        intent: Intent, intents: [Intent]? = nil, procedure: ProcedureRef?, confidence: Double, choices: [ProcedureRef],
        answer: RenderedAnswer, text: String, why: Why?
    ) {
        self.intent = intent
        self.intents = intents ?? [intent]
        self.procedure = procedure
        self.confidence = confidence
        self.choices = choices
        self.answer = answer
        self.text = text
        self.why = why
    }
}
