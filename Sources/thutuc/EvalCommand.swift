import ThuTucEvaluation

/// `thutuc eval FILE`: runs a question set in process and prints the report;
/// `--details` first prints every question with the leading candidate's figures.
enum EvalCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options, switches: ["--details"])
        let path = try parsed.onePositional("a question file")
        let assistant = try CommonOptions(parsed).assistant()
        let set = try QuestionSet(path: path)
        let evaluation = Evaluation(set: set, assistant: assistant)
        if parsed.has("--details") { print(evaluation.details()) }
        print(evaluation.report())
        return 0
    }
}
