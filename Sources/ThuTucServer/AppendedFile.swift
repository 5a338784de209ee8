@preconcurrency import Glibc
import Synchronization

/// A file opened for appending, written one whole line at a time, for the
/// request log when the configuration names a file.
final class AppendedFile: Sendable {
    private let fd: Int32
    /// One write per line, under a lock, so that concurrent loops never interleave halves.
    private let writing = Mutex(())

    init(path: String) throws(ServerError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw .system(call: "open \(path)", errno: errno) }
        self.fd = fd
    }

    deinit {
        Socket.close(fd)
    }

    func append(_ line: String) {
        var bytes = Array(line.utf8)[...]
        writing.withLock { _ in
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written < 0, errno == EINTR { continue }
                // A full disk or a revoked file: the request goes on without its log line.
                guard written > 0 else { return }
                bytes = bytes.dropFirst(written)
            }
        }
    }
}
