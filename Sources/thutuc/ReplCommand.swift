@preconcurrency import Glibc
import ThuTucText
import ThuTucDialogue
import ThuTucServer

/// `thutuc repl`: a conversation on the terminal. With a terminal it greets,
/// prompts and takes :why, :reset, :help and :quit; with piped input it
/// prints answers only, one blank line between them.
enum ReplCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options.union(["--max-chars"]))
        try parsed.noPositionals()
        let common = try CommonOptions(parsed)
        let assistant = try common.assistant()
        let interactive = isatty(0) != 0
        let maxCharacters = parsed.value("--max-chars").flatMap { Int($0) }
        var session = Session()
        if interactive {
            print(common.configuration.greeting)
            print(assistant.knowledge.templates.render(.replHelp))
        }
        var first = true
        while true {
            if interactive {
                print("> ", terminator: "")
                fflush(stdout)
            }
            guard let line = readLine(strippingNewline: true) else { break }
            let text = line.trimmingWhitespace()
            if text.isEmpty { continue }
            let output: String
            switch text.lowercased() {
            // The greeting is shared with the TCP server, which names QUIT and HELP.
            case ":quit", ":q", ":exit", "quit", "exit":
                return 0
            case ":help", "help":
                output = assistant.knowledge.templates.render(.replHelp) + "\n"
                    + assistant.knowledge.templates.render(.smalltalkHelp, ["hotline": common.configuration.hotline])
            case ":reset":
                output = assistant.reset(&session).text
            case ":why":
                output = session.lastWhy?.text ?? "(chưa có câu hỏi nào)"
            default:
                output = assistant.respond(to: text, in: &session, maxCharacters: maxCharacters).text
            }
            if !interactive && !first { print() }
            first = false
            print(output)
            fflush(stdout)
        }
        return 0
    }
}
