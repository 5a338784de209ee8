import Foundation
import ThuTucKnowledge
import ThuTucSearch

/// `thutuc check`: loads Knowledge/, prints each problem as FILE:LINE: message,
/// then a summary; exits 1 on any error.
enum CheckCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: ["--knowledge"], switches: ["--verbose"])
        try parsed.noPositionals()
        let directory = parsed.value("--knowledge") ?? "Knowledge"
        let report = try KnowledgeLoader.read(directory: directory)
        for problem in report.problems { print(problem) }
        let indexStart = DispatchTime.now().uptimeNanoseconds
        let index = SearchIndex(knowledge: report.knowledge)
        let indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - indexStart) / 1e9
        print(KnowledgeSummary(knowledge: report.knowledge).text(verbose: parsed.has("--verbose")))
        print(String(format: "load: %.0f ms; index: %.0f ms (%d families)", report.seconds * 1000, indexSeconds * 1000, index.familyCount))
        let errors = report.errors.count
        let warnings = report.problems.count - errors
        print("\(errors) error(s), \(warnings) warning(s)")
        return errors == 0 ? 0 : 1
    }
}
