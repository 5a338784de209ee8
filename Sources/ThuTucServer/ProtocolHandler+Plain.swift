import ThuTucDialogue
import ThuTucKnowledge

extension ProtocolHandler {
    /// Plain mode: commands by their first word (any case), anything else is a question.
    func handlePlain(_ text: String, state: inout ConnectionState) -> [UInt8] {
        let trimmed = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        guard !trimmed.isEmpty else { return [] }
        let words = trimmed.split(separator: " ", maxSplits: 1)
        let command = words[0].uppercased()
        let argument = words.count > 1 ? String(words[1]) : ""
        switch command {
        case "PING":
            return Self.frame(.answer, "PONG")
        case "QUIT":
            state.closing = true
            return Self.frame(.bye, "tạm biệt")
        case "HELP":
            return Self.frame(.help, helpText())
        case "AUTH":
            return authenticate(argument, state: &state)
                ? Self.frame(.authenticated, "authenticated")
                : Self.frame(.authFailed, "wrong token")
        default:
            break
        }
        guard mayAsk(state) else { return Self.frame(.authRequired, "send AUTH <token> first") }
        switch command {
        case "RESET":
            let reply = service.sessions.with(state.plainSession) { service.assistant.reset(&$0) }
            return Self.frame(.answer, reply.text)
        case "WHY":
            let why = service.sessions.with(state.plainSession) { $0.lastWhy }
            return Self.frame(.answer, why?.text ?? "no question answered yet")
        case "RELOAD", "STATS":
            return admin(command, state: state)
        default:
            let reply = ask(trimmed, session: state.plainSession, maxCharacters: nil)
            return Self.frame(.answer, reply.text)
        }
    }

    func admin(_ command: String, state: ConnectionState) -> [UInt8] {
        guard service.configuration.authToken != nil, state.authenticated else {
            return Self.frame(.authRequired, "admin commands need an authToken in the configuration and AUTH first")
        }
        switch command {
        case "RELOAD":
            do {
                let count = try service.reload()
                return Self.frame(.answer, "reloaded: \(count) procedures")
            } catch {
                return Self.frame(.failed, "reload rejected, still serving the previous knowledge: \(error)")
            }
        default:
            let knowledge = service.assistant.knowledge
            return Self.frame(.answer, "procedures \(knowledge.procedures.count); sessions \(service.sessions.count)")
        }
    }

    func helpText() -> String {
        let templates = service.assistant.knowledge.templates
        return templates.render(.smalltalkHelp, ["hotline": service.configuration.hotline])
            + "\nCommands: PING, HELP, RESET, WHY, QUIT (AUTH <token>; admin: RELOAD, STATS)."
            + "\nJSON lines: {\"id\": 1, \"session\": \"u1\", \"text\": \"...\"} — see docs/PROTOCOL.md."
    }
}
