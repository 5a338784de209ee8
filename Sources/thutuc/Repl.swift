import Foundation
import ThuTucDialogue
import ThuTucKnowledge

/// One REPL conversation, whatever drives it: a line in, what to show out.
///
/// Lines starting with ":" (and the words quit, exit, help) are the REPL's
/// own commands; every other line is a question.
struct Repl {
    /// What a line gives.
    enum Output {
        /// An answer to a question, to be shown styled on a terminal.
        case reply(Reply)
        /// A command's text.
        case text(String)
        case quit
    }

    let assistant: Assistant
    let hotline: String
    let maxCharacters: Int?
    private var session = Session()
    /// The question the last explanation was made for, for `:top`'s heading.
    private var lastQuestion = ""

    init(assistant: Assistant, hotline: String, maxCharacters: Int?) {
        self.assistant = assistant
        self.hotline = hotline
        self.maxCharacters = maxCharacters
    }

    private var templates: AnswerTemplates { assistant.knowledge.templates }

    /// The greeting: what the REPL is and its commands.
    var greeting: String {
        templates.render(.replGreeting) + "\n" + templates.render(.replHelp)
    }

    /// What Ctrl-C on an empty line says.
    var interruptHint: String { templates.render(.replInterrupt) }

    /// The output for one line; nil for a blank line.
    mutating func respond(to line: String) -> Output? {
        let text = line.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return nil }
        switch text.lowercased() {
        case ":quit", ":q", ":exit", "quit", "exit":
            return .quit
        case ":help", "help":
            return .text(templates.render(.replHelp) + "\n" + templates.render(.smalltalkHelp, ["hotline": hotline]))
        case ":reset":
            lastQuestion = ""
            return .text(assistant.reset(&session).text)
        case ":why":
            return .text(session.lastWhy?.text ?? templates.render(.replNoQuestion))
        case ":top":
            return .text(top())
        default:
            let reply = assistant.respond(to: text, in: &session, maxCharacters: maxCharacters)
            if reply.why != nil { lastQuestion = text }
            return .reply(reply)
        }
    }

    /// The best candidates for the last question, with their codes and scores.
    private func top() -> String {
        guard let why = session.lastWhy else { return templates.render(.replNoQuestion) }
        let items = why.top.enumerated().map { index, candidate in
            templates.render(.replTopItem, [
                "number": String(index + 1), "name": candidate.name, "code": candidate.code, "score": String(format: "%.2f", candidate.score),
            ])
        }
        return ([templates.render(.replTopHeader, ["question": lastQuestion])] + items).joined(separator: "\n")
    }
}
