import Foundation
import ThuTucDialogue
import ThuTucKnowledge

/// Runs a ``QuestionSet`` through an ``Assistant`` and scores it the way
/// `../shared/eval/score.py` does: top-1 procedure, top-1 or a clarification
/// offering the right one, intent, and out-of-scope lines naming nothing.
public struct Evaluation: Sendable {
    /// The verdict on one asked turn.
    public struct Outcome: Sendable {
        public var id: String
        public var question: String
        public var expected: [String]
        public var expectedIntent: String
        public var tags: [String]
        public var code: String?
        public var intent: Intent
        public var topOne: Bool
        public var clarified: Bool
        public var intentRight: Bool
        public var inScope: Bool
        /// The leading candidate's figures, for calibrating thresholds.
        public var leader: Why.Scored?
    }

    public var outcomes: [Outcome]
    /// Seconds per question, in order.
    public var latencies: [Double]

    /// Asks every item; a dialogue's turns share one session.
    public init(set: QuestionSet, assistant: Assistant) {
        var outcomes: [Outcome] = []
        var latencies: [Double] = []
        for item in set.items {
            var session = Session()
            for (index, turn) in item.allTurns.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                let reply = assistant.respond(to: turn.q, in: &session)
                latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
                var tags = item.tags ?? []
                if item.turns != nil && index > 0 { tags.append("dialog-turn") }
                outcomes.append(Self.judge(id: "\(item.id).\(index)", turn: turn, tags: tags, reply: reply))
            }
        }
        self.outcomes = outcomes
        self.latencies = latencies
    }

    static func judge(id: String, turn: QuestionSet.Turn, tags: [String], reply: Reply) -> Outcome {
        let wanted = turn.intent ?? "overview"
        let code = reply.procedure?.code
        var outcome = Outcome(
            id: id, question: turn.q, expected: turn.expect, expectedIntent: wanted, tags: tags, code: code,
            intent: reply.intent, topOne: false, clarified: false, intentRight: false, inScope: !turn.expect.isEmpty,
            leader: reply.why?.top.first
        )
        if turn.expect.isEmpty {
            var right = code == nil && !reply.intent.needsProcedure && reply.intent != .clarify
            if wanted == "smalltalk" { right = right && reply.intent == .smalltalk }
            outcome.topOne = right
            outcome.intentRight = right
            return outcome
        }
        outcome.topOne = code.map(turn.expect.contains) ?? false
        outcome.clarified = !outcome.topOne && reply.intent == .clarify && reply.choices.prefix(5).contains { turn.expect.contains($0.code) }
        outcome.intentRight = outcome.topOne && (wanted == "overview" ? reply.intent.needsProcedure : reply.intent.rawValue == wanted)
        return outcome
    }

    public var inScope: [Outcome] { outcomes.filter(\.inScope) }
    public var outOfScope: [Outcome] { outcomes.filter { !$0.inScope } }
    public var topOneRate: Double { rate(inScope.filter(\.topOne).count, inScope.count) }
    public var intentRate: Double { rate(inScope.filter(\.intentRight).count, inScope.count) }
    public var topOneOrClarifyRate: Double { rate(inScope.filter { $0.topOne || $0.clarified }.count, inScope.count) }
    public var outOfScopeRate: Double { rate(outOfScope.filter(\.topOne).count, outOfScope.count) }
    /// Misses: wrong procedure, or right procedure with the wrong intent.
    public var misses: [Outcome] { outcomes.filter { !$0.topOne || ($0.inScope && !$0.intentRight) } }

    private func rate(_ part: Int, _ whole: Int) -> Double {
        whole == 0 ? 0 : Double(part) / Double(whole)
    }

    /// One line per asked turn with the leader's figures (`thutuc eval --details`).
    public func details() -> String {
        outcomes.map { outcome in
            let verdict = outcome.topOne ? "ok  " : "MISS"
            let scope = outcome.inScope ? "in " : "out"
            let figures = outcome.leader.map {
                String(format: "score %.2f title %.2f recall %.2f precision %.2f phrase %d %@", $0.score, $0.titleMatch, $0.recall, $0.precision, $0.phrase, $0.code)
            } ?? "no candidate"
            return "\(verdict) \(scope) \(outcome.id) \(outcome.intent.rawValue) \(figures) | \(outcome.question.prefix(50))"
        }.joined(separator: "\n")
    }

    /// The report `thutuc eval` prints: per tag, per intent, misses, closing line.
    public func report() -> String {
        var groups: [String: (right: Int, total: Int)] = [:]
        for outcome in outcomes {
            for group in outcome.tags + ["intent:" + outcome.expectedIntent] {
                groups[group, default: (0, 0)].right += outcome.topOne ? 1 : 0
                groups[group, default: (0, 0)].total += 1
            }
        }
        var lines = ["group                    right/total"]
        for key in groups.keys.sorted() {
            let group = groups[key] ?? (0, 0)
            lines.append(String(format: "  %-22@ %4d/%-4d %5.1f%%", key as NSString, group.right, group.total, 100 * rate(group.right, group.total)))
        }
        lines.append("misses:")
        let misses = self.misses
        if misses.isEmpty { lines.append("  none") }
        for miss in misses {
            let want = miss.expected.isEmpty ? "-" : miss.expected.joined(separator: ",")
            lines.append("  \(miss.id)  \(miss.question.prefix(60))  want \(want)/\(miss.expectedIntent) got \(miss.code ?? "none")/\(miss.intent.rawValue)")
        }
        let sorted = latencies.sorted()
        if let maximum = sorted.last {
            lines.append(String(format: "questions %d; median %.3f ms, max %.3f ms (in process)", sorted.count, 1000 * sorted[sorted.count / 2], 1000 * maximum))
        }
        let inCount = inScope.count, outCount = outOfScope.count
        let outRight = outOfScope.filter(\.topOne).count
        let total = rate(inScope.filter(\.topOne).count + outRight, outcomes.count)
        lines.append(String(
            format: "score %.1f%% | top1 %d/%d %.1f%% | top1-or-clarify %.1f%% | intent %.1f%% | out-of-scope %d/%d",
            100 * total, inScope.filter(\.topOne).count, inCount, 100 * topOneRate, 100 * topOneOrClarifyRate, 100 * intentRate, outRight, outCount
        ))
        return lines.joined(separator: "\n")
    }
}
