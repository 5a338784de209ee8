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

    public init(engine: SearchEngine, hotline: String) {
        self.engine = engine
        self.renderer = AnswerRenderer(knowledge: engine.knowledge, hotline: hotline)
    }

    public convenience init(knowledge: KnowledgeBase, options: SearchOptions = SearchOptions(), hotline: String) {
        self.init(engine: SearchEngine(knowledge: knowledge, options: options), hotline: hotline)
    }

    public var knowledge: KnowledgeBase { engine.knowledge }

    /// Answers `text` in `session`, cutting the reply to `maxCharacters` when given.
    public func respond(to text: String, in session: inout Session, maxCharacters: Int? = nil) -> Reply {
        let query = engine.analyze(text)
        var reply = decide(query, session: &session)
        // Every reply is made with its whole text; only a limit changes it.
        if let maxCharacters {
            reply.text = reply.answer.fitted(to: maxCharacters, mark: renderer.templates.render(.truncationMark))
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
        let why = Why(result: result, intent: query.intent ?? .overview, engine: engine)
        let asked = askedIntents(query, session: session)
        if query.hasNoTopic {
            return followUp(query, intents: asked, session: &session, why: why)
        }
        switch result.decision {
        case .answer(let candidate):
            return answer(candidate.procedure, intents: asked, confidence: result.confidence, result: result, session: &session, why: why)
        case .clarify(let choices):
            session.pending = Session.PendingChoice(codes: choices.map(\.candidate.code), labels: choices.map(\.label), intents: asked)
            return clarify(choices.map { ($0.label, $0.candidate.procedure) }, confidence: result.confidence, why: why)
        case .list(let topic, let procedures):
            return list(topic: topic, procedures: procedures, why: why)
        case .notFound:
            if query.intent != nil, let focus = session.focus, let procedure = knowledge.procedure(code: focus) {
                return answer(procedure, intents: asked, confidence: 0.5, result: nil, session: &session, why: why)
            }
            return fallback(confidence: result.confidence, why: why)
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
            return answer(procedure, intents: intents, confidence: 0.9, result: nil, session: &session, why: why)
        }
        if query.intent != nil {
            let answer = RenderedAnswer(body: renderer.lines(renderer.text(.followUpWithoutFocus, ["hotline": renderer.hotline])))
            return Reply(intent: .clarify, procedure: nil, confidence: 0, choices: [], answer: answer, text: answer.text, why: why)
        }
        return fallback(confidence: 0, why: why)
    }

    private func answer(
        _ procedure: Procedure, intents: [Intent], confidence: Float, result: SearchResult?, session: inout Session, why: Why?
    ) -> Reply {
        session.focus = procedure.code
        session.lastIntents = intents
        let runnersUp = (result?.candidates ?? []).filter { $0.code != procedure.code }.prefix(5)
        let answer = renderer.answer(procedure, intents: intents)
        return Reply(
            intent: intents.first ?? .overview, procedure: Reply.ProcedureRef(procedure), confidence: Double(confidence),
            choices: runnersUp.map { Reply.ProcedureRef(code: $0.code, name: $0.name) }, answer: answer, text: answer.text, why: why
        )
    }

    private func clarify(_ choices: [(label: String, procedure: Procedure)], confidence: Float, why: Why?) -> Reply {
        var body = renderer.lines(renderer.text(.clarifyHeader))
        for (index, choice) in choices.enumerated() {
            // A label that only repeats the start of the name adds nothing.
            let key: TemplateKey = choice.procedure.name.hasPrefix(choice.label) ? .clarifyItemPlain : .clarifyItem
            body += renderer.lines(renderer.text(key, [
                "number": String(index + 1), "label": choice.label, "name": choice.procedure.name, "code": choice.procedure.code,
            ]))
        }
        body += renderer.lines(renderer.text(.clarifyFooter))
        let answer = RenderedAnswer(body: body)
        return Reply(
            intent: .clarify, procedure: nil, confidence: Double(confidence),
            choices: choices.map { Reply.ProcedureRef($0.procedure) }, answer: answer, text: answer.text, why: why
        )
    }

    /// Answers a pending clarification by number or by a choice's words; nil
    /// when the question is something else.
    private func resolve(_ pending: Session.PendingChoice, query: AnalyzedQuery, session: inout Session) -> Reply? {
        let procedures = pending.codes.compactMap { knowledge.procedure(code: $0) }
        if query.terms.isEmpty, query.codes.isEmpty, query.numbers.count == 1, let number = query.numbers.first {
            guard (1...procedures.count).contains(number) else {
                session.pending = pending
                let answer = RenderedAnswer(body: renderer.lines(renderer.text(.choiceOutOfRange, ["count": String(procedures.count)])))
                return Reply(
                    intent: .clarify, procedure: nil, confidence: 0, choices: procedures.map(Reply.ProcedureRef.init),
                    answer: answer, text: answer.text, why: nil
                )
            }
            let intents = query.intents.filter(\.needsProcedure)
            return answer(procedures[number - 1], intents: intents.isEmpty ? pending.intents : intents, confidence: 1, result: nil, session: &session, why: session.lastWhy)
        }
        guard let chosen = engine.choose(query, among: zip(pending.labels, procedures).map { ($0, $1) }) else { return nil }
        let intents = query.intents.filter(\.needsProcedure)
        return answer(chosen, intents: intents.isEmpty ? pending.intents : intents, confidence: 1, result: nil, session: &session, why: session.lastWhy)
    }

    private func list(topic: String, procedures: [Procedure], why: Why) -> Reply {
        let shown = procedures.prefix(20)
        var body = renderer.lines(renderer.text(.listHeader, ["topic": topic, "count": String(procedures.count)]))
        for procedure in shown {
            body += renderer.lines(renderer.text(.listItem, ["name": procedure.name, "code": procedure.code]))
        }
        if procedures.count > shown.count {
            body += renderer.lines(renderer.text(.listMore, ["count": String(procedures.count - shown.count)]))
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

    private func fallback(confidence: Float, why: Why) -> Reply {
        let answer = RenderedAnswer(body: renderer.lines(renderer.text(.fallbackBody, ["hotline": renderer.hotline])))
        return Reply(intent: .fallback, procedure: nil, confidence: Double(confidence), choices: [], answer: answer, text: answer.text, why: why)
    }
}
