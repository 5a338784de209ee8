import ThuTucJSON
import Foundation
import ThuTucDialogue
import ThuTucKnowledge

/// The line protocol, independent of sockets: one request line in, the reply
/// bytes out. The TCP server and `serve --stdio` both drive it.
///
/// A line starting with "{" is a JSON request and gets exactly one JSON reply
/// line; any other line is plain text for people and gets an SMTP-style
/// framed reply ("200-…" continuation lines, then one "200 …" line).
public struct ProtocolHandler: Sendable {
    public let service: Service

    /// Plain-mode reply codes.
    enum Code: Int {
        case answer = 200
        case help = 214
        case greeting = 220
        case bye = 221
        case authenticated = 235
        case badRequest = 400
        case lineTooLong = 413
        case idleTimeout = 421
        case authRequired = 530
        case authFailed = 535
        case busy = 503
        case failed = 550
    }

    public init(service: Service) {
        self.service = service
    }

    /// The greeting sent when a plain-mode client connects.
    public func greeting() -> [UInt8] {
        Self.frame(.greeting, service.configuration.greeting)
    }

    /// The reply to a line that exceeded the limit.
    public func lineTooLong(firstByte: UInt8?) -> [UInt8] {
        let message = "line longer than \(service.configuration.maxLineBytes) bytes; it was ignored"
        if firstByte == UInt8(ascii: "{") { return Self.jsonError(id: nil, code: "line_too_long", message: message) }
        return Self.frame(.lineTooLong, message)
    }

    /// The notice sent before closing an idle connection.
    public func idleTimeout() -> [UInt8] {
        Self.frame(.idleTimeout, "idle for \(Int(service.configuration.idleTimeoutSeconds)) s; closing")
    }

    /// The reply to a client beyond the connection limit.
    public static func busy() -> [UInt8] {
        frame(.busy, "busy: too many connections, try again later")
    }

    /// Handles one request line; an empty plain line gets no reply.
    public func handle(_ line: [UInt8], state: inout ConnectionState) -> [UInt8] {
        let first = line.first { $0 != 0x20 && $0 != 0x09 }
        guard let text = String(validating: line, as: UTF8.self) else {
            if first == UInt8(ascii: "{") { return Self.jsonError(id: nil, code: "bad_utf8", message: "the line is not valid UTF-8") }
            return Self.frame(.badRequest, "the line is not valid UTF-8")
        }
        if first == UInt8(ascii: "{") { return handleJSON(line, state: &state) }
        return handlePlain(text, state: &state)
    }

    /// Whether this connection may use non-admin commands and questions.
    func mayAsk(_ state: ConnectionState) -> Bool {
        service.configuration.isLoopback || state.authenticated
    }

    /// Checks an AUTH token in constant time.
    func authenticate(_ token: String, state: inout ConnectionState) -> Bool {
        guard let expected = service.configuration.authToken else { return false }
        let a = Array(token.utf8), b = Array(expected.utf8)
        var difference = a.count ^ b.count
        for index in 0..<min(a.count, b.count) { difference |= Int(a[index] ^ b[index]) }
        state.authenticated = difference == 0
        return state.authenticated
    }

    /// Answers a question in `session`, logging it.
    func ask(_ text: String, session: String, maxCharacters: Int?) -> Reply {
        let start = DispatchTime.now().uptimeNanoseconds
        let assistant = service.assistant
        let cleaned = Self.withoutControlCharacters(text)
        let reply = service.sessions.with(session) { assistant.respond(to: cleaned, in: &$0, maxCharacters: maxCharacters) }
        let micros = Int((DispatchTime.now().uptimeNanoseconds - start) / 1000)
        service.log.record(session: session, intent: reply.intent.rawValue, code: reply.procedure?.code, microseconds: micros, question: cleaned)
        return reply
    }

    /// Control characters (NUL, escapes) become spaces: they carry no meaning in a question.
    static func withoutControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// An SMTP-style reply: every line but the last as "NNN-", the last as "NNN ".
    static func frame(_ code: Code, _ text: String) -> [UInt8] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.replacingOccurrences(of: "\r", with: "") }
        var output: [UInt8] = []
        for (index, line) in lines.enumerated() {
            output += Array(String(code.rawValue).utf8)
            output.append(index == lines.count - 1 ? UInt8(ascii: " ") : UInt8(ascii: "-"))
            output += Array(line.utf8)
            output.append(0x0A)
        }
        return output
    }

    static func jsonError(id: JSONValue?, code: String, message: String) -> [UInt8] {
        var error = JSONWriter()
        error.string("code", code)
        error.string("message", message)
        var writer = JSONWriter()
        writer.value("id", id)
        writer.raw("error", error.object())
        return writer.line()
    }
}
