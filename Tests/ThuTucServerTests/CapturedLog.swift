import Synchronization
import ThuTucServer

/// Collects request-log lines in memory, for tests that check what a server logged.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }

    var all: [String] { lines.withLock { $0 } }

    /// A log writing here.
    func requestLog() -> RequestLog {
        RequestLog(sink: { [self] line in append(line) })
    }
}
