import ThuTucDialogue
import ThuTucKnowledge

/// `thutuc show CODE`: one procedure, every fact we hold, readably.
enum ShowCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options)
        let code = try parsed.onePositional("a procedure code")
        let assistant = try CommonOptions(parsed).assistant()
        guard let procedure = assistant.knowledge.procedure(code: code) else {
            print("thutuc: no procedure with code \(code)")
            return 1
        }
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
