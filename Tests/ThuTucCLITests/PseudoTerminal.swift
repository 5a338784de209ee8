@preconcurrency import Glibc
import Foundation

/// `thutuc` run on a pseudo-terminal of a set width, as a person at a
/// terminal would run it: keys are written to the master side, the screen
/// output read from it. Every wait has a deadline, and the child is killed
/// when the session is dropped.
final class PseudoTerminal {
    enum Failure: Error, CustomStringConvertible {
        case openpty(Int32)
        case timedOut(String, String)

        var description: String {
            switch self {
            case .openpty(let code): "openpty: \(String(cString: strerror(code)))"
            case .timedOut(let what, let screen): "timed out waiting for \(what); the terminal showed:\n\(screen.debugDescription)"
            }
        }
    }

    private let master: Int32
    /// Kept open so that the terminal's settings can be read after the child exits.
    private let slave: Int32
    private let process = Process()
    private var received: [UInt8] = []

    /// Starts `thutuc arguments…` with the terminal as its standard input, output and error.
    init(_ arguments: [String], columns: Int = 80, environment: [String: String]) throws {
        guard FileManager.default.isExecutableFile(atPath: Thutuc.binary) else { throw Thutuc.Failure.missingBinary(Thutuc.binary) }
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure.openpty(errno) }
        self.master = master
        self.slave = slave
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.executableURL = URL(fileURLWithPath: Thutuc.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Thutuc.repositoryRoot)
        process.environment = environment
        process.standardInput = terminal
        process.standardOutput = terminal
        process.standardError = terminal
        try process.run()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        close(master)
        close(slave)
    }

    /// An environment with HOME and TERM set and nothing else that changes the output.
    static func environment(home: String, extra: [String: String] = [:]) -> [String: String] {
        var environment = ["HOME": home, "TERM": "xterm-256color", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Everything the terminal showed so far.
    var screen: String {
        drain()
        return String(decoding: received, as: UTF8.self)
    }

    /// The screen with escape sequences removed and CR LF read as LF.
    var plainScreen: String {
        Self.withoutEscapes(screen).replacing("\r\n", with: "\n")
    }

    func type(_ text: String) throws {
        try type(Array(text.utf8))
    }

    func type(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw Thutuc.Failure.timedOut(["write to the terminal"])
            }
            offset += written
        }
    }

    /// Waits until the screen shows `text` `count` times.
    func waitFor(_ text: String, count: Int = 1, timeout: Double = 120) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen.components(separatedBy: text).count - 1 >= count { return }
            usleep(10_000)
        }
        throw Failure.timedOut(text.debugDescription, screen)
    }

    /// The exit status (or the signal, negated) once the child has ended.
    func exitStatus(timeout: Double = 20) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline {
            drain()
            usleep(10_000)
        }
        guard !process.isRunning else { throw Failure.timedOut("the REPL to exit", screen) }
        drain()
        return process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// The terminal's local modes now (ICANON, ECHO…).
    var localModes: tcflag_t {
        var settings = termios()
        tcgetattr(slave, &settings)
        return settings.c_lflag
    }

    private func drain() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            received += buffer[0..<count]
        }
    }

    static func withoutEscapes(_ text: String) -> String {
        text.replacing(/\u{1B}\[[0-9;?]*[A-Za-z]/, with: "")
    }
}
