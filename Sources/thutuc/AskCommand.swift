import ThuTucJSON
import ThuTucDialogue
import ThuTucServer

/// `thutuc ask "question"`: one answer on stdout, or the JSON reply with --json.
enum AskCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options.union(["--max-chars"]), switches: ["--json", "--why"])
        guard !parsed.positionals.isEmpty else { throw Arguments.Failure.missingPositional("a question") }
        let question = parsed.positionals.joined(separator: " ")
        let assistant = try CommonOptions(parsed).assistant()
        var maxCharacters: Int?
        if let text = parsed.value("--max-chars") {
            guard let value = Int(text), value > 0 else { throw Arguments.Failure.missingValue("--max-chars (a positive number)") }
            maxCharacters = value
        }
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
