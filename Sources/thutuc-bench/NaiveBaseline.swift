import ThuTucKnowledge
import ThuTucText

/// The yardstick every run measures next to the engine: a linear scan that
/// scores each procedure by how many of the question's words its name holds.
///
/// It uses the engine's normaliser, so the two differ only in what an index,
/// a lexicon and ranking add; the ratio of their latencies, measured in the
/// same process on the same questions, holds even when the machine is noisy.
struct NaiveBaseline: Sendable {
    private let codes: [String]
    /// Each procedure's name as its set of folded (accentless, lowercase) words.
    private let names: [Set<String>]

    init(knowledge: KnowledgeBase) {
        codes = knowledge.procedures.map(\.code)
        names = knowledge.procedures.map { Set(TextNormalizer.normalize($0.name).tokens.map(\.folded)) }
    }

    /// The code of the procedure whose name shares the most words with
    /// `question`; the lowest code on a tie; nil when no word matches.
    func best(for question: String) -> String? {
        let words = Set(TextNormalizer.normalize(question).tokens.map(\.folded))
        var bestScore = 0
        var bestPosition: Int?
        for (position, name) in names.enumerated() {
            var score = 0
            for word in words where name.contains(word) { score += 1 }
            if score > bestScore {
                bestScore = score
                bestPosition = position
            }
        }
        return bestPosition.map { codes[$0] }
    }
}
