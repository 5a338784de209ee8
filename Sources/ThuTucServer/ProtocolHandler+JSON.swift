import ThuTucJSON
import ThuTucDialogue
import ThuTucKnowledge

extension ProtocolHandler {
    /// Smallest and largest "max_chars" a request may ask for.
    static let characterLimits = 40...100_000

    /// JSON mode: {"id", "session", "text", "max_chars", "why"} or {"id", "cmd", ...}.
    func handleJSON(_ line: [UInt8], state: inout ConnectionState) -> [UInt8] {
        let value: JSONValue
        do {
            value = try JSONReader.parse(line)
        } catch {
            return Self.jsonError(id: nil, code: "bad_json", message: error.description)
        }
        guard case .object = value else {
            return Self.jsonError(id: nil, code: "bad_request", message: "a request is a JSON object")
        }
        let id = value["id"]
        if let id, case .object = id { return Self.jsonError(id: nil, code: "bad_request", message: "'id' must be a string or a number") }
        if let id, case .array = id { return Self.jsonError(id: nil, code: "bad_request", message: "'id' must be a string or a number") }
        let session: String
        switch value["session"] {
        case nil, .null?: session = state.plainSession
        case .string(let name)? where !name.isEmpty && name.utf8.count <= 256: session = name
        default: return Self.jsonError(id: id, code: "bad_request", message: "'session' must be a non-empty string of at most 256 bytes")
        }
        if let command = value["cmd"] {
            guard case .string(let name) = command else {
                return Self.jsonError(id: id, code: "bad_request", message: "'cmd' must be a string")
            }
            return jsonCommand(name.uppercased(), request: value, id: id, session: session, state: &state)
        }
        guard mayAsk(state) else { return Self.jsonError(id: id, code: "auth_required", message: "send {\"cmd\": \"AUTH\", \"token\": …} first") }
        guard case .string(let text)? = value["text"] else {
            return Self.jsonError(id: id, code: "bad_request", message: "'text' must be a string")
        }
        var maxCharacters: Int?
        switch value["max_chars"] {
        case nil, .null?: break
        case .number(let number)? where number == number.rounded() && Self.characterLimits.contains(Int(exactly: number) ?? -1):
            maxCharacters = Int(number)
        default:
            return Self.jsonError(
                id: id, code: "bad_request",
                message: "'max_chars' must be an integer from \(Self.characterLimits.lowerBound) to \(Self.characterLimits.upperBound)"
            )
        }
        var wantsWhy = false
        switch value["why"] {
        case nil, .null?: break
        case .bool(let flag)?: wantsWhy = flag
        default: return Self.jsonError(id: id, code: "bad_request", message: "'why' must be true or false")
        }
        let reply = ask(text, session: session, maxCharacters: maxCharacters)
        return Self.encode(reply, id: id, session: session, why: wantsWhy)
    }

    private func jsonCommand(_ name: String, request: JSONValue, id: JSONValue?, session: String, state: inout ConnectionState) -> [UInt8] {
        var writer = JSONWriter()
        writer.value("id", id)
        switch name {
        case "PING":
            writer.string("reply", "PONG")
        case "QUIT":
            state.closing = true
            writer.string("reply", "bye")
        case "HELP":
            writer.string("reply", helpText())
        case "AUTH":
            guard case .string(let token)? = request["token"] else {
                return Self.jsonError(id: id, code: "bad_request", message: "'token' must be a string")
            }
            guard authenticate(token, state: &state) else { return Self.jsonError(id: id, code: "auth_failed", message: "wrong token") }
            writer.string("reply", "authenticated")
        case "RESET":
            guard mayAsk(state) else { return Self.jsonError(id: id, code: "auth_required", message: "send AUTH first") }
            let reply = service.sessions.with(session) { service.assistant.reset(&$0) }
            writer.string("session", session)
            writer.string("reply", reply.text)
        case "RELOAD", "STATS":
            guard service.configuration.authToken != nil, state.authenticated else {
                return Self.jsonError(id: id, code: "auth_required", message: "admin commands need an authToken in the configuration and AUTH first")
            }
            if name == "STATS" {
                writer.number("procedures", Double(service.assistant.knowledge.procedures.count))
                writer.number("sessions", Double(service.sessions.count))
            } else {
                do {
                    writer.number("procedures", Double(try service.reload()))
                    writer.string("reply", "reloaded")
                } catch {
                    return Self.jsonError(id: id, code: "reload_rejected", message: "still serving the previous knowledge: \(error)")
                }
            }
        default:
            return Self.jsonError(id: id, code: "unknown_command", message: "unknown cmd '\(name)'; use PING, HELP, RESET, QUIT, AUTH")
        }
        return writer.line()
    }

    /// The reply line: {"id", "session", "intent", "procedure", "confidence", "choices", "reply"}.
    public static func encode(_ reply: Reply, id: JSONValue?, session: String, why: Bool) -> [UInt8] {
        var writer = JSONWriter()
        writer.value("id", id)
        writer.string("session", session)
        writer.string("intent", reply.intent.rawValue)
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
        if why, let explanation = reply.why {
            writer.string("why", explanation.text)
        }
        return writer.line()
    }

    private static func reference(_ procedure: Reply.ProcedureRef) -> [UInt8] {
        var writer = JSONWriter()
        writer.string("code", procedure.code)
        writer.string("name", procedure.name)
        return writer.object()
    }
}
