@preconcurrency import Glibc
import Foundation
import Synchronization

/// One line per request on stderr: time, hashed session, intent, code,
/// latency and the question with personal data masked.
public final class RequestLog: Sendable {
    private let enabled: Bool
    private let lock = Mutex(())

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    public func record(session: String, intent: String, code: String?, microseconds: Int, question: String) {
        guard enabled else { return }
        let excerpt = LogMasker.mask(String(question.prefix(120))).replacingOccurrences(of: "\"", with: "'")
        let line = "\(Self.timestamp()) session=\(Self.hash(session)) intent=\(intent) code=\(code ?? "-") us=\(microseconds) q=\"\(excerpt)\"\n"
        lock.withLock { _ in
            _ = fputs(line, stderr)
        }
    }

    public func note(_ message: String) {
        guard enabled else { return }
        lock.withLock { _ in
            _ = fputs("\(Self.timestamp()) \(message)\n", stderr)
        }
    }

    /// A stable, non-reversible tag for a session id (FNV-1a, 32 bits shown).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        let hex = String(value >> 32, radix: 16)
        return String(repeating: "0", count: max(0, 8 - hex.count)) + hex
    }

    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), Int(now.tv_nsec / 1_000_000)
        )
    }
}
