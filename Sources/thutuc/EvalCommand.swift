import ThuTucDialogue

/// `thutuc eval FILE`: runs a question set in process and prints the report.
enum EvalCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options)
        let path = try parsed.onePositional("a question file")
        let assistant = try CommonOptions(parsed).assistant()
        let set = try QuestionSet(path: path)
        print(Evaluation(set: set, assistant: assistant).report())
        return 0
    }
}
