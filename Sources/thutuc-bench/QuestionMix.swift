import Foundation
import ThuTucDialogue
import ThuTucEvaluation

/// The mixed question set every measurement uses: our questions
/// (Tests/Questions/questions.jsonl) plus the shared development set when
/// ../shared is present, kept as dialogues so that follow-up turns are asked
/// in their session, as a person would ask them.
struct QuestionMix: Sendable {
    /// Each item's turns, in order; a single question is a dialogue of one turn.
    let dialogues: [[QuestionSet.Turn]]
    /// The files the questions came from.
    let sources: [String]

    /// Reads `required` and every file of `optional` that exists.
    init(required: String, optional: [String]) throws {
        var dialogues: [[QuestionSet.Turn]] = []
        var sources: [String] = []
        for path in [required] + optional.filter({ FileManager.default.fileExists(atPath: $0) }) {
            dialogues += try QuestionSet(path: path).items.map(\.allTurns)
            sources.append(path)
        }
        self.dialogues = dialogues
        self.sources = sources
    }

    /// Every turn, in order.
    var turns: [QuestionSet.Turn] { dialogues.flatMap { $0 } }

    var turnCount: Int { dialogues.reduce(0) { $0 + $1.count } }
}
