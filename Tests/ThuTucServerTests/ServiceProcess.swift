@preconcurrency import Glibc
import Foundation

/// A program a test runs beside the server (redis-server, haproxy), with
/// its output in a log file; killed when released, so that a failing test
/// leaves nothing running.
final class ServiceProcess {
    enum Failure: Error, CustomStringConvertible {
        case notReady(String, log: String)

        var description: String {
            switch self {
            case .notReady(let what, let log): "\(what) did not become ready; its log:\n\(log)"
            }
        }
    }

    let logPath: String
    private let process = Process()

    /// Starts `executable`; standard output and error go to `logPath`.
    init(_ executable: String, _ arguments: [String], environment: [String: String] = [:], logPath: String) throws {
        self.logPath = logPath
        guard FileManager.default.createFile(atPath: logPath, contents: nil) else { throw Failure.notReady("a log file at \(logPath)", log: "") }
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        try process.run()
    }

    deinit {
        kill()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func signal(_ number: Int32) {
        if process.isRunning { Glibc.kill(process.processIdentifier, number) }
    }

    /// SIGKILL (after a SIGCONT, in case it was paused), and waits for the exit.
    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(process.processIdentifier, SIGKILL)
        Glibc.kill(process.processIdentifier, SIGCONT)
        process.waitUntilExit()
    }

    /// The first executable called `name` on PATH or in the sbin directories
    /// (haproxy lives in /usr/sbin, which a non-root PATH often lacks).
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin", "/sbin"]
        return directories.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// A loopback port the kernel has just handed out and released.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestClientError.io("socket", errno) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestClientError.io("bind", errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
