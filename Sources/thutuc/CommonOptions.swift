import ThuTucDialogue
import ThuTucServer

/// The options every command that answers questions shares: where the
/// configuration and the knowledge are, and overrides of the configuration.
struct CommonOptions {
    static let options: Set<String> = ["--config", "--knowledge", "--host", "--port", "--hotline", "--level-preference", "--threads"]
    static let defaultConfigPath = "Config/thutuc.json"

    let configuration: Configuration

    /// Loads the configuration file (the default may be absent) and applies flags over it.
    init(_ arguments: Arguments) throws {
        let path = arguments.value("--config") ?? Self.defaultConfigPath
        var configuration = try Configuration.load(path: path, required: arguments.value("--config") != nil)
        let overrides: [(flag: String, key: String)] = [
            ("--knowledge", "knowledge"), ("--host", "host"), ("--port", "port"), ("--hotline", "hotline"),
            ("--level-preference", "levelPreference"), ("--threads", "threads"),
        ]
        for (flag, key) in overrides {
            if let value = arguments.value(flag) { try configuration.set(key, from: value, source: flag) }
        }
        try configuration.validate(source: path)
        self.configuration = configuration
    }

    /// The assistant over the configured knowledge.
    func assistant() throws -> Assistant {
        try Service.assistant(for: configuration)
    }
}
