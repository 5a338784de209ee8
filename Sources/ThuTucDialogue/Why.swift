import Foundation
import ThuTucKnowledge
import ThuTucSearch

/// Why the engine answered as it did: the question as normalised, the
/// rewrites and cues it found, the words matched per field, and the top scores.
///
/// Cheap to make on every question; the costly part (the words matched per
/// field) is worked out only when someone reads ``text``. A class, though
/// immutable, so that a ``Session`` holds a reference rather than the whole
/// query inline: a server keeps up to a hundred thousand sessions, mostly
/// without one, and copies a session in and out of its store on every turn.
public final class Why: Sendable {
    /// One candidate's figures.
    public struct Scored: Sendable {
        public var code: String
        public var name: String
        public var score: Float
        public var bm25: Float
        public var titleMatch: Float
        public var recall: Float
        public var precision: Float
        public var coverage: Float
    }

    public let query: AnalyzedQuery
    public let intent: Intent
    /// The five best candidates, kept as the ranking gave them: most replies'
    /// reasons are never read, so names and codes are looked up only then.
    private let candidates: ArraySlice<Candidate>
    private let engine: SearchEngine

    init(result: SearchResult, intent: Intent, engine: SearchEngine) {
        query = result.query
        self.intent = intent
        self.engine = engine
        candidates = result.candidates.prefix(5)
    }

    /// The five best candidates' figures.
    public var top: [Scored] {
        candidates.map {
            Scored(
                code: $0.code, name: $0.name, score: $0.score, bm25: $0.bm25, titleMatch: $0.titleMatch,
                recall: $0.title.recall, precision: $0.title.precision, coverage: $0.coverage
            )
        }
    }

    /// A plain-text report for the REPL and the plain protocol.
    public var text: String {
        var lines = [
            "normalised: \(query.normalized.foldedText)\(query.normalized.isAccented ? " (accented)" : "")",
            "intent: \(intent.rawValue)" + (query.cuePhrases.isEmpty ? "" : " (cues: \(query.cuePhrases.joined(separator: ", ")))"),
        ]
        if !query.rewrites.isEmpty {
            lines.append("rewrites: " + query.rewrites.map { "\($0.kind.rawValue): \($0.from) → \($0.to)" }.joined(separator: "; "))
        }
        if !query.unknownWords.isEmpty { lines.append("unknown: " + query.unknownWords.joined(separator: ", ")) }
        if let leader = candidates.first?.position {
            for entry in engine.matchedWords(query, position: leader) {
                lines.append("matched \(entry.field): \(entry.words.joined(separator: " "))")
            }
        }
        for (index, scored) in top.enumerated() {
            let figures = String(
                format: "%.2f (bm25 %.2f, title %.2f: recall %.2f precision %.2f, coverage %.2f)", scored.score, scored.bm25,
                scored.titleMatch, scored.recall, scored.precision, scored.coverage
            )
            lines.append("\(index + 1). \(scored.code) \(figures) \(scored.name)")
        }
        return lines.joined(separator: "\n")
    }
}
