/// What became of a request, as the statistics count it.
public enum RequestCategory: Sendable, Equatable {
    /// A question answered about a procedure (or small talk, a list).
    case answered
    /// A question answered by asking back with choices.
    case clarify
    /// A question the assistant could not answer.
    case fallback
    /// PING, HELP, RESET, WHY, QUIT, AUTH, STATS, RELOAD.
    case command
    /// A request rejected with an error.
    case error(RequestErrorKind)
    /// An empty line, which gets no reply and counts for nothing.
    case ignored

    /// Classifies the intent a request's log line carries: a question's
    /// intent, "cmd:NAME" or "error:CODE". Decided on the first byte where it
    /// can be, since it runs for every request, PING included.
    init(intent: String) {
        switch intent.utf8.first {
        case nil:
            self = .ignored
        case UInt8(ascii: "c"):
            // No other intent starts with "c" (a test holds every intent to
            // that), so this is "cmd:NAME" without reading further: PING's
            // whole classification stays a byte and one short comparison.
            self = intent == "clarify" ? .clarify : .command
        case UInt8(ascii: "f") where intent == "fallback":
            self = .fallback
        case UInt8(ascii: "e") where intent.hasPrefix("error:"):
            self = .error(RequestErrorKind(rawValue: String(intent.dropFirst(6))) ?? .other)
        default:
            self = .answered
        }
    }

    /// Whether the request was a question, whose time goes into the latency figures.
    var isQuestion: Bool {
        switch self {
        case .answered, .clarify, .fallback: true
        case .command, .error, .ignored: false
        }
    }
}

/// The errors a request can get, as the JSON `error.code` and the log's
/// `intent=error:CODE` name them.
public enum RequestErrorKind: String, Sendable, CaseIterable {
    case badJSON = "bad_json"
    case badRequest = "bad_request"
    case badUTF8 = "bad_utf8"
    case lineTooLong = "line_too_long"
    case lineTimeout = "line_timeout"
    case authRequired = "auth_required"
    case authFailed = "auth_failed"
    case authNotEnabled = "auth_not_enabled"
    case unknownCommand = "unknown_command"
    case reloadRejected = "reload_rejected"
    /// A code this list does not know yet; kept so that nothing goes uncounted.
    case other
}
