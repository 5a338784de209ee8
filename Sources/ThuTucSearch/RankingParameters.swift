/// The constants of the ranking formula, in one place so the bench and the
/// tests see the same engine.
struct RankingParameters: Sendable {
    /// BM25 term-frequency saturation.
    var k1: Float = 1.2
    /// Credit for a word that matches only when folded, when the question was
    /// typed with different accents ("bán" for "bản").
    var accentMismatchCredit: Float = 0.55
    /// Title weight given to a word the index does not know.
    var unknownWordWeight: Float = 3.0
    /// How many BM25 leaders get the finer title scoring.
    var candidatePool = 80
    /// Recall weight of the title F-measure: covering the question matters more
    /// than covering the title.
    var beta: Float = 1.6
    /// Weight of the title match against BM25F.
    var titleWeight: Float = 1.2
    /// Share of the title match lost when no two question words stand together in the title, in order.
    var orderBonus: Float = 0.2
    /// Score factor per step down the level preference.
    var levelStep: Float = 0.04
    /// Score factors when a stated age fits or contradicts a procedure's age range.
    var ageFits: Float = 1.2
    var ageContradicts: Float = 0.6
    /// Below this coverage of the question, no procedure is named.
    var minimumCoverage: Float = 0.5
    /// Below this title match, no procedure is named.
    var minimumTitleMatch: Float = 0.3
    /// Runner-ups scoring at least this share of the leader make the question ambiguous.
    var clarifyRatio: Float = 0.95
    /// A runner-up whose title matches worse than the leader's by this much is no rival.
    var clarifyTitleGap: Float = 0.03
    /// A leader whose title matches at least this well is never questioned.
    var clarifyTitleCeiling: Float = 0.97
}
