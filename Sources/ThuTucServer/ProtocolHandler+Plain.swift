import ThuTucDialogue
import ThuTucKnowledge
import ThuTucText

extension ProtocolHandler {
    /// No command is longer: a longer first word is a question, not upper-cased.
    static let longestCommand = 6

    /// Plain mode: commands by their first word (any case), anything else is a question.
    func handlePlain(_ text: String, state: inout ConnectionState) -> RequestOutcome {
        let session = state.plainSession
        func reply(_ code: Code, _ message: String, intent: String, logged: Bool = true) -> RequestOutcome {
            RequestOutcome(.reply(Self.frame(code, message)), session: session, intent: intent, logged: logged)
        }
        // Split on bytes: splitting by Character walks grapheme clusters, and
        // this runs before every PING.
        let trimmed = text.collapsingWhitespace()
        guard !trimmed.isEmpty else { return RequestOutcome(.reply([]), session: session, intent: "", logged: false) }
        let space = trimmed.utf8.firstIndex(of: 0x20)
        let head = trimmed.utf8[..<(space ?? trimmed.utf8.endIndex)]
        let command = head.count <= Self.longestCommand ? String(decoding: head, as: UTF8.self).uppercased() : ""
        let argument = space.map { String(trimmed[trimmed.utf8.index(after: $0)...]) } ?? ""
        switch command {
        case "PING":
            return reply(.answer, "PONG", intent: "cmd:PING", logged: false)
        case "QUIT":
            state.closing = true
            return reply(.bye, "tạm biệt", intent: "cmd:QUIT")
        case "HELP":
            return reply(.help, helpText(), intent: "cmd:HELP")
        case "AUTH":
            return authenticate(argument, state: &state)
                ? reply(.authenticated, "authenticated", intent: "cmd:AUTH")
                : reply(.authFailed, authFailureMessage(state), intent: "error:auth_failed")
        default:
            break
        }
        guard mayAsk(state) else { return reply(.authRequired, "send AUTH <token> first", intent: "error:auth_required") }
        switch command {
        case "RESET":
            return converse(session, reads: false, state: &state) { stored, state in
                state.lastWhy = nil
                let reset = service.assistant.reset(&stored)
                return RequestOutcome(.reply(Self.frame(.answer, reset.text)), session: session, intent: "cmd:RESET")
            }
        case "WHY":
            return reply(.answer, state.lastWhy?.text ?? "no question answered yet", intent: "cmd:WHY")
        case "RELOAD", "STATS":
            guard mayAdminister(state) else {
                return reply(.authRequired, "admin commands need an authToken in the configuration and AUTH first", intent: "error:auth_required")
            }
            // No command takes a path from the client: RELOAD always reads the configured directory.
            guard argument.isEmpty else {
                return reply(.badArguments, "\(command) takes no argument; RELOAD reads the configured Knowledge/ directory", intent: "error:bad_request")
            }
            if command == "STATS" {
                let knowledge = service.assistant.knowledge
                let store = service.sessions.statistics().map { "\n\($0.key): \($0.value)" }.joined()
                let sessions = service.sessions.count.map(String.init) ?? "-"
                return reply(.answer, "procedures \(knowledge.procedures.count); sessions \(sessions)" + store, intent: "cmd:STATS")
            }
            return deferredReload(session: session) { result in
                switch result {
                case .success(let count): Self.frame(.answer, "reloaded: \(count) procedures")
                case .failure(let error): Self.frame(.failed, "reload rejected, still serving the previous knowledge: \(error)")
                }
            }
        default:
            return converse(session, state: &state) { stored, state in
                // The Redis store does not keep the explanation; a choice answered by number reuses it.
                stored.lastWhy = state.lastWhy
                let answer = ask(trimmed, in: &stored, maxCharacters: nil)
                state.lastWhy = stored.lastWhy
                return RequestOutcome(
                    .reply(Self.frame(.answer, answer.text)), session: session, intent: answer.intent.rawValue,
                    code: answer.procedure?.code, question: trimmed
                )
            }
        }
    }

    func helpText() -> String {
        let templates = service.assistant.knowledge.templates
        return templates.render(.smalltalkHelp, ["hotline": service.configuration.hotline])
            + "\nCommands: PING, HELP, RESET, WHY, QUIT (AUTH <token>; admin: RELOAD, STATS)."
            + "\nJSON lines: {\"id\": 1, \"session\": \"u1\", \"text\": \"...\"} — see docs/PROTOCOL.md."
    }
}
