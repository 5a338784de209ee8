import Foundation
import Synchronization
import Testing
import ThuTucKnowledge
import ThuTucSearch

/// The engine keeps its scoring buffers between questions and hands them to
/// whichever thread asks; nothing a question leaves behind may change the
/// next one's ranking.
@Suite("Scratch reuse")
struct ScratchReuseTests {
    /// Questions from our set, with and without accents, with everyday
    /// names (two readings) and follow-up fragments.
    private static let questions: [String] = {
        let path = EngineFixture.questions("questions.jsonl")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").prefix(120).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["q"] as? String
        }
    }()

    /// What a ranking shows: codes and scores, in order.
    private static func ranking(_ engine: SearchEngine, _ question: String) -> [String] {
        engine.rank(engine.analyze(question)).map { "\($0.procedure.code) \($0.score) \($0.title.match)" }
    }

    @Test(
        "Each question ranks the same on a fresh engine, after other questions, and beside them on other threads",
        .timeLimit(.minutes(1))
    )
    func rankingsDoNotDependOnOtherQuestions() {
        let questions = Self.questions
        #expect(questions.count >= 100, "Tests/Questions/questions.jsonl should give the questions")
        let index = EngineFixture.assistant.engine.index
        // A fresh engine per question: its buffers have served nobody before.
        let fresh = questions.map { Self.ranking(SearchEngine(index: index), $0) }

        let shared = SearchEngine(index: index)
        let inOrder = questions.map { Self.ranking(shared, $0) }
        let reversed = Array(questions.indices.reversed().map { Self.ranking(shared, questions[$0]) }.reversed())
        #expect(inOrder == fresh)
        #expect(reversed == fresh)

        let results = ConcurrentResults(count: questions.count)
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            // Each thread walks the list from its own place, so different
            // questions run at the same time.
            for offset in questions.indices {
                let question = (offset + thread * questions.count / 4) % questions.count
                results.store(Self.ranking(shared, questions[question]), at: question, thread: thread)
            }
        }
        for thread in 0..<4 {
            #expect(results.rankings(of: thread) == fresh, "thread \(thread)")
        }
    }
}

/// Rankings written by several threads, each into its own row.
private final class ConcurrentResults: Sendable {
    private let rows: Mutex<[[[String]]]>

    init(count: Int) {
        rows = Mutex(Array(repeating: Array(repeating: [], count: count), count: 4))
    }

    func store(_ ranking: [String], at index: Int, thread: Int) {
        rows.withLock { $0[thread][index] = ranking }
    }

    func rankings(of thread: Int) -> [[String]] {
        rows.withLock { $0[thread] }
    }
}
