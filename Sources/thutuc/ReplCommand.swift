@preconcurrency import Glibc
import ThuTucDialogue
import ThuTucServer
import ThuTucTerminal

/// `thutuc repl`: a conversation. On a terminal it greets and edits lines
/// with history; with piped input it prints answers only, one blank line
/// between them, so that scripts get exactly the answers.
enum ReplCommand {
    static let spec = CommandSpec(
        name: "repl",
        synopsis: ["thutuc repl [OPTIONS]", "thutuc [OPTIONS]"],
        summary: "Talks with the assistant (the default without a command).",
        details: """
            options:
              --max-chars N         shorten answers to N characters (40 to 100000)
              --history FILE        keep the typed lines in FILE (default: ~/\(HistoryFile.defaultName), last \(HistoryFile.defaultLimit))
              --no-history          keep no history
            \(CommonOptions.knowledgeHelp)

            at the prompt: :why (how the last answer was chosen), :top (the best candidates, with codes),
            :reset, :help, :quit. Left/Right, Home/End (Ctrl-A/E), Backspace/Delete, Ctrl-U/K/W edit,
            Up/Down recall earlier lines; Ctrl-C drops the line, Ctrl-D or a second Ctrl-C on an empty line quits.
            Output is wrapped to the terminal; names are bold and links dim unless NO_COLOR is set.
            """,
        options: CommonOptions.knowledgeOptions.union(["--max-chars", "--history"]),
        switches: ["--no-history"],
        run: run
    )

    static func run(_ parsed: Arguments) throws -> Int32 {
        try parsed.noPositionals()
        if parsed.has("--no-history"), parsed.value("--history") != nil {
            throw UsageError("--history and --no-history contradict each other")
        }
        let maxCharacters = try CommonOptions.maxCharacters(parsed)
        let common = try CommonOptions(parsed)
        var repl = Repl(assistant: try common.assistant(), hotline: common.configuration.hotline, maxCharacters: maxCharacters)
        if isatty(0) != 0, isatty(1) != 0, let terminal = RawTerminal() {
            let history = parsed.has("--no-history") ? nil : parsed.value("--history").map { HistoryFile(path: $0) } ?? HistoryFile.inHomeDirectory()
            let input = TerminalInput(terminal: terminal, prompt: "> ", interruptHint: repl.interruptHint, history: history)
            runOnTerminal(&repl, input: input)
            terminal.restore()
            return 0
        }
        runOnLines(&repl, prompting: isatty(0) != 0)
        return 0
    }

    /// The terminal: wrapped, styled output after each edited line.
    private static func runOnTerminal(_ repl: inout Repl, input: TerminalInput) {
        TerminalOutput.write(wrapped(StyledText(repl.greeting)) + "\n")
        while case .line(let line) = input.read() {
            let shown: StyledText
            switch repl.respond(to: line) {
            case nil: continue
            case .quit?: return
            case .text(let text)?: shown = StyledText(text)
            case .reply(let reply)?: shown = TerminalOutput.styled(reply)
            }
            TerminalOutput.write(wrapped(shown) + "\n")
        }
    }

    private static func wrapped(_ text: StyledText) -> String {
        TextWrapper(width: TerminalOutput.columns()).wrap(text).rendered(attributes: TerminalOutput.takesAttributes())
    }

    /// Lines from a pipe (answers only, a blank line between them) or from a
    /// terminal whose output goes elsewhere (with the greeting and a prompt).
    private static func runOnLines(_ repl: inout Repl, prompting: Bool) {
        if prompting { print(repl.greeting) }
        var first = true
        while true {
            if prompting {
                print("> ", terminator: "")
                fflush(stdout)
            }
            guard let line = readLine(strippingNewline: true) else { break }
            let output: String
            switch repl.respond(to: line) {
            case nil: continue
            case .quit?: return
            case .text(let text)?: output = text
            case .reply(let reply)?: output = reply.text
            }
            if !prompting && !first { print() }
            first = false
            print(output)
            fflush(stdout)
        }
    }
}
