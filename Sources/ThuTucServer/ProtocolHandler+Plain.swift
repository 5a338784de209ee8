import ThuTucDialogue
import ThuTucKnowledge
import ThuTucText

extension ProtocolHandler {
    /// No command is longer: a longer first word is a question, not upper-cased.
    static let longestCommand = 6

    /// What AUTH says on a server without a token.
    static let authNotEnabled = "authentication is not enabled on this server (it has no authToken in its configuration)"

    /// Plain mode: a line is a command only when the whole line is one (in
    /// any case), with its argument where it takes one (`AUTH <token>`);
    /// every other line is a question, so "reset mật khẩu…" or "quit việc…"
    /// is asked, not obeyed.
    func handlePlain(_ text: String, state: inout ConnectionState) -> RequestOutcome {
        let session = state.plainSession
        func reply(_ code: Code, _ message: String, intent: String, logged: Bool = true) -> RequestOutcome {
            RequestOutcome(.reply(Self.frame(code, message)), session: session, intent: intent, logged: logged)
        }
        // Split on bytes: splitting by Character walks grapheme clusters, and
        // this runs before every PING.
        let trimmed = text.collapsingWhitespace()
        guard !trimmed.isEmpty else { return RequestOutcome(.reply([]), session: session, intent: "", logged: false) }
        let (name, token) = Self.command(in: trimmed)
        let command = name ?? ""
        switch command {
        case "PING":
            return reply(.answer, "PONG", intent: "cmd:PING", logged: false)
        case "QUIT":
            state.closing = true
            return reply(.bye, "tạm biệt", intent: "cmd:QUIT")
        case "HELP":
            return reply(.help, helpText(json: false), intent: "cmd:HELP")
        case "AUTH":
            guard service.configuration.authToken != nil else { return reply(.notEnabled, Self.authNotEnabled, intent: "error:auth_not_enabled") }
            guard let token else { return reply(.badArguments, "AUTH needs the token: AUTH <token>", intent: "error:bad_request") }
            return authenticate(token, state: &state)
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
            if command == "STATS" {
                return reply(.answer, service.statisticsSnapshot().infoText, intent: "cmd:STATS")
            }
            // RELOAD takes no argument, so no client can name a directory: it reads the configured one.
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

    /// The command a whole line is, upper-cased, and AUTH's token; nil when the line is a question.
    static func command(in line: String) -> (name: String?, token: String?) {
        let utf8 = line.utf8
        let space = utf8.firstIndex(of: 0x20)
        let head = utf8[..<(space ?? utf8.endIndex)]
        guard head.count <= longestCommand else { return (nil, nil) }
        let name = String(decoding: head, as: UTF8.self).uppercased()
        guard let space else {
            switch name {
            case "PING", "QUIT", "HELP", "AUTH", "RESET", "WHY", "STATS", "RELOAD": return (name, nil)
            default: return (nil, nil)
            }
        }
        let rest = utf8[utf8.index(after: space)...]
        // Only AUTH takes an argument, and a token has no blanks (the configuration refuses one that has).
        guard name == "AUTH", !rest.contains(0x20) else { return (nil, nil) }
        return (name, String(decoding: rest, as: UTF8.self))
    }

    /// HELP's text: how to ask, the hotline, and the commands of the mode it was asked in.
    func helpText(json: Bool) -> String {
        let templates = service.assistant.knowledge.templates
        let commands = json
            ? "Commands, as {\"cmd\": NAME}: PING, HELP, RESET, QUIT, AUTH (with \"token\"); admin: STATS, RELOAD."
                + "\nA question: {\"id\": 1, \"session\": \"u1\", \"text\": \"...\"}; add \"why\": true for how the answer was chosen."
            : "Commands, each alone on its line: PING, HELP, RESET, WHY, QUIT, AUTH <token>; admin: STATS, RELOAD."
                + "\nAny other line is a question. JSON lines: {\"id\": 1, \"session\": \"u1\", \"text\": \"...\"}."
        return templates.render(.smalltalkHelp, ["hotline": service.configuration.hotline]) + "\n" + commands + " See docs/PROTOCOL.md."
    }
}
