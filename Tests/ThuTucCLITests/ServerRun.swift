@preconcurrency import Glibc
import Foundation
import Synchronization

/// `thutuc serve` in the background, its standard error collected, killed
/// if a test leaves it running.
final class ServerRun {
    private let process = Process()
    private let collected = Collected()

    /// Standard error so far, filled from the pipe's reader.
    private final class Collected: Sendable {
        let bytes = Mutex<[UInt8]>([])
    }

    init(_ arguments: [String], directory: String) throws {
        guard FileManager.default.isExecutableFile(atPath: Thutuc.binary) else { throw Thutuc.Failure.missingBinary(Thutuc.binary) }
        process.executableURL = URL(fileURLWithPath: Thutuc.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let collected = self.collected
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty { handle.readabilityHandler = nil }
            collected.bytes.withLock { $0 += data }
        }
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var error: String { String(decoding: collected.bytes.withLock { $0 }, as: UTF8.self) }

    /// The port of the "listening on HOST:PORT (…)" line.
    func port(timeout: Double = 60) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = error.split(separator: "\n").first(where: { $0.contains("listening on ") }),
               let address = line.split(separator: "listening on ").last?.split(separator: " ").first,
               let port = address.split(separator: ":").last.flatMap({ Int($0) }) {
                return port
            }
            usleep(20_000)
        }
        throw Thutuc.Failure.timedOut(["serve"])
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    func exitStatus(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        guard !process.isRunning else { return nil }
        usleep(100_000)
        return process.terminationStatus
    }
}

/// A blocking TCP client on 127.0.0.1 with a receive timeout.
final class LineClient {
    private let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Thutuc.Failure.timedOut(["connect"]) }
    }

    deinit {
        close(fd)
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == bytes.count else {
            throw Thutuc.Failure.timedOut(["send"])
        }
    }

    /// Reads until the server closes the connection.
    func waitForClose() throws {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return }
            if count < 0 { throw Thutuc.Failure.timedOut(["the server to close"]) }
        }
    }
}
