@preconcurrency import Glibc

/// Why the TCP server or the signal watcher could not be set up.
public enum ServerError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The configured host is neither an address literal nor a name the resolver knows.
    case unresolvable(host: String, reason: String)
    /// A system call failed; `call` names it and what it was applied to.
    case system(call: String, errno: Int32)
    /// The configuration breaks a rule the server will not run without
    /// (a non-loopback host without an AUTH token).
    case unsafeConfiguration(ConfigurationError)

    public var description: String {
        switch self {
        case .unresolvable(let host, let reason):
            "cannot resolve host '\(host)': \(reason)"
        case .system(let call, let code):
            "\(call): \(String(cString: strerror(code))) (errno \(code))"
        case .unsafeConfiguration(let problem):
            "refusing to start: \(problem)"
        }
    }
}
