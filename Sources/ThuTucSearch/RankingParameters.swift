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
    var candidatePool = 20
    /// How many of the question's rarest words add their best holders to
    /// that pool, and how many holders each adds.
    var anchorWords = 2
    var anchorPool = 8
    /// Recall weight of the title F-measure: covering the question matters more
    /// than covering the title.
    var beta: Float = 2.5
    /// A title found whole, in order, inside the question matches at least
    /// this well (rising with how much of the question it covers)…
    var containedTitleFloor: Float = 0.45
    /// …when its words weigh at least this much (not a lone common word).
    var containedTitleWeight: Float = 5
    /// The weights of the score's parts, fitted on real questions (see
    /// docs/ANSWERING.md): BM25F as a share of its ceiling, the title
    /// F-measure and its parts, the field coverage, the longest stretch of
    /// the name found in the message (up to ``longestPhrase`` words), and
    /// BM25F over adjacent word pairs as a share of its ceiling.
    var bm25Weight: Float = 2.66
    var titleWeight: Float = 1.91
    var recallWeight: Float = 1.36
    var exactRecallWeight: Float = 1.91
    var precisionWeight: Float = 5.5
    var coverageWeight: Float = 0.98
    var phraseWeight: Float = 4.35
    var pairWeight: Float = 3.11
    var longestPhrase = 10
    /// Share of the title match lost when no two question words stand together in the title, in order.
    var orderBonus: Float = 0.2
    /// Score factor per step down the level preference (variants of one
    /// procedure are chosen by the preference itself; across procedures it is a light prior).
    var levelStep: Float = 0.015
    /// Weight of the agreement between the concepts a message asks for and
    /// those a procedure's name carries (see ``LexiconMatcher/agreement(of:asked:)``).
    var conceptWeight: Float = 1.05
    /// The same when they disagree.
    var conceptPenalty: Float = 2.46
    /// How much a name that issues a paper the message says is held
    /// already lowers the concept agreement (see
    /// ``SearchEngine/issuesHeldPaper(_:asked:held:)``): more than another
    /// action named instead (-1), since the citizen says outright that the
    /// paper is theirs.
    var heldPaperDisagreement: Float = 2
    /// Score factor for procedures we curated: the ones citizens ask about most.
    var curatedPrior: Float = 1.06
    /// Score factor for procedures open to citizens (not only organisations).
    var citizenPrior: Float = 1.02
    /// Score factors when a stated age fits or contradicts a procedure's age range.
    var ageFits: Float = 1.0
    var ageContradicts: Float = 0.6

    /// BM25's saturation of a term frequency, before the word's IDF: the
    /// one formula the list walks and the dense rows share, so that both
    /// give a procedure the same score to the bit.
    static func saturation(_ frequency: Float, k1: Float) -> Float {
        frequency * (k1 + 1) / (k1 + frequency)
    }
}
