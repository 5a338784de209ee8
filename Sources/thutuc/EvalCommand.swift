import ThuTucEvaluation

/// `thutuc eval FILE`: runs a question set in process and prints the report;
/// `--details` first prints every question with the leading candidate's figures.
enum EvalCommand {
    static let spec = CommandSpec(
        name: "eval",
        synopsis: ["thutuc eval [OPTIONS] FILE"],
        summary: "Scores a question set and prints the report.",
        details: """
            options:
              --details             first every question with the leading candidate's figures
            \(CommonOptions.knowledgeHelp)

            FILE holds one question per line as JSON, like Tests/Questions/questions.jsonl.
            """,
        options: CommonOptions.knowledgeOptions,
        switches: ["--details"],
        run: run
    )

    static func run(_ parsed: Arguments) throws -> Int32 {
        let path = try parsed.onePositional("the question FILE")
        let assistant = try CommonOptions(parsed).assistant()
        let set = try QuestionSet(path: path)
        let evaluation = Evaluation(set: set, assistant: assistant)
        if parsed.has("--details") { print(evaluation.details()) }
        print(evaluation.report())
        return 0
    }
}
