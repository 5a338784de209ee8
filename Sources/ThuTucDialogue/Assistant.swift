import ThuTucKnowledge
import ThuTucSearch

/// Answers one question within a conversation: follow-ups use the procedure
/// in focus, a number or a choice's words answer a pending clarification, a
/// new topic replaces the focus.
///
/// Holds only immutable knowledge, so one assistant serves every connection
/// and every thread; the conversation state lives in the ``Session`` passed in.
public final class Assistant: Sendable {
    public let engine: SearchEngine
    public let renderer: AnswerRenderer
    /// When to answer, ask back or decline.
    public let policy: DecisionPolicy
    /// The most words one side of "và" may have to be read as a question of its own.
    static let longestPart = 6

    public init(engine: SearchEngine, hotline: String) {
        self.engine = engine
        self.renderer = AnswerRenderer(knowledge: engine.knowledge, hotline: hotline)
        self.policy = DecisionPolicy(engine: engine)
    }

    public convenience init(knowledge: KnowledgeBase, options: SearchOptions = SearchOptions(), hotline: String) {
        self.init(engine: SearchEngine(knowledge: knowledge, options: options), hotline: hotline)
    }

    public var knowledge: KnowledgeBase { engine.knowledge }

    /// Answers `text` in `session`, cutting the reply to `maxCharacters`
    /// when given (at least ``ReplyLength/minimum``: interfaces refuse less).
    public func respond(to text: String, in session: inout Session, maxCharacters: Int? = nil) -> Reply {
        let query = engine.analyze(text)
        var reply = decide(query, session: &session)
        // Every reply is made with its whole text; only a limit changes it.
        if let maxCharacters {
            let limit = max(maxCharacters, ReplyLength.minimum)
            reply.text = reply.answer.fitted(to: limit, mark: renderer.templates.render(.truncationMark))
        }
        session.lastWhy = reply.why
        return reply
    }

    /// A reply that forgets the conversation.
    public func reset(_ session: inout Session) -> Reply {
        session.reset()
        let answer = RenderedAnswer(body: [renderer.text(.resetDone)])
        return Reply(intent: .smalltalk, procedure: nil, confidence: 1, choices: [], answer: answer, text: answer.text, why: nil)
    }

    private func decide(_ query: AnalyzedQuery, session: inout Session) -> Reply {
        if let pending = session.pending {
            session.pending = nil
            if let reply = resolve(pending, query: query, session: &session) { return reply }
        }
        if query.isReset {
            return reset(&session)
        }
        if let kind = query.smalltalk {
            return smalltalk(kind)
        }
        let result = engine.search(query)
        let asked = askedIntents(query, session: session)
        if query.hasNoTopic {
            let why = Why(result: result, decision: nil, intents: asked, engine: engine, threshold: policy.confidence(policy.answerThreshold))
            return followUp(query, intents: asked, session: &session, why: why)
        }
        let decision = policy.decide(result)
        let why = Why(result: result, decision: decision, intents: asked, engine: engine, threshold: policy.confidence(policy.answerThreshold))
        switch decision {
        case .answer(let candidate, let confidence):
            if let both = bothParts(of: query, leader: candidate, confidence: confidence) {
                return answer(both, intents: asked, session: &session, why: why)
            }
            return answer(candidate.procedure, intents: asked, confidence: confidence, result: result, query: query, session: &session, why: why)
        case .clarify(let choices, let confidence):
            session.pending = Session.PendingChoice(codes: choices.map(\.candidate.code), labels: choices.map(\.label), intents: asked)
            return clarify(choices, confidence: confidence, why: why)
        case .list(let listing):
            return list(listing, why: why)
        case .decline(let topic, let confidence):
            if topic == nil, query.intent != nil, let focus = session.focus, let procedure = knowledge.procedure(code: focus) {
                return answer(procedure, intents: asked, confidence: 0.5, result: nil, query: query, session: &session, why: why)
            }
            return decline(topic, confidence: confidence, why: why)
        }
    }

    /// What to answer about: the cued intents, or for "còn … thì sao" the
    /// previous question's, or an overview.
    private func askedIntents(_ query: AnalyzedQuery, session: Session) -> [Intent] {
        let cued = query.intents.filter(\.needsProcedure)
        if !cued.isEmpty { return cued }
        if query.isContinuation, !session.lastIntents.isEmpty { return session.lastIntents }
        return [.overview]
    }

    private func followUp(_ query: AnalyzedQuery, intents: [Intent], session: inout Session, why: Why) -> Reply {
        if let focus = session.focus, let procedure = knowledge.procedure(code: focus), query.intent != nil || query.isContinuation {
            return answer(procedure, intents: intents, confidence: 0.9, result: nil, query: query, session: &session, why: why)
        }
        if query.intent != nil {
            let answer = RenderedAnswer(body: renderer.lines(renderer.text(.followUpWithoutFocus, ["hotline": renderer.hotline])))
            return Reply(intent: .clarify, procedure: nil, confidence: 0, choices: [], answer: answer, text: answer.text, why: why)
        }
        return decline(nil, confidence: 0, why: why)
    }

    private func answer(
        _ procedure: Procedure, intents: [Intent], confidence: Double, result: SearchResult?, query: AnalyzedQuery?,
        session: inout Session, why: Why?
    ) -> Reply {
        session.focus = procedure.code
        session.lastIntents = intents
        let runnersUp = (result?.candidates ?? []).filter { $0.code != procedure.code }.prefix(5)
        // "hồ sơ trường hợp 2": the case of the dossier a documents follow-up asks for.
        let request = intents.contains(.documents) ? query.flatMap(DocumentRequest.init) : nil
        let answer = renderer.answer(procedure, intents: intents, documents: request)
        var reply = Reply(
            intent: intents.first ?? .overview, intents: intents, procedure: Reply.ProcedureRef(procedure), confidence: confidence,
            choices: runnersUp.map { Reply.ProcedureRef(code: $0.code, name: $0.name) }, answer: answer, text: answer.text, why: why
        )
        reply.makeFacts = { [renderer] in renderer.facts(procedure, intents: intents, documents: request) }
        return reply
    }

    /// For a request that joins two things ("lệ phí hộ chiếu và căn cước"),
    /// the procedures each side names on its own, with their confidence, when
    /// both sides are answered well, name different procedures, and one of
    /// them is the leader of the whole message (or beats it).
    private func bothParts(of query: AnalyzedQuery, leader: Candidate, confidence: Double) -> [(Candidate, Double)]? {
        // Two things named at once are named briefly; a long sentence with a
        // "và" is one request ("hồ sơ và trình tự cấp giấy phép …").
        guard query.parts.count == 2, query.parts.allSatisfy({ !$0.terms.isEmpty && $0.terms.count <= Self.longestPart }) else { return nil }
        var answers: [(Candidate, Double)] = []
        for part in query.parts {
            guard case .answer(let candidate, let partConfidence) = policy.decide(engine.search(part)) else { return nil }
            answers.append((candidate, partConfidence))
        }
        let codes = answers.map(\.0.code)
        guard codes[0] != codes[1] else { return nil }
        let weakest = answers.map(\.1).min() ?? 0
        guard codes.contains(leader.code) || weakest > confidence else { return nil }
        // The whole message's leader stays the main procedure.
        return answers.sorted { first, _ in first.0.code == leader.code }
    }

    /// The answers to one question about two procedures, one after the other;
    /// the first becomes the focus.
    private func answer(_ both: [(Candidate, Double)], intents: [Intent], session: inout Session, why: Why?) -> Reply {
        let answers = both.map { renderer.answer($0.0.procedure, intents: intents) }
        var combined = answers[0]
        for next in answers.dropFirst() {
            combined.body += [combined.tail, next.head] + next.body
            combined.tail = next.tail
        }
        session.focus = both[0].0.code
        session.lastIntents = intents
        var reply = Reply(
            intent: intents.first ?? .overview, intents: intents, procedure: Reply.ProcedureRef(both[0].0.procedure),
            confidence: both.map(\.1).min() ?? 0, choices: both.dropFirst().map { Reply.ProcedureRef($0.0.procedure) },
            answer: combined, text: combined.text, why: why
        )
        let main = both[0].0.procedure
        reply.makeFacts = { [renderer] in renderer.facts(main, intents: intents) }
        return reply
    }

    private func clarify(_ choices: [Decision.Choice], confidence: Double, why: Why?) -> Reply {
        let topic = ChoiceLabeler(engine: engine).topic(of: choices)
        var body = renderer.lines(topic.map { renderer.text(.clarifyHeaderTopic, ["topic": $0]) } ?? renderer.text(.clarifyHeader))
        for (index, choice) in choices.enumerated() {
            body += renderer.lines(renderer.text(.clarifyItem, [
                "number": String(index + 1), "label": choice.label, "name": choice.candidate.name, "code": choice.candidate.code,
            ]))
        }
        body += renderer.lines(renderer.text(.clarifyFooter))
        var answer = RenderedAnswer(body: body)
        // Cut to a small size, a clarification keeps every choice by its label, and the prompt.
        answer.compact = choices.enumerated().map { index, choice in
            renderer.text(.clarifyItemShort, ["number": String(index + 1), "label": choice.label])
        } + renderer.lines(renderer.text(.clarifyFooterShort))
        return Reply(
            intent: .clarify, procedure: nil, confidence: confidence,
            choices: choices.map { Reply.ProcedureRef($0.candidate.procedure) }, answer: answer, text: answer.text, why: why
        )
    }

    /// Answers a pending clarification by number or by a choice's words; nil
    /// when the question is something else.
    private func resolve(_ pending: Session.PendingChoice, query: AnalyzedQuery, session: inout Session) -> Reply? {
        let procedures = pending.codes.compactMap { knowledge.procedure(code: $0) }
        let reading = ChoiceResolver(engine: engine).read(query, labels: pending.labels, names: procedures.map(\.name))
        let chosen: Procedure
        switch reading {
        case .number(let number) where (1...procedures.count).contains(number):
            chosen = procedures[number - 1]
        case .number:
            session.pending = pending
            let answer = RenderedAnswer(body: renderer.lines(renderer.text(.choiceOutOfRange, ["count": String(procedures.count)])))
            return Reply(
                intent: .clarify, procedure: nil, confidence: 0, choices: procedures.map(Reply.ProcedureRef.init),
                answer: answer, text: answer.text, why: nil
            )
        case .named(let index):
            chosen = procedures[index]
        case .other:
            return nil
        }
        let intents = query.intents.filter(\.needsProcedure)
        return answer(
            chosen, intents: intents.isEmpty ? pending.intents : intents, confidence: 1, result: nil, query: nil, session: &session,
            why: session.lastWhy
        )
    }

    private func list(_ listing: SearchResult.Listing, why: Why) -> Reply {
        let shown = listing.procedures.prefix(20)
        var body = renderer.lines(renderer.text(.listHeader, ["topic": listing.topic, "count": String(listing.procedures.count)]))
        for procedure in shown {
            body += renderer.lines(renderer.text(.listItem, ["name": procedure.name, "code": procedure.code]))
        }
        if listing.procedures.count > shown.count {
            body += renderer.lines(renderer.text(.listMore, ["count": String(listing.procedures.count - shown.count)]))
        }
        let answer = RenderedAnswer(body: body)
        return Reply(
            intent: .list, procedure: nil, confidence: 1, choices: shown.prefix(5).map(Reply.ProcedureRef.init),
            answer: answer, text: answer.text, why: why
        )
    }

    func smalltalk(_ kind: Lexicon.SmalltalkKind) -> Reply {
        let key: TemplateKey = switch kind {
        case .greeting: .smalltalkGreeting
        case .thanks: .smalltalkThanks
        case .bye: .smalltalkBye
        case .identity: .smalltalkIdentity
        case .help: .smalltalkHelp
        }
        let answer = RenderedAnswer(body: renderer.lines(renderer.text(key, ["hotline": renderer.hotline])))
        return Reply(intent: .smalltalk, procedure: nil, confidence: 1, choices: [], answer: answer, text: answer.text, why: nil)
    }

    /// The honest reply when no procedure is named: who handles the topic
    /// when the catalogue does not hold it, else the hotline.
    private func decline(_ topic: OutsideTopic?, confidence: Double, why: Why) -> Reply {
        let text = topic.map { topic in
            renderer.text(.fallbackOutside, ["topic": topic.topic, "body": topic.body, "hotline": renderer.hotline])
        } ?? renderer.text(.fallbackBody, ["hotline": renderer.hotline])
        let answer = RenderedAnswer(body: renderer.lines(text))
        return Reply(intent: .fallback, procedure: nil, confidence: confidence, choices: [], answer: answer, text: answer.text, why: why)
    }
}
