import Foundation
@preconcurrency import Glibc
import ThuTucKnowledge
import ThuTucSearch
import ThuTucServer

/// `thutuc check`: validates the configuration and the knowledge it points
/// to without serving: each problem as FILE:LINE: message, then a summary;
/// exits 1 on any error.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        synopsis: ["thutuc check [--config FILE] [--knowledge DIR] [--verbose]"],
        summary: "Validates a configuration and its knowledge, without serving.",
        details: """
            options:
              --config FILE         the configuration to check (default: Config/thutuc.json, if present)
              --knowledge DIR       check this knowledge directory instead of the configuration's
              --verbose             also list every time and fee that is not a number
            """,
        options: ["--config", "--knowledge"],
        switches: ["--verbose"],
        run: run
    )

    static func run(_ parsed: Arguments) throws -> Int32 {
        try parsed.noPositionals()
        let common = try CommonOptions(parsed)
        let configuration = common.configuration
        print("configuration: " + (common.configurationPath ?? "defaults (no \(CommonOptions.defaultConfigPath))"))
        print("  listen \(configuration.host):\(configuration.port)" + (configuration.authToken == nil ? " without a token" : " with a token"))
        print("  metrics " + (configuration.metricsPort.map { "on \(configuration.metricsHost):\($0)" } ?? "off"))
        let sessions = configuration.sessions
        switch sessions.kind {
        case .memory: print("  sessions in memory")
        case .redis: print("  sessions in \(sessions.url) under '\(sessions.prefix)', \(sessions.timeoutMilliseconds) ms timeout")
        }
        var logProblem = false
        if let log = configuration.log {
            logProblem = !canAppend(to: log)
            print("  log \(log)" + (logProblem ? ": error: cannot be created or appended to" : ""))
        } else {
            print("  log on standard error")
        }
        let directory = configuration.knowledge
        print("knowledge: \(directory)")
        let report = try KnowledgeLoader.read(directory: directory)
        for problem in report.problems { print(problem) }
        let indexStart = DispatchTime.now().uptimeNanoseconds
        let index = SearchIndex(knowledge: report.knowledge)
        let indexSeconds = Double(DispatchTime.now().uptimeNanoseconds - indexStart) / 1e9
        print(KnowledgeSummary(knowledge: report.knowledge).text(verbose: parsed.has("--verbose")))
        print(String(format: "load: %.0f ms; index: %.0f ms (%d families)", report.seconds * 1000, indexSeconds * 1000, index.familyCount))
        let errors = report.errors.count + (logProblem ? 1 : 0)
        let warnings = report.problems.count - report.errors.count
        print("\(errors) error(s), \(warnings) warning(s)")
        return errors == 0 ? 0 : Dispatcher.failureStatus
    }

    /// Whether the log file exists and is writable, or could be created in its directory.
    private static func canAppend(to path: String) -> Bool {
        if FileManager.default.fileExists(atPath: path) { return access(path, W_OK) == 0 }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(directory, W_OK) == 0
    }
}
