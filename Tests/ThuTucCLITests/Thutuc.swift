@preconcurrency import Glibc
import Foundation
import Synchronization
import Testing

/// The built `thutuc` executable, run as a child process with a time limit,
/// its standard output and standard error kept apart.
enum Thutuc {
    /// What one run gave.
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    enum Failure: Error, CustomStringConvertible {
        case missingBinary(String)
        case timedOut([String])

        var description: String {
            switch self {
            case .missingBinary(let path): "no thutuc executable at \(path); `swift test` builds it, or run `swift build --product thutuc`"
            case .timedOut(let arguments): "thutuc \(arguments.joined(separator: " ")) did not finish in time"
            }
        }
    }

    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Built next to the test bundle by `swift test`.
    static var binary: String {
        let bundle = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: bundle).deletingLastPathComponent().appendingPathComponent("thutuc").path
    }

    /// Runs `thutuc arguments…` in `directory` (the repository by default)
    /// with `input` on standard input; killed after `timeout` seconds.
    static func run(
        _ arguments: [String], input: String = "", directory: String = repositoryRoot, environment: [String: String]? = nil,
        timeout: Double = 60
    ) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Failure.missingBinary(binary) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if let environment { process.environment = environment }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let output = Collector(stdout.fileHandleForReading), error = Collector(stderr.fileHandleForReading)
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw Failure.timedOut(arguments)
        }
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: output.text(), error: error.text())
    }

    /// Everything a pipe delivers, read on a thread of its own so that a full
    /// pipe never stalls the child.
    final class Collector: Sendable {
        private let bytes = Mutex<[UInt8]>([])
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            let thread = Thread { [self] in
                let data = handle.readDataToEndOfFile()
                bytes.withLock { $0 = Array(data) }
                done.signal()
            }
            thread.start()
        }

        func text() -> String {
            _ = done.wait(timeout: .now() + 10)
            return String(decoding: bytes.withLock { $0 }, as: UTF8.self)
        }
    }

    /// The committed Knowledge/manifest.json, read rather than written into the tests.
    static func committedManifest() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Knowledge/manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// A fresh directory under the system's temporary one, removed by the caller.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("thutuc-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
