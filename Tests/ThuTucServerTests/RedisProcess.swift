@preconcurrency import Glibc
import Foundation

/// redis-server for a test: on a loopback port, its append-only file in
/// `directory`, so that a restart on the same port finds the sessions again.
final class RedisProcess {
    static let executable = ServiceProcess.find("redis-server")
    static let missing = "redis-server not found (Debian package redis-server; .ci/run installs it)"

    let port: Int
    let directory: String
    private var process: ServiceProcess?

    init(directory: String, port: Int? = nil) throws {
        self.directory = directory
        self.port = try port ?? ServiceProcess.freePort()
        try start()
    }

    /// Starts it (again) and waits until it answers PING.
    func start() throws {
        guard let executable = Self.executable else { throw ServiceProcess.Failure.notReady(Self.missing, log: "") }
        let process = try ServiceProcess(executable, [
            "--port", String(port), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "yes",
            "--appendfsync", "always", "--daemonize", "no", "--protected-mode", "yes",
        ], logPath: directory + "/redis.log")
        self.process = process
        guard ServerFixture.eventually(timeout: 10, { (try? command("PING")) == "+PONG" }) else {
            throw ServiceProcess.Failure.notReady("redis-server on port \(port)", log: process.log)
        }
    }

    /// Stops it at once, as a crash would. Nothing written is lost: the
    /// append-only file is synced on every write (and a graceful stop takes
    /// redis-server seconds).
    func stop() {
        process?.kill()
    }

    /// SIGSTOP: connections stay open and nothing is answered, as with a Redis stuck on a slow disk.
    func pause() {
        process?.signal(SIGSTOP)
    }

    func resume() {
        process?.signal(SIGCONT)
    }

    /// Sends one inline command and returns the first reply line, without its CR.
    func command(_ text: String) throws -> String? {
        let client = try TestClient(port: port, timeout: 2)
        try client.send(text + "\r\n")
        return try client.readLine().map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
    }
}
