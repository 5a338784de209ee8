import Foundation
import Testing
import ThuTucText

@testable import ThuTucSearch

/// The words most procedures hold are scored from dense rows, the others
/// from their posting lists. Both must give every procedure the same score
/// to the bit: the rows are there for speed and may never change an answer.
@Suite("Dense rows")
struct DenseRowsTests {
    /// Every question of our set as typed, and folded, which scores the
    /// rows without their accent test.
    private static let questions: [String] = {
        let path = EngineFixture.questions("questions.jsonl")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let typed = text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["q"] as? String
        }
        return typed + typed.map(TextNormalizer.fold)
    }()

    /// Everything a candidate's place depends on, floats by their bits.
    private static func fingerprint(_ candidate: Candidate) -> String {
        [candidate.score, candidate.bm25, candidate.coverage, candidate.title.match, candidate.title.recall]
            .map { String($0.bitPattern, radix: 16) }.joined(separator: " ") + " \(candidate.procedure.code)"
    }

    @Test("Fifty candidates per question, scored from the rows and from the lists alone, agree bit for bit", .timeLimit(.minutes(2)))
    func rowsScoreAsListsDo() {
        let questions = Self.questions
        #expect(questions.count >= 600, "Tests/Questions/questions.jsonl should give the questions")
        let withRows = EngineFixture.assistant.engine
        let listsOnly = SearchEngine(
            index: SearchIndex(knowledge: EngineFixture.knowledge, denseShare: 2), options: withRows.options
        )
        #expect(withRows.index.dense.rowCount > 0)
        #expect(listsOnly.index.dense.rowCount == 0)
        var rowQuestions = 0
        for question in questions {
            let query = withRows.analyze(question)
            if query.terms.contains(where: { $0.isKnown && withRows.index.dense.row(of: Int($0.match.folded)) != nil }) {
                rowQuestions += 1
            }
            let fromRows = withRows.rank(query, limit: 50).map(Self.fingerprint)
            let fromLists = listsOnly.rank(listsOnly.analyze(question), limit: 50).map(Self.fingerprint)
            #expect(fromRows == fromLists, "\(question)")
        }
        // Otherwise the comparison above would prove nothing.
        #expect(rowQuestions >= questions.count / 2, "\(rowQuestions) of \(questions.count) questions use a row")
    }
}
