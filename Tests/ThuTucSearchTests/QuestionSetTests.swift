import Foundation
import Testing
import ThuTucDialogue
import ThuTucEvaluation

/// Tests/Questions/questions.jsonl: questions written for this project from
/// the catalogue alone (never from ../shared/eval), with every acceptable code.
@Suite("Question set")
struct QuestionSetTests {
    private static func knownMisses() throws -> Set<String> {
        let text = try String(contentsOfFile: EngineFixture.questions("known-misses.txt"), encoding: .utf8)
        return Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    @Test("Every question not listed as a known miss is answered right: procedure, intent, or no procedure")
    func questions() throws {
        let set = try QuestionSet(path: EngineFixture.questions("questions.jsonl"))
        let misses = try Self.knownMisses()
        let evaluation = Evaluation(set: set, assistant: EngineFixture.assistant)
        var wrongByItem: [String: [Evaluation.Outcome]] = [:]
        for outcome in evaluation.outcomes where !outcome.topOne || (outcome.inScope && !outcome.intentRight) {
            let item = String(outcome.id.split(separator: ".").first ?? "")
            wrongByItem[item, default: []].append(outcome)
        }
        let regressions = wrongByItem.filter { !misses.contains($0.key) }
        for (item, outcomes) in regressions.sorted(by: { $0.key < $1.key }) {
            for outcome in outcomes {
                Issue.record("\(item): '\(outcome.question)' wants \(outcome.expected)/\(outcome.expectedIntent), got \(outcome.code ?? "none")/\(outcome.intent.rawValue)")
            }
        }
        let checked = set.items.filter { !misses.contains($0.id) }
        #expect(checked.count >= 150, "the regression part of the set must hold at least 150 questions")
        let ids = Set(set.items.map(\.id))
        let fixed = misses.filter { wrongByItem[$0] == nil && ids.contains($0) }
        if !fixed.isEmpty {
            print("QuestionSetTests: known misses now answered right (remove them from known-misses.txt): \(fixed.sorted())")
        }
        print(String(format: "QuestionSetTests: %d items, %d checked, %d known misses; top-1 %.1f%%, intent %.1f%%, out of scope %.1f%%",
                     set.items.count, checked.count, misses.count, 100 * evaluation.topOneRate, 100 * evaluation.intentRate, 100 * evaluation.outOfScopeRate))
    }

    @Test("Known misses name real questions")
    func knownMissesExist() throws {
        let ids = Set(try QuestionSet(path: EngineFixture.questions("questions.jsonl")).items.map(\.id))
        for miss in try Self.knownMisses() { #expect(ids.contains(miss), "\(miss) is not in questions.jsonl") }
    }
}
