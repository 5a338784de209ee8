import Foundation
import ThuTucKnowledge
import ThuTucSearch

/// Why the assistant answered as it did, in words hotline staff read: the
/// message's sentences and the part each played, the rewrites, what was
/// asked, the cases and outside topics found, the candidates with codes and
/// figures, and the decision with its reason.
///
/// Cheap to make on every question; the text is written only when someone
/// reads ``text``. A class, though immutable, so that a ``Session`` holds a
/// reference rather than the whole query inline: a server keeps up to a
/// hundred thousand sessions and copies one in and out of its store on every turn.
public final class Why: Sendable {
    /// One candidate's figures.
    public struct Scored: Sendable {
        public var code: String
        public var name: String
        public var score: Float
        public var titleMatch: Float
        public var recall: Float
        public var precision: Float
        public var phrase: Int
        public var concepts: Float
    }

    public let query: AnalyzedQuery
    /// What the reply answers about.
    public let intents: [Intent]
    /// The decision, or nil for a follow-up answered about the procedure in focus.
    public let decision: Decision?
    /// The five best candidates, kept as the ranking gave them: most replies'
    /// reasons are never read, so names and codes are looked up only then.
    private let candidates: ArraySlice<Candidate>
    private let engine: SearchEngine
    private let threshold: Double

    init(result: SearchResult, decision: Decision?, intents: [Intent], engine: SearchEngine, threshold: Double) {
        query = result.query
        self.intents = intents
        self.decision = decision
        self.engine = engine
        self.threshold = threshold
        candidates = result.candidates.prefix(5)
    }

    /// The main intent (the first asked).
    public var intent: Intent { intents.first ?? .overview }

    /// The five best candidates' figures.
    public var top: [Scored] {
        candidates.map {
            Scored(
                code: $0.code, name: $0.name, score: $0.score, titleMatch: $0.titleMatch, recall: $0.title.recall,
                precision: $0.title.precision, phrase: $0.features.phrase, concepts: $0.features.concepts
            )
        }
    }

    /// The report, one fact per line.
    public var text: String {
        let templates = engine.knowledge.templates
        func line(_ key: TemplateKey, _ values: KeyValuePairs<String, String> = [:]) -> String { templates.render(key, values) }
        var lines = [line(.whyMessage, ["text": query.normalized.foldedText])]
        if query.sentences.count > 1 {
            for sentence in query.sentences where !sentence.words.isEmpty {
                let role = line(sentence.role == .request ? .whyRoleRequest : .whyRoleContext)
                lines.append(line(.whySentence, ["number": String(sentence.number + 1), "role": role, "text": sentence.words.joined(separator: " ")]))
            }
        }
        if !query.rewrites.isEmpty {
            lines.append(line(.whyRewrites, ["rewrites": query.rewrites.map { "\($0.from) → \($0.to)" }.joined(separator: "; ")]))
        }
        lines.append(line(.whyIntents, ["intents": intents.map { line(Self.label(of: $0)) }.joined(separator: ", ")]))
        let concepts = engine.concepts(asked: query)
        if !concepts.isEmpty { lines.append(line(.whyConcepts, ["concepts": concepts.map(\.label).joined(separator: ", ")])) }
        if !query.held.isEmpty { lines.append(line(.whyHeld, ["papers": query.held.map(\.text).joined(separator: "; ")])) }
        if !query.outside.isEmpty {
            let topics = engine.knowledge.lexicon.outside
            lines.append(line(.whyOutside, ["phrases": query.outside.map { "\"\($0.text)\" (\(topics[$0.topic].topic))" }.joined(separator: "; ")]))
        }
        if !query.unknownWords.isEmpty { lines.append(line(.whyUnknown, ["words": query.unknownWords.joined(separator: ", ")])) }
        if !candidates.isEmpty { lines.append(line(.whyCandidates)) }
        for (index, candidate) in candidates.enumerated() {
            let concepts = engine.concepts(of: candidate.position).map(\.label).joined(separator: ", ")
            lines.append(line(.whyCandidate, [
                "number": String(index + 1), "code": candidate.code, "name": candidate.name,
                "score": Self.figure(candidate.score), "match": Self.figure(candidate.titleMatch),
                "recall": Self.figure(candidate.title.recall), "precision": Self.figure(candidate.title.precision),
                "phrase": String(candidate.features.phrase), "concepts": concepts.isEmpty ? "–" : concepts,
            ]))
        }
        lines.append(conclusion(line))
        return lines.joined(separator: "\n")
    }

    private func conclusion(_ line: (TemplateKey, KeyValuePairs<String, String>) -> String) -> String {
        switch decision {
        case .answer(let candidate, let confidence):
            line(.whyAnswer, ["code": candidate.code, "confidence": Self.figure(confidence)])
        case .clarify(let choices, _):
            line(.whyClarify, ["labels": choices.map(\.label).joined(separator: " / ")])
        case .decline(let topic?, _):
            line(.whyDeclineOutside, ["topic": topic.topic, "body": topic.body])
        case .decline(nil, let confidence):
            line(.whyDecline, ["confidence": Self.figure(1 - confidence), "threshold": Self.figure(threshold)])
        case .list(let listing):
            line(.whyList, ["topic": listing.topic])
        case nil:
            line(.whyFollowUp, [:])
        }
    }

    static func figure(_ value: some BinaryFloatingPoint) -> String {
        String(format: "%.2f", Double(value))
    }

    /// The template key of an intent's Vietnamese name.
    static func label(of intent: Intent) -> TemplateKey {
        switch intent {
        case .documents: .intentDocuments
        case .time: .intentTime
        case .fee: .intentFee
        case .agency: .intentAgency
        case .steps: .intentSteps
        case .method: .intentMethod
        case .legal: .intentLegal
        case .eligibility: .intentEligibility
        case .result: .intentResult
        case .list: .intentList
        case .overview, .smalltalk, .clarify, .fallback: .intentOverview
        }
    }
}
