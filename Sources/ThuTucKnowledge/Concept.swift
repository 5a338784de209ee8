/// What a procedure does (an action: cấp lại, gia hạn…) or which case it
/// covers (a facet: có yếu tố nước ngoài, lưu động…), with the words that
/// give it to a procedure's name and the words that ask for it in a message.
/// Loaded from `Knowledge/lexicon/concepts.txt`.
public struct Concept: Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// What is done; variants of one topic differ by it.
        case action
        /// A case the procedure covers.
        case facet
    }

    public var kind: Kind
    /// How a clarification names the variant that has it ("cấp lại").
    public var label: String
    /// How a clarification names the variant without it ("trong nước"), if said.
    public var plainLabel: String?
    /// The action a citizen means when the message names none (first issue).
    public var isUsual: Bool
    /// Whether a procedure with this facet serves only that case (the
    /// army's hospitals serve the army): a message that does not ask for it
    /// and names a topic the catalogue lacks is about that topic.
    public var isExclusive = false
    /// Phrases of procedure names that carry the concept.
    public var namePhrases: [String]
    /// Phrases of messages that ask for it.
    public var askPhrases: [String]
    /// Phrases of names that cover the plain case as well ("của Việt Nam"
    /// beside "của nước ngoài"): such a name carries the concept only for
    /// a message that asks for it, and imposes it on no other.
    public var bothPhrases: [String] = []
    /// Fields of a ministry whose every procedure carries it, whatever the
    /// name says (a ministry's licences for its own hospitals).
    public var heldBy: [(ministry: String, field: String)] = []
    public var location: SourceLocation

    /// The most concepts the engine reads: it keeps each message's and each
    /// procedure's concepts as the bits of one 64-bit word.
    public static let maximumCount = 64

    public init(
        kind: Kind, label: String, plainLabel: String? = nil, isUsual: Bool = false, namePhrases: [String], askPhrases: [String],
        location: SourceLocation
    ) {
        self.kind = kind
        self.label = label
        self.plainLabel = plainLabel
        self.isUsual = isUsual
        self.namePhrases = namePhrases
        self.askPhrases = askPhrases
        self.location = location
    }
}
