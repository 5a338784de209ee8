import ThuTucJSON
import ThuTucDialogue
import ThuTucKnowledge

extension ProtocolHandler {
    /// JSON mode: {"id", "session", "text", "max_chars", "why"} or {"id", "cmd", ...};
    /// any other JSON value (an array, a number) is a bad request.
    func handleJSON(_ line: [UInt8], state: inout ConnectionState) -> RequestOutcome {
        var session = state.plainSession
        var id: JSONValue?
        func failure(_ code: String, _ message: String) -> RequestOutcome {
            RequestOutcome(.reply(Self.jsonError(id: id, code: code, message: message)), session: session, intent: "error:\(code)")
        }
        let value: JSONValue
        do {
            value = try JSONReader.parse(line)
        } catch {
            return failure("bad_json", error.description)
        }
        guard case .object = value else {
            let shape = if case .array = value { ", not an array" } else { "" }
            return failure("bad_request", "a request is a JSON object" + shape)
        }
        switch value["id"] {
        case .object?, .array?: return failure("bad_request", "'id' must be a string or a number")
        case let other: id = other
        }
        switch value["session"] {
        case nil, .null?: break
        case .string(let name)? where !name.isEmpty && name.utf8.count <= 256: session = name
        default: return failure("bad_request", "'session' must be a non-empty string of at most 256 bytes")
        }
        if let command = value["cmd"] {
            guard case .string(let name) = command else { return failure("bad_request", "'cmd' must be a string") }
            return jsonCommand(name.uppercased(), request: value, id: id, session: session, state: &state)
        }
        guard mayAsk(state) else { return failure("auth_required", "send {\"cmd\": \"AUTH\", \"token\": …} first") }
        guard case .string(let text)? = value["text"] else { return failure("bad_request", "'text' must be a string") }
        var maxCharacters: Int?
        switch value["max_chars"] {
        case nil, .null?: break
        case .number(let number)? where number == number.rounded() && ReplyLength.range.contains(Int(exactly: number) ?? -1):
            maxCharacters = Int(number)
        default:
            return failure("bad_request", ReplyLength.requirement(for: "max_chars"))
        }
        var wantsWhy = false
        switch value["why"] {
        case nil, .null?: break
        case .bool(let flag)?: wantsWhy = flag
        default: return failure("bad_request", "'why' must be true or false")
        }
        return converse(session, state: &state) { [id, session, maxCharacters, wantsWhy] stored, _ in
            let reply = ask(text, in: &stored, maxCharacters: maxCharacters)
            // JSON clients ask for the explanation inline: keeping it would only hold memory in every session.
            stored.lastWhy = nil
            return RequestOutcome(
                .reply(Self.encode(reply, id: id, session: session, why: wantsWhy)), session: session, intent: reply.intent.rawValue,
                code: reply.procedure?.code, question: text
            )
        }
    }

    private func jsonCommand(_ name: String, request: JSONValue, id: JSONValue?, session: String, state: inout ConnectionState) -> RequestOutcome {
        func failure(_ code: String, _ message: String) -> RequestOutcome {
            RequestOutcome(.reply(Self.jsonError(id: id, code: code, message: message)), session: session, intent: "error:\(code)")
        }
        var writer = JSONWriter()
        writer.value("id", id)
        switch name {
        case "PING":
            writer.string("reply", "PONG")
            return RequestOutcome(.reply(writer.line()), session: session, intent: "cmd:PING", logged: false)
        case "QUIT":
            state.closing = true
            writer.string("reply", "bye")
        case "HELP":
            writer.string("reply", helpText(json: true))
        case "AUTH":
            guard case .string(let token)? = request["token"] else { return failure("bad_request", "'token' must be a string") }
            guard service.configuration.authToken != nil else { return failure("auth_not_enabled", Self.authNotEnabled) }
            guard authenticate(token, state: &state) else { return failure("auth_failed", authFailureMessage(state)) }
            writer.string("reply", "authenticated")
        case "RESET":
            guard mayAsk(state) else { return failure("auth_required", "send AUTH first") }
            return converse(session, reads: false, state: &state) { stored, _ in
                let reply = service.assistant.reset(&stored)
                var writer = JSONWriter()
                writer.value("id", id)
                writer.string("session", session)
                writer.string("reply", reply.text)
                return RequestOutcome(.reply(writer.line()), session: session, intent: "cmd:RESET")
            }
        case "RELOAD", "STATS":
            guard mayAdminister(state) else {
                return failure("auth_required", "admin commands need an authToken in the configuration and AUTH first")
            }
            if name == "STATS" {
                for section in service.statisticsSnapshot().sections {
                    for (key, value) in section.entries { writer.value(key, value.json) }
                }
                break
            }
            // Any other member ("path", "knowledge"…) is ignored: RELOAD reads the configured directory only.
            return deferredReload(session: session) { result in
                switch result {
                case .success(let count):
                    var reply = JSONWriter()
                    reply.value("id", id)
                    reply.number("procedures", Double(count))
                    reply.string("reply", "reloaded")
                    return reply.line()
                case .failure(let error):
                    return Self.jsonError(id: id, code: "reload_rejected", message: "still serving the previous knowledge: \(error)")
                }
            }
        default:
            // WHY is a plain-mode command: JSON sessions keep no explanation, the question asks for it inline.
            let hint = name == "WHY" ? " (for how an answer was chosen, send the question with \"why\": true)" : ""
            return failure("unknown_command", "unknown cmd '\(name)'; use PING, HELP, RESET, QUIT, AUTH, STATS, RELOAD" + hint)
        }
        return RequestOutcome(.reply(writer.line()), session: session, intent: "cmd:\(name)")
    }

    /// The reply line: {"id", "session", "intent", "intents", "procedure", "confidence", "choices", "reply", "facts"}.
    public static func encode(_ reply: Reply, id: JSONValue?, session: String, why: Bool) -> [UInt8] {
        // Room for the text, a few escapes in it, and the other members.
        var writer = JSONWriter(capacity: reply.text.utf8.count + session.utf8.count + 512)
        writer.value("id", id)
        writer.string("session", session)
        writer.string("intent", reply.intent.rawValue)
        writer.value("intents", .array(reply.intents.map { .string($0.rawValue) }))
        if let procedure = reply.procedure {
            writer.raw("procedure", reference(procedure))
        } else {
            writer.raw("procedure", Array("null".utf8))
        }
        writer.number("confidence", reply.confidence)
        var choices = JSONArrayWriter()
        for choice in reply.choices { choices.append(reference(choice)) }
        writer.raw("choices", choices.array())
        writer.string("reply", reply.text)
        writer.raw("facts", reply.facts?.json() ?? Array("null".utf8))
        if why, let explanation = reply.why {
            writer.string("why", explanation.text)
        }
        return writer.line()
    }

    private static func reference(_ procedure: Reply.ProcedureRef) -> [UInt8] {
        var writer = JSONWriter(capacity: procedure.code.utf8.count + procedure.name.utf8.count + 32)
        writer.string("code", procedure.code)
        writer.string("name", procedure.name)
        return writer.object()
    }
}

extension StatisticsSnapshot.Value {
    /// As a JSON `STATS` reply member: numbers as numbers, a missing figure as null.
    var json: JSONValue {
        switch self {
        case .integer(let value): .number(Double(value))
        case .decimal(let value): value.map { .number(($0 * 1000).rounded() / 1000) } ?? .null
        case .text(let value): value.map { .string($0) } ?? .null
        }
    }
}
