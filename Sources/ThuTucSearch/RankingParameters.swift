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
    /// Title weight of a known word that no name or alias holds ("ông", "ngoại"):
    /// circumstance more often than topic, so it weighs less than a title word.
    var contextWordWeight: Float = 1.5
    /// A word whose document-list postings exceed this many is too common there to count.
    var documentListLimit = 250
    /// How many BM25 leaders get the finer title scoring.
    var candidatePool = 50
    /// Recall weight of the title F-measure: covering the question matters more
    /// than covering the title.
    var beta: Float = 2.5
    /// A title found whole, in order, inside the question matches at least
    /// this well (rising with how much of the question it covers)…
    var containedTitleFloor: Float = 0.45
    /// …when its words weigh at least this much (not a lone common word).
    var containedTitleWeight: Float = 5
    /// Weight of the title match against BM25F.
    var titleWeight: Float = 2.0
    /// Share of the title match lost when no two question words stand together in the title, in order.
    var orderBonus: Float = 0.2
    /// Score factor per step down the level preference (variants of one
    /// procedure are chosen by the preference itself; across procedures it is a light prior).
    var levelStep: Float = 0.015
    /// Score factor for procedures we curated: the ones citizens ask about most.
    var curatedPrior: Float = 1.06
    /// Score factor for procedures open to citizens (not only organisations).
    var citizenPrior: Float = 1.02
    /// Score factors when a stated age fits or contradicts a procedure's age range.
    var ageFits: Float = 1.0
    var ageContradicts: Float = 0.6
    /// Below this coverage of the question, no procedure is named.
    var minimumCoverage: Float = 0.5
    /// Below this share of the question found with its accents in the best title, no procedure is named.
    var minimumExactRecall: Float = 0.4
    /// Below this title match, no procedure is named.
    var minimumTitleMatch: Float = 0.4
    /// A title the question covers this little of is a coincidence of common
    /// words ("giá" in "giá vàng", "thái" in "Thái Lan")…
    var minimumPrecision: Float = 0.2
    /// …unless it matches at least this well.
    var lowPrecisionTitleMatch: Float = 0.5
    /// Runner-ups scoring at least this share of the leader make the question ambiguous.
    var clarifyRatio: Float = 0.9
    /// A runner-up whose title holds less of the question, or adds more
    /// unasked specifics, than the leader's by these margins is no rival.
    var clarifyRecallGap: Float = 0.05
    var clarifyPrecisionGap: Float = 0.1
    /// Among near-equal candidates, a title this much more precise than every
    /// other is the plain reading of the question, answered without asking.
    var plainReadingMargin: Float = 0.04
    /// A leader whose title matches at least this well is never questioned.
    var clarifyTitleCeiling: Float = 0.97

    /// BM25's saturation of a term frequency, before the word's IDF: the
    /// one formula the list walks and the dense rows share, so that both
    /// give a procedure the same score to the bit.
    static func saturation(_ frequency: Float, k1: Float) -> Float {
        frequency * (k1 + 1) / (k1 + frequency)
    }
}
