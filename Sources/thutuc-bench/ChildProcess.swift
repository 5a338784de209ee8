@preconcurrency import Glibc
import Foundation

/// A child process of the bench with its standard input and output piped:
/// another copy of this executable in a role, or redis-server.
///
/// Measuring in children keeps figures apart: each scale's memory is its
/// own, and the server under load is a separate process from the load
/// generator, as it would be in production.
final class ChildProcess {
    private let process: Process
    private let input = Pipe()
    private let output = Pipe()
    private var buffered: [UInt8] = []

    /// Starts `executable` with `arguments` and `environment` added to ours;
    /// its standard error stays ours.
    init(executable: String, arguments: [String], environment: [String: String] = [:]) throws {
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.standardInput = input
        process.standardOutput = output
        try process.run()
    }

    /// Starts this executable again, in `role`.
    static func bench(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(executable: currentExecutable(), arguments: arguments)
    }

    var pid: Int32 { process.processIdentifier }

    /// The next line of the child's output, without its newline; nil at end of output.
    func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: 0x0A) {
                let line = String(decoding: buffered[..<newline], as: UTF8.self)
                buffered.removeSubrange(...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { return nil }
            buffered += chunk
        }
    }

    /// Everything the child writes until it closes its output.
    func readToEnd() -> [UInt8] {
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        defer { buffered = [] }
        return buffered + rest
    }

    /// Closes the child's standard input: the bench's server role stops on it.
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Sends SIGTERM (redis-server stops on it).
    func terminate() {
        process.terminate()
    }

    /// Waits for the child to exit and returns its status.
    @discardableResult
    func wait() -> Int32 {
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The path of the running executable.
    static func currentExecutable() -> String {
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &path, path.count - 1)
        guard length > 0 else { return CommandLine.arguments[0] }
        return String(decoding: path[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The first executable called `name` on PATH or in the sbin directories
    /// (haproxy lives in /usr/sbin, which a non-root PATH often lacks).
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin", "/sbin"]
        return directories.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
