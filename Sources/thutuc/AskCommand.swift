import ThuTucJSON
import ThuTucDialogue
import ThuTucServer

/// `thutuc ask "question"`: one answer on stdout, or the JSON reply with --json.
enum AskCommand {
    static let spec = CommandSpec(
        name: "ask",
        synopsis: ["thutuc ask [OPTIONS] QUESTION..."],
        summary: "Answers one question.",
        details: """
            options:
              --json                the reply as the JSON protocol gives it (docs/PROTOCOL.md)
              --why                 also how the answer was chosen
              --max-chars N         shorten the answer to N characters (40 to 100000)
            \(CommonOptions.knowledgeHelp)
            """,
        options: CommonOptions.knowledgeOptions.union(["--max-chars"]),
        switches: ["--json", "--why"],
        run: run
    )

    static func run(_ parsed: Arguments) throws -> Int32 {
        guard !parsed.positionals.isEmpty else { throw UsageError("missing the question") }
        let question = parsed.positionals.joined(separator: " ")
        let maxCharacters = try CommonOptions.maxCharacters(parsed)
        let assistant = try CommonOptions(parsed).assistant()
        var session = Session()
        let reply = assistant.respond(to: question, in: &session, maxCharacters: maxCharacters)
        if parsed.has("--json") {
            let line = ProtocolHandler.encode(reply, id: .string("ask"), session: "ask", why: parsed.has("--why"))
            print(String(decoding: line.dropLast(), as: UTF8.self))
        } else {
            print(reply.text)
            if parsed.has("--why"), let why = reply.why { print("---\n" + why.text) }
        }
        return 0
    }
}
