import Foundation
import ThuTucDialogue
import ThuTucServer

/// The options every command that answers questions shares: where the
/// configuration and the knowledge are, and overrides of the configuration.
struct CommonOptions {
    static let knowledgeOptions: Set<String> = ["--config", "--knowledge", "--hotline", "--level-preference"]
    static let serverOptions: Set<String> = ["--host", "--port", "--threads", "--metrics-port"]
    static let defaultConfigPath = "Config/thutuc.json"

    static let knowledgeHelp = """
          --config FILE         configuration file (default: Config/thutuc.json, if present);
                                relative paths inside it are taken from its own directory
          --knowledge DIR       knowledge directory (default: the configuration's, else ./Knowledge)
          --hotline TEXT        the hotline offered when there is no answer
          --level-preference L  levels in order of preference, e.g. xa,tinh,bo,khac
        """
    static let serverHelp = """
          --host HOST           address to listen on (default 127.0.0.1; any other needs authToken)
          --port PORT           TCP port, 0 for any free one (default 7878)
          --threads N           event-loop threads, 0 for one per core (default 0)
          --metrics-port PORT   Prometheus /metrics on this port, 0 for any free one
                                (default: the configuration's metricsPort, else none)
        """

    let configuration: Configuration
    /// The configuration file read, as a full path, or nil when the default was absent.
    let configurationPath: String?

    /// Loads the configuration file (the default may be absent) and applies flags over it.
    /// A flag with a bad value is a usage error; a bad file is a failure.
    init(_ arguments: Arguments) throws {
        let given = arguments.value("--config")
        let path = given ?? Self.defaultConfigPath
        var configuration = try Configuration.load(path: path, required: given != nil)
        let overrides: [(flag: String, key: String)] = [
            ("--knowledge", "knowledge"), ("--host", "host"), ("--port", "port"), ("--hotline", "hotline"),
            ("--level-preference", "levelPreference"), ("--threads", "threads"), ("--metrics-port", "metricsPort"),
        ]
        for (flag, key) in overrides {
            guard let value = arguments.value(flag) else { continue }
            do {
                try configuration.set(key, from: value, source: flag)
            } catch {
                guard case .badValue(_, _, let expected) = error else { throw error }
                throw UsageError("option '\(flag)' must be \(expected), not '\(value)'")
            }
        }
        // Full paths from here on, so that every message names the directory itself.
        configuration.knowledge = Configuration.resolve(configuration.knowledge, against: ".")
        let full = Configuration.resolve(path, against: ".")
        try configuration.validate(source: full)
        self.configuration = configuration
        self.configurationPath = given != nil || FileManager.default.fileExists(atPath: full) ? full : nil
    }

    /// The assistant over the configured knowledge.
    func assistant() throws -> Assistant {
        try Service.assistant(for: configuration)
    }

    /// The value of `--max-chars`, checked as the JSON protocol checks `max_chars`.
    static func maxCharacters(_ arguments: Arguments) throws(UsageError) -> Int? {
        guard let text = arguments.value("--max-chars") else { return nil }
        guard let value = ReplyLength.value(of: text) else {
            throw UsageError(ReplyLength.requirement(for: "--max-chars") + ", not '\(text)'")
        }
        return value
    }
}
