import Foundation
import ThuTucKnowledge
import ThuTucSearch

/// The one place that decides, from retrieval's evidence, whether to answer,
/// ask back or admit the catalogue does not hold the answer.
///
/// The evidence is the leader's match features and its margin over the
/// runner-up, combined into the probability that the leader is the procedure
/// asked about (a logistic model whose weights were fitted on real
/// questions: docs/ANSWERING.md). A topic of `outside.txt` named in the
/// message and not held by the leader's name is evidence against answering.
public struct DecisionPolicy: Sendable {
    /// The logistic model's weights (see ``probability(_:runnerUp:)``),
    /// fitted on real questions; the thresholds below are on its scale.
    var bias = -3.72
    var scoreWeight = 1.46
    var marginWeight = 3.49
    var precisionWeight = 1.29
    var phraseWeight = 1.21
    var bm25Weight = 0.7
    var exactRecallWeight = -0.6
    var conceptPenaltyWeight = 0.0
    /// The shift of the model's logit that makes the reported confidence
    /// honest at its top: on real questions, answers given with 0.8 or more
    /// are right 95% of the time (docs/ANSWERING.md, docs/PROTOCOL.md).
    var confidenceShift = -0.5
    /// Below this probability no procedure is named.
    var answerThreshold = 0.21
    /// At or above this probability the leader is named even when the
    /// message also names a topic the catalogue does not hold, in passing
    /// ("chứng thực bản sao bằng tốt nghiệp"); an outside topic that shares
    /// the leader's words ("hộ chiếu ngoại giao") or has a word the catalogue
    /// never uses ("karaoke") always declines.
    var outsideOverride = 0.91
    /// When the leader's own titles hold the outside phrase ("Ủy quyền lĩnh
    /// thay … trợ cấp thất nghiệp"), below this probability (or when the
    /// leader's concepts disagree with the message's) the message is still
    /// read as the outside topic.
    var outsideHeld = 0.6
    /// Runner-ups within this score of the leader, differing from it by an
    /// action or facet the message does not settle, are offered as choices.
    var clarifyMargin: Float = 0.3

    let engine: SearchEngine

    public init(engine: SearchEngine) {
        self.engine = engine
    }

    /// Decides what to do with `result`.
    public func decide(_ result: SearchResult) -> Decision {
        if result.isExactCode, let candidate = result.candidates.first { return .answer(candidate, confidence: 1) }
        if let listing = result.listing { return .list(listing) }
        let query = result.query
        guard let leader = result.candidates.first else {
            return .decline(topic: outsideTopic(query, leader: nil)?.topic, confidence: 0)
        }
        // Variants the message leaves open share the evidence: the group is
        // measured against the best candidate outside it.
        let rivals = result.candidates.dropFirst().prefix(3).filter { leader.score - $0.score < clarifyMargin }
        let labeler = ChoiceLabeler(engine: engine)
        let variants = rivals.isEmpty ? nil : labeler.variants(leader: leader, rivals: Array(rivals), query: query)
        let members = Set((variants ?? []).map(\.position))
        let outsider = result.candidates.dropFirst().first { !members.contains($0.position) }
        let probability = self.probability(leader, runnerUp: outsider)
        let confidence = self.confidence(probability)
        if let (topic, sibling) = outsideTopic(query, leader: leader), sibling || probability < outsideOverride {
            return .decline(topic: topic, confidence: 1 - confidence)
        }
        // A leader that holds the outside phrase itself but matches poorly, or
        // contradicts a case or action the message asks for (an agreement of
        // -1 or less: a variant only not preferred, at -0.5, still stands), or
        // serves only a case not asked (the army's hospitals for a question
        // about hospitals), is not what the message is about.
        if probability < outsideHeld || leader.features.concepts <= -1 || engine.servesOnlyUnaskedCase(leader.position, for: query),
            let (topic, _) = outsideTopic(query, leader: nil)
        {
            return .decline(topic: topic, confidence: 1 - confidence)
        }
        guard probability >= answerThreshold else { return .decline(topic: nil, confidence: 1 - confidence) }
        if let variants { return .clarify(labeler.choices(variants), confidence: confidence) }
        return .answer(leader, confidence: confidence)
    }

    /// What a reply reports for `probability`: the same logit, shifted by
    /// ``confidenceShift``.
    func confidence(_ probability: Double) -> Double {
        let logit = log(probability / (1 - probability))
        return 1 / (1 + exp(-(logit + confidenceShift)))
    }

    /// The probability that `leader` is the procedure asked about (or, for a
    /// group of variants, that one of them is), measured against `runnerUp`.
    func probability(_ leader: Candidate, runnerUp: Candidate?) -> Double {
        let features = leader.features
        var logit = bias
        // An agreement the runner-up shares (both are export licences) tells
        // them apart no more than it shows that either is what was asked.
        let shared = max(0, min(features.concepts, runnerUp?.features.concepts ?? 0))
        logit += scoreWeight * Double(leader.score - engine.conceptScore(of: shared)) / 10
        logit += marginWeight * Double(leader.score - (runnerUp?.score ?? 0)) / 10
        logit += precisionWeight * Double(leader.title.precision)
        logit += phraseWeight * Double(min(features.phrase, 10)) / 10
        logit += bm25Weight * Double(features.bm25)
        logit += exactRecallWeight * Double(leader.title.exactRecall)
        logit += conceptPenaltyWeight * Double(min(features.concepts, 0))
        return 1 / (1 + exp(-logit))
    }

    /// The topic the catalogue does not hold that the message names and the
    /// leader's titles do not (the first such phrase of the request, else of
    /// the story), and whether it is plainly that topic: named in the request
    /// with words of the leader's name (a sibling the catalogue lacks), or
    /// with a word the catalogue never uses.
    func outsideTopic(_ query: AnalyzedQuery, leader: Candidate?) -> (topic: OutsideTopic, sibling: Bool)? {
        let unexplained = query.outside.filter { phrase in
            leader.map { !engine.title(of: $0.position, holds: phrase) } ?? true
        }
        guard let phrase = unexplained.first(where: \.inRequest) ?? unexplained.first else { return nil }
        let sibling = phrase.inRequest
            && (engine.catalogueLacksAWord(of: phrase) || leader.map { engine.name(of: $0.position, sharesWordsWith: phrase) } ?? false)
        return (engine.knowledge.lexicon.outside[phrase.topic], sibling)
    }
}
