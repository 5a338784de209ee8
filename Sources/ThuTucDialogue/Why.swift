import Foundation
import ThuTucKnowledge
import ThuTucSearch

/// Why the engine answered as it did: the question as normalised, the
/// rewrites and cues it found, the words matched per field, and the top scores.
public struct Why: Sendable {
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

    public var normalized: String
    public var accented: Bool
    public var rewrites: [String]
    public var cues: [String]
    public var intent: Intent
    public var unknownWords: [String]
    /// Matched words of the leading candidate per field name ("name": ["khai", "sinh"]).
    public var matched: [(field: String, words: [String])]
    public var top: [Scored]

    init(result: SearchResult, intent: Intent, engine: SearchEngine) {
        let query = result.query
        normalized = query.normalized.foldedText
        accented = query.normalized.isAccented
        rewrites = query.rewrites.map { "\($0.kind.rawValue): \($0.from) → \($0.to)" }
        cues = query.cuePhrases
        self.intent = intent
        unknownWords = query.unknownWords
        matched = result.candidates.first.map { engine.matchedWords(query, position: $0.position) } ?? []
        top = result.candidates.prefix(5).map {
            Scored(
                code: $0.procedure.code, name: $0.procedure.name, score: $0.score, bm25: $0.bm25, titleMatch: $0.titleMatch,
                recall: $0.title.recall, precision: $0.title.precision, coverage: $0.coverage
            )
        }
    }

    /// A plain-text report for the REPL and the plain protocol.
    public var text: String {
        var lines = [
            "normalised: \(normalized)\(accented ? " (accented)" : "")",
            "intent: \(intent.rawValue)" + (cues.isEmpty ? "" : " (cues: \(cues.joined(separator: ", ")))"),
        ]
        if !rewrites.isEmpty { lines.append("rewrites: " + rewrites.joined(separator: "; ")) }
        if !unknownWords.isEmpty { lines.append("unknown: " + unknownWords.joined(separator: ", ")) }
        for entry in matched { lines.append("matched \(entry.field): \(entry.words.joined(separator: " "))") }
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
