import ThuTucDialogue
import ThuTucKnowledge

/// `thutuc show CODE`: one procedure, every fact we hold, readably.
enum ShowCommand {
    static let spec = CommandSpec(
        name: "show",
        synopsis: ["thutuc show [OPTIONS] CODE"],
        summary: "Prints every fact held about one procedure.",
        details: "options:\n" + CommonOptions.knowledgeHelp,
        options: CommonOptions.knowledgeOptions,
        run: run
    )

    /// Why `show` found nothing to print.
    struct NotFound: Error, CustomStringConvertible {
        let code: String
        var description: String { "no procedure with code \(code)" }
    }

    static func run(_ parsed: Arguments) throws -> Int32 {
        let code = try parsed.onePositional("the procedure's CODE")
        let assistant = try CommonOptions(parsed).assistant()
        guard let procedure = assistant.knowledge.procedure(code: code) else { throw NotFound(code: code) }
        let answer = assistant.renderer.answer(
            procedure, intents: [.overview, .documents, .time, .fee, .agency, .method, .steps, .legal, .eligibility, .result]
        )
        print(answer.text)
        if let overlay = assistant.knowledge.overlays[code], !overlay.aliases.isEmpty {
            print("aliases: " + overlay.aliases.joined(separator: "; "))
        }
        return 0
    }
}
