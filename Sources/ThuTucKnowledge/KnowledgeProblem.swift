/// One problem found while loading Knowledge/, located as FILE:LINE.
public struct KnowledgeProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// Errors stop `serve` and make `check` fail; warnings are only reported.
    public enum Severity: Sendable, Hashable {
        case error
        case warning
    }

    /// The file's path as given to the loader.
    public var file: String
    /// The 1-based line, or nil for a problem with the whole file.
    public var line: Int?
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int?, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        let prefix = severity == .warning ? "warning: " : ""
        return "\(place): \(prefix)\(message)"
    }
}

/// Why Knowledge/ could not be loaded.
public enum KnowledgeError: Error, Sendable, CustomStringConvertible {
    /// The directory (or a required part of it) does not exist.
    case missing(String)
    /// The files hold errors; each is located.
    case invalid([KnowledgeProblem])

    public var description: String {
        switch self {
        case .missing(let path):
            "knowledge not found: \(path)"
        case .invalid(let problems):
            (["knowledge has \(problems.count) error(s):"] + problems.prefix(20).map(\.description))
                .joined(separator: "\n")
        }
    }
}
