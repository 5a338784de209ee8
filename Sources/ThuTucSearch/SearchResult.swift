import ThuTucKnowledge

/// What retrieval found for one question: the candidates with their match
/// features, and for a list question the procedures of the field it names.
/// Whether to answer, ask back or decline is the dialogue's decision.
public struct SearchResult: Sendable {
    /// The procedures of one field (lĩnh vực), for "có những thủ tục gì".
    public struct Listing: Sendable {
        public var topic: String
        public var procedures: [Procedure]
    }

    public var query: AnalyzedQuery
    /// Ranked candidates, best first, one per family of level variants.
    public var candidates: [Candidate]
    /// Set for a list question whose words name a field.
    public var listing: Listing?
    /// True when the question typed a catalogue code, which names its procedure outright.
    public var isExactCode: Bool
}
