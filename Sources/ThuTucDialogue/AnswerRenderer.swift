import ThuTucKnowledge
import ThuTucText

/// Writes answers from the templates in Knowledge/templates and the facts of
/// a procedure: per intent, always with the name, code and official link.
///
/// An answer says what a citizen can act on: the usual case first, fees and
/// times as the record's notes and cases qualify them, what can really be
/// done online, each default reply within its length budget
/// (``budget(for:)``) with the link for the rest.
public struct AnswerRenderer: Sendable {
    public let knowledge: KnowledgeBase
    /// The hotline given in fallbacks and greetings.
    public let hotline: String
    /// Today as "YYYY-MM-DD", for notes that apply until a day: read only
    /// when a note has one.
    public let today: @Sendable () -> String

    public init(knowledge: KnowledgeBase, hotline: String, today: @escaping @Sendable () -> String = CalendarDay.today) {
        self.knowledge = knowledge
        self.hotline = hotline
        self.today = today
    }

    /// The longest default reply of each intent after the procedure's name,
    /// in characters: a phone screen or two. Documents get more, since they
    /// are a checklist.
    public static func budget(for intent: Intent) -> Int {
        switch intent {
        case .documents: 1_500
        case .overview: 1_000
        case .fee: 1_000
        default: 800
        }
    }

    var templates: AnswerTemplates { knowledge.templates }

    func text(_ key: TemplateKey, _ values: KeyValuePairs<String, String> = [:]) -> String {
        templates.render(key, values)
    }

    /// The answer to `intents` (the first is the main one) about `procedure`;
    /// `documents` picks the case a documents follow-up asks for.
    public func answer(_ procedure: Procedure, intents: [Intent], documents request: DocumentRequest? = nil) -> RenderedAnswer {
        let asked = intents.isEmpty ? [Intent.overview] : intents
        let head = text(.procedureTitle, ["name": procedure.name, "code": procedure.code])
        let tail = text(.procedureLink, ["url": procedure.url, "retrieved": procedure.retrieved])
        var answer = RenderedAnswer(head: head, body: [], tail: tail)
        answer.shortHead = text(.procedureTitleShort, ["name": procedure.name, "code": procedure.code])
        answer.shortTail = text(.procedureLinkShort, ["url": procedure.url, "retrieved": procedure.retrieved])
        // The budget leaves out the name, which is as long as the catalogue makes it.
        let budget = Self.budget(for: asked[0]) - tail.count - 1
        for (index, intent) in asked.enumerated() {
            let section = section(intent, procedure, request: request, budget: budget)
            if index == 0 { answer.essential = min(section.essential, section.lines.count) }
            answer.body += section.lines
        }
        return answer
    }

    /// One intent's lines, and how many of the first say what was asked:
    /// the time or the fees (not their notes or provision), the heading and
    /// first item of a list, none of an overview (which gives way to the
    /// link); else the whole of a short answer.
    private func section(
        _ intent: Intent, _ procedure: Procedure, request: DocumentRequest?, budget: Int
    ) -> (lines: [String], essential: Int) {
        func whole(_ lines: [String]) -> ([String], Int) { (lines, lines.count) }
        switch intent {
        case .documents: return (documents(procedure, request: request, budget: budget), 2)
        case .time:
            let lines = time(procedure, budget: budget)
            return (lines, knowledge.overlays[procedure.code]?.time == nil ? lines.count : 1)
        case .fee:
            let values = feeValues(procedure)
            return (values + feeNoteLines(procedure, after: values, budget: budget), values.count)
        case .agency: return whole(agency(procedure))
        case .steps: return (steps(procedure), 2)
        case .method: return whole(method(procedure))
        case .legal: return (legal(procedure), 2)
        case .eligibility: return whole(eligibility(procedure))
        case .result: return (results(procedure), 2)
        case .overview, .list, .smalltalk, .clarify, .fallback: return (overview(procedure), 0)
        }
    }

    func overview(_ procedure: Procedure) -> [String] {
        let values: KeyValuePairs = [
            "levels": levels(procedure.levels),
            "field": procedure.field,
            "agencies": agencyLine(procedure),
            "channels": channels(procedure),
            "time": timeSummary(procedure),
            "fee": feeSummary(procedure),
            "documents": documentSummary(procedure),
        ]
        return lines(text(.overviewBody, values)) + lines(text(.overviewHint))
    }

    func agency(_ procedure: Procedure) -> [String] {
        var output: [String] = []
        let place = knowledge.overlays[procedure.code]?.place
        if procedure.agencies.isEmpty && procedure.authorities.isEmpty {
            // Where people usually go says more than the catalogue's silence.
            if place == nil { output += lines(text(.agencyUnknown)) }
        } else {
            output += lines(text(.agencyBody, ["agencies": agencies(procedure), "levels": levels(procedure.levels)]))
            if !procedure.authorities.isEmpty, procedure.authorities != procedure.agencies {
                output += lines(text(.agencyAuthority, ["authorities": join(procedure.authorities)]))
            }
        }
        if let address = procedure.address {
            output += lines(text(.agencyAddress, ["address": address]))
        }
        if let place {
            output += lines(text(.agencyPlace, ["place": place]))
        }
        return output
    }

    func steps(_ procedure: Procedure) -> [String] {
        var output: [String] = []
        if let overlay = knowledge.overlays[procedure.code], !overlay.steps.isEmpty {
            output += lines(text(.stepsHeader))
            for (index, step) in overlay.steps.enumerated() {
                output += lines(text(.stepsItem, ["number": String(index + 1), "text": step]))
            }
        } else {
            let values: KeyValuePairs = [
                "documents": documentSummary(procedure),
                "channels": channels(procedure),
                "agencies": agencyLine(procedure),
                "time": timeSummary(procedure),
                "fee": feeSummary(procedure),
                "results": procedure.results.isEmpty ? text(.resultNone) : join(procedure.results.map(\.name)),
            ]
            output += lines(text(.stepsHeader)) + lines(text(.stepsGeneric, values))
        }
        if let tips = knowledge.overlays[procedure.code]?.tips, !tips.isEmpty {
            output += lines(text(.tipsHeader))
            for (index, tip) in tips.enumerated() {
                output += lines(text(.tipsItem, ["number": String(index + 1), "text": tip]))
            }
        }
        return output
    }

    /// How to submit, and what the online channel really allows: all of
    /// it, sending the dossier, or only booking a time and place.
    func method(_ procedure: Procedure) -> [String] {
        guard !procedure.channels.isEmpty else { return lines(text(.methodUnknown)) }
        let online = procedure.channels.filter { $0.kind == .online }
        let scopes = Set(online.map { $0.online ?? .submit })
        let onlineKey: TemplateKey =
            if online.isEmpty { .methodOnlineNo }
            else if scopes == [.booking] { .methodOnlineBooking }
            else if scopes == [.full] { .methodOnlineFull }
            else { .methodOnlineSubmit }
        let post = procedure.channels.contains { $0.kind == .post }
        return lines(text(.methodBody, ["channels": channels(procedure)]))
            + lines(text(onlineKey))
            + lines(text(post ? .methodPostYes : .methodPostNo))
    }

    func legal(_ procedure: Procedure) -> [String] {
        guard !procedure.legal.isEmpty else { return lines(text(.legalNone)) }
        var output = lines(text(.legalHeader))
        for reference in procedure.legal {
            if let number = reference.number, !reference.title.containsBytes(number) {
                output += lines(text(.legalItem, ["title": reference.title, "number": number]))
            } else {
                output += lines(text(.legalItemBare, ["title": reference.title]))
            }
        }
        return output
    }

    func eligibility(_ procedure: Procedure) -> [String] {
        var output: [String] = []
        if !procedure.subjects.isEmpty {
            output += lines(text(.eligibilityBody, ["subjects": join(procedure.subjects)]))
        }
        return output + lines(text(.eligibilityNote))
    }

    func results(_ procedure: Procedure) -> [String] {
        guard !procedure.results.isEmpty else { return lines(text(.resultNone)) }
        return lines(text(.resultHeader)) + procedure.results.flatMap { lines(text(.resultItem, ["name": $0.name])) }
    }
}
