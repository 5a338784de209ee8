@preconcurrency import Glibc
import Foundation
import Synchronization

/// The real `thutuc` executable, run as a child process with its standard
/// error collected: for what only the command does (start-up checks,
/// signals).
final class ServerProcess {
    enum Failure: Error, CustomStringConvertible {
        case missingBinary(String)
        case noPort(String)

        var description: String {
            switch self {
            case .missingBinary(let path): "no thutuc executable at \(path); `swift test` builds it, or run `swift build --product thutuc`"
            case .noPort(let output): "the server printed no listening line:\n\(output)"
            }
        }
    }

    /// Built next to the test bundle by `swift test`.
    static var binary: String {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("thutuc").path
    }

    private let process = Process()
    private let collected = Collected()

    /// Standard error so far, collected from a background reader.
    private final class Collected: Sendable {
        let bytes = Mutex<[UInt8]>([])
        /// Set once the pipe reports end of file: all output has arrived.
        let finished = Mutex(false)
    }

    /// Starts `thutuc arguments…` in `directory` (the repository by default).
    init(_ arguments: [String], directory: String = ServerFixture.repositoryRoot) throws {
        guard FileManager.default.isExecutableFile(atPath: Self.binary) else { throw Failure.missingBinary(Self.binary) }
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        let collected = self.collected
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            if data.isEmpty {
                handle.readabilityHandler = nil
                collected.finished.withLock { $0 = true }
                return
            }
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

    /// Everything written to standard error so far.
    var output: String { String(decoding: collected.bytes.withLock { $0 }, as: UTF8.self) }

    /// Waits until standard error contains `text`.
    func waitFor(_ text: String, timeout: Double = 10) -> Bool {
        ServerFixture.eventually(timeout: timeout) { output.contains(text) }
    }

    /// The port from "listening on 127.0.0.1:PORT (…)".
    func listeningPort(timeout: Double = 20) throws -> Int {
        guard waitFor("listening on ", timeout: timeout),
              let line = output.split(separator: "\n").first(where: { $0.contains("listening on ") }),
              let address = line.split(separator: "listening on ").last?.split(separator: " ").first,
              let port = address.split(separator: ":").last.flatMap({ Int($0) })
        else { throw Failure.noPort(output) }
        return port
    }

    /// Lowers the process's scheduling priority (nice 10), so that a test
    /// running many servers does not starve the timing checks of the tests
    /// running beside it.
    func yieldToOthers() {
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), 10)
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The exit status, or nil if the process is still running after `timeout`;
    /// returns once the process's last output has been collected too, since the
    /// reader runs on its own queue and may lag behind the exit.
    func exitStatus(timeout: Double = 10) -> Int32? {
        guard ServerFixture.eventually(timeout: timeout, { !process.isRunning }) else { return nil }
        _ = ServerFixture.eventually(timeout: 5) { collected.finished.withLock { $0 } }
        return process.terminationStatus
    }
}
