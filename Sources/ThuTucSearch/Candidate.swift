import ThuTucKnowledge

/// One procedure the ranker proposes, with the figures behind its place.
public struct Candidate: Sendable {
    /// Position in ``KnowledgeBase/procedures``.
    public let position: Int
    public let procedure: Procedure
    /// The final score the ranking is sorted by.
    public var score: Float
    /// The BM25F part of the score.
    public var bm25: Float
    /// How well the best title (name or alias) matches the question, 0…1.
    public var titleMatch: Float
    /// Share of the question's weight found in the best title, 0…1.
    public var titleCoverage: Float
    /// Share of the question's weight found anywhere but the document list, 0…1.
    public var coverage: Float
    /// Which title matched best: 0 is the name, then the aliases.
    public var bestTitle: Int
}
