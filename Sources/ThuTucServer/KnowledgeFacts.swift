import ThuTucKnowledge

/// What `--version`, `STATS`, `/metrics` and the start-up line say about a
/// loaded knowledge base: its date and its counts.
public struct KnowledgeFacts: Sendable, Equatable {
    /// The directory it was loaded from.
    public var directory: String
    /// The latest month any of its procedures was retrieved ("2026-06"), or
    /// nil for an empty catalogue.
    public var retrieved: String?
    public var procedures: Int
    /// Procedures with a curated overlay (everyday names, tips).
    public var overlays: Int

    public init(_ knowledge: KnowledgeBase) {
        directory = knowledge.directory
        retrieved = knowledge.procedures.lazy.map(\.retrieved).max()
        procedures = knowledge.procedures.count
        overlays = knowledge.overlays.count
    }

    /// "2849 procedures retrieved up to 2026-06", for one-line summaries.
    public var summary: String {
        "\(procedures) procedures" + (retrieved.map { " retrieved up to \($0)" } ?? "")
    }
}
