/// Everything the assistant knows: the catalogue, our overlays, the lexicon
/// and the answer templates. Immutable once loaded, so one instance is shared
/// by every connection and replaced whole on reload; a class, so that sharing
/// it never copies ten megabytes of facts.
public final class KnowledgeBase: Sendable {
    /// The catalogue, sorted by code.
    public let procedures: [Procedure]
    /// Curated overlays by procedure code.
    public let overlays: [String: Overlay]
    public let lexicon: Lexicon
    public let templates: AnswerTemplates
    /// The directory it was loaded from.
    public let directory: String

    private let positionByCode: [String: Int]

    public init(procedures: [Procedure], overlays: [String: Overlay], lexicon: Lexicon, templates: AnswerTemplates, directory: String) {
        let sorted = procedures.sorted { $0.code < $1.code }
        self.procedures = sorted
        self.overlays = overlays
        self.lexicon = lexicon
        self.templates = templates
        self.directory = directory
        var positions: [String: Int] = [:]
        for (index, procedure) in sorted.enumerated() { positions[procedure.code] = index }
        self.positionByCode = positions
    }

    /// The procedure with `code`, if the catalogue has it.
    public func procedure(code: String) -> Procedure? {
        positionByCode[code].map { procedures[$0] }
    }

    /// The position of `code` in ``procedures``.
    public func position(of code: String) -> Int? {
        positionByCode[code]
    }
}
