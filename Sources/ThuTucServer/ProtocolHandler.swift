import Dispatch
import ThuTucJSON
import ThuTucDialogue
import ThuTucKnowledge

/// The line protocol, independent of sockets: one request line in, the reply
/// bytes out. The TCP server and `serve --stdio` both drive it.
///
/// A line starting with "{" (or a JSON array, always refused) is a JSON
/// request and gets exactly one JSON reply line; any other line is plain
/// text for people and gets an SMTP-style framed reply ("200-…" continuation
/// lines, then one "200 …" line). Every request but PING and empty lines gets
/// one line in the request log; every one but empty lines is counted in the
/// statistics.
public struct ProtocolHandler: Sendable {
    public let service: Service

    /// Wrong AUTH tokens one connection may send; the last one closes it.
    public static let maximumAuthFailures = 3

    /// Plain-mode reply codes.
    enum Code: Int {
        case answer = 200
        case help = 214
        case greeting = 220
        case bye = 221
        case authenticated = 235
        case badRequest = 400
        case lineTooLong = 413
        case closing = 421
        case badArguments = 501
        case notEnabled = 502
        case busy = 503
        case authRequired = 530
        case authFailed = 535
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
    public func lineTooLong(firstByte: UInt8?, state: ConnectionState) -> [UInt8] {
        let message = "line longer than \(service.configuration.maxLineBytes) bytes; it was ignored"
        recordRejected(.lineTooLong, state: state)
        if firstByte == UInt8(ascii: "{") { return Self.jsonError(id: nil, code: "line_too_long", message: message) }
        return Self.frame(.lineTooLong, message)
    }

    /// The notice sent before closing an idle connection.
    public func idleTimeout() -> [UInt8] {
        Self.frame(.closing, "idle for \(Self.seconds(service.configuration.idleTimeoutSeconds)) s; closing")
    }

    /// The notice sent before closing a connection whose line did not end in
    /// time (a slowloris writer); JSON when the line started with "{".
    public func lineTimeout(firstByte: UInt8?, state: ConnectionState) -> [UInt8] {
        let message = "line not finished within \(Self.seconds(service.configuration.lineTimeoutSeconds)) s; closing"
        recordRejected(.lineTimeout, state: state)
        if firstByte == UInt8(ascii: "{") { return Self.jsonError(id: nil, code: "line_timeout", message: message) }
        return Self.frame(.closing, message)
    }

    /// The reply to a client beyond the connection limit.
    public static func busy() -> [UInt8] {
        frame(.busy, "busy: too many connections, try again later")
    }

    /// Handles one request line. A reload comes back as ``Response/deferred(_:)``
    /// so that an event loop can run it elsewhere.
    public func respond(to line: [UInt8], state: inout ConnectionState) -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let outcome = outcome(for: line, state: &state)
        record(outcome, since: start, in: state.statistics ?? service.statistics.shared)
        return outcome.response
    }

    /// Counts the request in `statistics` and writes its log line. Nothing
    /// for an empty line, or for a turn that waits on the session store
    /// (it records itself once it has run); only a count for PING and
    /// deferred work, which logs itself when it completes.
    private func record(_ outcome: RequestOutcome, since start: UInt64, in statistics: StatisticsShard) {
        let category = RequestCategory(intent: outcome.intent)
        switch category {
        case .ignored:
            break
        case .command where !outcome.logged:
            // PING and deferred work: no clock read for the busiest command.
            statistics.count(.commands)
        default:
            let end = DispatchTime.now().uptimeNanoseconds
            let micros = Int((end - start) / 1000)
            statistics.record(category, microseconds: micros, second: Int(end / 1_000_000_000))
            if outcome.logged {
                service.log.record(session: outcome.session, intent: outcome.intent, code: outcome.code, microseconds: micros, question: outcome.question)
            }
        }
    }

    /// Counts and logs a request rejected before it reached ``respond(to:state:)``.
    private func recordRejected(_ kind: RequestErrorKind, state: ConnectionState) {
        (state.statistics ?? service.statistics.shared).record(.error(kind), microseconds: 0, second: 0)
        service.log.record(session: state.plainSession, intent: "error:\(kind.rawValue)", code: nil, microseconds: 0)
    }

    /// Handles one request line and returns the reply, running deferred work
    /// inline: for callers without an event loop to keep free (`serve
    /// --stdio`, which keeps its sessions in memory). A conversation turn,
    /// which only a Redis store asks for, runs on a new session, as it does
    /// when Redis cannot be reached.
    public func handle(_ line: [UInt8], state: inout ConnectionState) -> [UInt8] {
        switch respond(to: line, state: &state) {
        case .reply(let bytes): return bytes
        case .deferred(let work): return work()
        case .conversation(let turn):
            var session = Session()
            return turn.run(in: &session, state: &state)
        }
    }

    private func outcome(for line: [UInt8], state: inout ConnectionState) -> RequestOutcome {
        let first = line.first { $0 != 0x20 && $0 != 0x09 }
        guard let text = String(validating: line, as: UTF8.self) else {
            let bytes = first == UInt8(ascii: "{")
                ? Self.jsonError(id: nil, code: "bad_utf8", message: "the line is not valid UTF-8")
                : Self.frame(.badRequest, "the line is not valid UTF-8")
            return RequestOutcome(.reply(bytes), session: state.plainSession, intent: "error:bad_utf8")
        }
        if first == UInt8(ascii: "{") { return handleJSON(line, state: &state) }
        // A JSON array is a request in the wrong shape, not a question; a
        // line that merely starts with "[" and is not JSON is one.
        if first == UInt8(ascii: "["), (try? JSONReader.parse(line)) != nil { return handleJSON(line, state: &state) }
        return handlePlain(text, state: &state)
    }

    /// Whether this connection may use non-admin commands and questions.
    func mayAsk(_ state: ConnectionState) -> Bool {
        service.configuration.isLoopback || state.authenticated
    }

    /// Whether this connection may use RELOAD and STATS: a token must be
    /// configured and sent, even on loopback.
    func mayAdminister(_ state: ConnectionState) -> Bool {
        service.configuration.authToken != nil && state.authenticated
    }

    /// Checks an AUTH token in constant time and counts failures; the last
    /// allowed failure marks the connection for closing.
    func authenticate(_ token: String, state: inout ConnectionState) -> Bool {
        let matches = service.configuration.authToken.map { Self.constantTimeEquals(token, $0) } ?? false
        state.authenticated = matches
        if !matches {
            state.failedAuthAttempts += 1
            if state.failedAuthAttempts >= Self.maximumAuthFailures { state.closing = true }
        }
        return matches
    }

    /// The message for a failed AUTH, saying when the connection closes.
    func authFailureMessage(_ state: ConnectionState) -> String {
        state.closing ? "wrong token; closing after \(Self.maximumAuthFailures) failed attempts" : "wrong token"
    }

    /// Compares every byte of `expected` whatever `given` holds, so the time
    /// taken does not tell how much of a guess was right.
    static func constantTimeEquals(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8), b = Array(expected.utf8)
        var difference = a.count ^ b.count
        for index in 0..<b.count {
            difference |= Int(b[index] ^ (index < a.count ? a[index] : 0))
        }
        return difference == 0
    }

    /// Runs `body` in the session called `name`: at once with the memory
    /// store, or as a ``SessionTurn`` the event loop completes with Redis
    /// (counted and logged when it has run).
    /// - Parameter reads: false when the turn replaces the session whatever it holds.
    func converse(
        _ name: String, reads: Bool = true, state: inout ConnectionState,
        _ body: @escaping @Sendable (inout Session, inout ConnectionState) -> RequestOutcome
    ) -> RequestOutcome {
        switch service.sessions {
        case .memory(let store):
            return store.with(name) { body(&$0, &state) }
        case .redis:
            let start = DispatchTime.now().uptimeNanoseconds
            let turn = SessionTurn(session: name, readsSession: reads) { session, state in
                let outcome = body(&session, &state)
                record(outcome, since: start, in: state.statistics ?? service.statistics.shared)
                guard case .reply(let bytes) = outcome.response else { return [] }
                return bytes
            }
            return RequestOutcome(.conversation(turn), session: name, intent: "", logged: false)
        }
    }

    /// Answers a question in `session` on the assistant current when it
    /// starts: a reload meanwhile does not change the answer half-way.
    func ask(_ text: String, in session: inout Session, maxCharacters: Int?) -> Reply {
        service.assistant.respond(to: Self.withoutControlCharacters(text), in: &session, maxCharacters: maxCharacters)
    }

    /// The outcome of RELOAD, run off the event loop: the reply `render`
    /// makes of the result, and a log line when it is done.
    func deferredReload(session: String, render: @escaping @Sendable (Result<Int, any Error>) -> [UInt8]) -> RequestOutcome {
        let service = self.service
        let work: @Sendable () -> [UInt8] = {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = service.reloadAndLog(trigger: "RELOAD")
            let micros = Int((DispatchTime.now().uptimeNanoseconds - start) / 1000)
            let failed = if case .failure = result { true } else { false }
            service.log.record(session: session, intent: failed ? "error:reload_rejected" : "cmd:RELOAD", code: nil, microseconds: micros)
            return render(result)
        }
        return RequestOutcome(.deferred(work), session: session, intent: "cmd:RELOAD", logged: false)
    }

    /// Control characters (NUL, escapes) become spaces: they carry no meaning in a question.
    static func withoutControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// An SMTP-style reply: every line but the last as "NNN-", the last as
    /// "NNN "; CRs are dropped. Built byte by byte: it runs for every plain
    /// reply, and going through Foundation string searches cost a sixth of
    /// the server's time under a PING load.
    static func frame(_ code: Code, _ text: String) -> [UInt8] {
        let number = code.rawValue
        let digits = (UInt8(truncatingIfNeeded: 0x30 + number / 100), UInt8(truncatingIfNeeded: 0x30 + number / 10 % 10), UInt8(truncatingIfNeeded: 0x30 + number % 10))
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        func startLine() {
            output.append(digits.0)
            output.append(digits.1)
            output.append(digits.2)
            output.append(0x20)
        }
        startLine()
        // Where the current line's separator sits: a space until another line follows.
        var separator = 3
        for byte in text.utf8 {
            switch byte {
            case 0x0A:
                output[separator] = UInt8(ascii: "-")
                output.append(0x0A)
                startLine()
                separator = output.count - 1
            case 0x0D:
                continue
            default:
                output.append(byte)
            }
        }
        output.append(0x0A)
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

    /// Seconds for a message: whole when whole ("300"), otherwise as given ("0.5").
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && value < 1e9 ? String(Int(value)) : String(value)
    }
}
