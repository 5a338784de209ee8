@preconcurrency import Glibc
import Dispatch
import Foundation
import Testing
import ThuTucServer

/// What the hostile-client suites share: short timeouts, liveness checks,
/// a sender on its own thread and the process's memory.
enum Hostile {
    /// Every read in these suites gives up after this long: a silent server
    /// fails the test instead of stalling the run.
    static let readTimeout = 5.0

    /// A fresh connection with the short timeout, greeting consumed.
    static func connect(_ server: TCPServer) throws -> TestClient {
        try ServerFixture.connect(server, timeout: readTimeout)
    }

    /// Sends `bytes` on `client`'s socket from another thread, so that the
    /// test can read replies meanwhile (a pipeline larger than the socket
    /// buffers would otherwise block both sides). Wait on the result.
    static func sendInBackground(_ bytes: [UInt8], on client: TestClient) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let fd = client.fd
        let thread = Thread {
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
                if sent < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += sent
            }
            done.signal()
        }
        thread.start()
        return done
    }

    /// This process's resident memory, from /proc (the server runs in it).
    static func residentBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

extension TestClient {
    /// The connection still answers: PING gets PONG.
    func expectAlive(_ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try send("PING\n")
        #expect(try readReply() == ["200 PONG"], comment, sourceLocation: sourceLocation)
    }

    /// Reads plain replies until one whose last line is `wanted`, returning
    /// how many replies came before it; fails after `limit` replies.
    func skipReplies(until wanted: String, limit: Int = 100_000) throws -> Int {
        for count in 0..<limit where try readReply().last == wanted {
            return count
        }
        throw TestClientError.timedOut("'\(wanted)' within \(limit) replies")
    }
}
