@preconcurrency import Glibc
import Synchronization

/// One line per request on stderr (journald, under systemd):
///
///     2025-11-28T16:20:01.123Z session=3f9a0c1d22e4 intent=documents code=1.001193 us=850 q="cccd *** mất rồi"
///
/// Sessions are hashed with a key drawn at start-up, so a log does not hold
/// the ids gateways build from phone numbers and cannot be reversed by
/// hashing every phone number; the same session keeps one tag for the life
/// of the process. Questions are masked (``LogMasker``) before they are
/// shortened, so a number cut at the end is still hidden.
public final class RequestLog: Sendable {
    /// Characters of a question kept in its log line.
    static let questionCharacters = 120

    private let sink: (@Sendable (String) -> Void)?
    private let key: (UInt64, UInt64)

    /// A log on standard error, or none when `enabled` is false.
    public convenience init(enabled: Bool) {
        self.init(sink: enabled ? RequestLog.standardError : nil)
    }

    /// A log that hands each line (ending in a newline) to `sink`; nil discards them.
    public init(sink: (@Sendable (String) -> Void)?) {
        self.sink = sink
        var generator = SystemRandomNumberGenerator()
        self.key = (generator.next(), generator.next())
    }

    /// A log appended to the file at `path` (created mode 0640 if missing).
    /// Appends are whole lines, so `logrotate`'s `copytruncate` works.
    public static func appending(to path: String) throws(ServerError) -> RequestLog {
        let file = try AppendedFile(path: path)
        return RequestLog(sink: { line in file.append(line) })
    }

    private static let writing = Mutex(())

    /// Whole lines only: concurrent loops must not interleave halves.
    private static let standardError: @Sendable (String) -> Void = { line in
        writing.withLock { _ in
            _ = fputs(line, stderr)
        }
    }

    /// One request: its session (hashed), the question's intent or the
    /// command, the procedure answered, the time taken and the question (masked).
    public func record(session: String, intent: String, code: String?, microseconds: Int, question: String? = nil) {
        guard let sink else { return }
        var line = "\(Self.timestamp()) session=\(tag(session)) intent=\(intent) code=\(code ?? "-") us=\(microseconds)"
        if let question {
            line += " q=\"\(Self.excerpt(question))\""
        }
        sink(line + "\n")
    }

    /// A free-form line (start-up, reloads, accept errors).
    public func note(_ message: String) {
        guard let sink else { return }
        sink("\(Self.timestamp()) \(Self.withoutControlCharacters(message))\n")
    }

    /// A stable tag for `session` within this process: SipHash under a random key, 48 bits shown.
    func tag(_ session: String) -> String {
        var hasher = Hasher()
        hasher.combine(key.0)
        hasher.combine(key.1)
        hasher.combine(session)
        let hex = String(UInt64(bitPattern: Int64(hasher.finalize())) >> 16, radix: 16)
        return String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    /// The question masked, then shortened, on one line and without double quotes.
    static func excerpt(_ question: String) -> String {
        let masked = LogMasker.mask(question)
        let short = masked.count > questionCharacters ? String(masked.prefix(questionCharacters)) + "…" : masked
        return withoutControlCharacters(short).replacing("\"", with: "'")
    }

    /// Control characters (a newline could forge a log line) become spaces.
    static func withoutControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// UTC wall-clock time with milliseconds, "2025-11-28T16:20:01.123Z".
    static func timestamp() -> String {
        var now = timespec()
        guard clock_gettime(CLOCK_REALTIME, &now) == 0 else { return "-" }
        var seconds = now.tv_sec
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "-" }
        func padded(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(parts.tm_year + 1900, 4) + "-" + padded(parts.tm_mon + 1, 2) + "-" + padded(parts.tm_mday, 2)
            + "T" + padded(parts.tm_hour, 2) + ":" + padded(parts.tm_min, 2) + ":" + padded(parts.tm_sec, 2)
            + "." + padded(Int32(now.tv_nsec / 1_000_000), 3) + "Z"
    }
}
