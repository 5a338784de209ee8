import ThuTucKnowledge
import ThuTucText

/// Writes answers from the templates in Knowledge/templates and the facts of
/// a procedure: per intent, always with the name, code and official link.
public struct AnswerRenderer: Sendable {
    public let knowledge: KnowledgeBase
    /// The hotline given in fallbacks and greetings.
    public let hotline: String

    public init(knowledge: KnowledgeBase, hotline: String) {
        self.knowledge = knowledge
        self.hotline = hotline
    }

    var templates: AnswerTemplates { knowledge.templates }

    func text(_ key: TemplateKey, _ values: KeyValuePairs<String, String> = [:]) -> String {
        templates.render(key, values)
    }

    /// The answer to `intents` (the first is the main one) about `procedure`.
    public func answer(_ procedure: Procedure, intents: [Intent]) -> RenderedAnswer {
        let head = text(.procedureTitle, ["name": procedure.name, "code": procedure.code])
        let tail = text(.procedureLink, ["url": procedure.url, "retrieved": procedure.retrieved])
        var body: [String] = []
        for intent in intents.isEmpty ? [.overview] : intents {
            body += section(intent, procedure)
        }
        return RenderedAnswer(head: head, body: body, tail: tail)
    }

    private func section(_ intent: Intent, _ procedure: Procedure) -> [String] {
        switch intent {
        case .documents: documents(procedure)
        case .time: time(procedure)
        case .fee: fee(procedure)
        case .agency: agency(procedure)
        case .steps: steps(procedure)
        case .method: method(procedure)
        case .legal: legal(procedure)
        case .eligibility: eligibility(procedure)
        case .result: results(procedure)
        case .overview, .list, .smalltalk, .clarify, .fallback: overview(procedure)
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
            "documents": String(documentCount(procedure)),
        ]
        return lines(text(.overviewBody, values)) + lines(text(.overviewHint))
    }

    func documents(_ procedure: Procedure) -> [String] {
        let groups = procedure.documents.filter { !$0.items.isEmpty }
        guard !groups.isEmpty else { return lines(text(.documentsNone)) }
        var output = lines(text(.documentsHeader))
        var number = 0
        for group in groups {
            if let title = group.title.map(withoutBullet), !title.isEmpty {
                output += lines(text(.documentsGroup, ["title": title]))
            }
            for item in group.items {
                number += 1
                let name = withoutBullet(item.name)
                if let form = item.form {
                    let values: KeyValuePairs = ["number": String(number), "name": name, "copies": copies(item), "form": form]
                    output += lines(text(.documentsItemForm, values))
                } else {
                    output += lines(text(.documentsItem, ["number": String(number), "name": name, "copies": copies(item)]))
                }
            }
        }
        return output
    }

    func time(_ procedure: Procedure) -> [String] {
        perChannel(procedure, header: .timeHeader, line: .timeLine, same: .timeSame) { channel in
            channel.time.map(timeText) ?? text(.timeUnknown)
        }
    }

    func fee(_ procedure: Procedure) -> [String] {
        var output = perChannel(procedure, header: .feeHeader, line: .feeLine, same: .feeSame) { channel in
            channel.fee.map(feeText) ?? text(.feeUnknown)
        }
        var notes: [String] = []
        for channel in procedure.channels {
            if let note = channel.fee?.note, !notes.contains(note) { notes.append(note) }
        }
        for note in notes { output += lines(text(.feeNote, ["note": note])) }
        return output
    }

    func agency(_ procedure: Procedure) -> [String] {
        var output: [String] = []
        if procedure.agencies.isEmpty && procedure.authorities.isEmpty {
            output += lines(text(.agencyUnknown))
        } else {
            output += lines(text(.agencyBody, ["agencies": agencies(procedure), "levels": levels(procedure.levels)]))
            if !procedure.authorities.isEmpty, procedure.authorities != procedure.agencies {
                output += lines(text(.agencyAuthority, ["authorities": join(procedure.authorities)]))
            }
        }
        if let address = procedure.address {
            output += lines(text(.agencyAddress, ["address": address]))
        }
        if let place = knowledge.overlays[procedure.code]?.place {
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
                "documents": String(documentCount(procedure)),
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

    func method(_ procedure: Procedure) -> [String] {
        guard !procedure.channels.isEmpty else { return lines(text(.methodUnknown)) }
        let kinds = Set(procedure.channels.map(\.kind))
        return lines(text(.methodBody, ["channels": channels(procedure)]))
            + lines(text(kinds.contains(.online) ? .methodOnlineYes : .methodOnlineNo))
            + lines(text(kinds.contains(.post) ? .methodPostYes : .methodPostNo))
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
