import Foundation

/// haproxy for a test, running the committed Config/haproxy.cfg unchanged:
/// the addresses it listens on and forwards to come from the environment.
final class HAProxyProcess {
    static let executable = ServiceProcess.find("haproxy")
    static let missing = "haproxy not found (Debian package haproxy; .ci/run installs it)"

    let port: Int
    private let process: ServiceProcess

    /// Listens on a free loopback port and forwards to the instances on
    /// `backends` (three ports: servers a, b and c); returns once a
    /// connection through it gets an instance's greeting.
    init(backends: [Int], directory: String) throws {
        guard let executable = Self.executable else { throw ServiceProcess.Failure.notReady(Self.missing, log: "") }
        port = try ServiceProcess.freePort()
        var environment = ["THUTUC_LISTEN": "127.0.0.1:\(port)", "THUTUC_HAPROXY_SOCKET": directory + "/haproxy.sock"]
        for (name, backend) in zip(["THUTUC_A", "THUTUC_B", "THUTUC_C"], backends) { environment[name] = "127.0.0.1:\(backend)" }
        process = try ServiceProcess(
            executable, ["-db", "-f", ServerFixture.repositoryRoot + "/Config/haproxy.cfg"], environment: environment,
            logPath: directory + "/haproxy.log"
        )
        guard waitUntilForwarding(timeout: 20) else { throw ServiceProcess.Failure.notReady("haproxy on port \(port)", log: process.log) }
    }

    deinit {
        process.kill()
    }

    var log: String { process.log }

    /// Whether a new connection through HAProxy reaches an instance (gets
    /// the greeting and a PONG) within `timeout` seconds.
    func waitUntilForwarding(timeout: Double) -> Bool {
        ServerFixture.eventually(timeout: timeout) {
            guard let client = try? TestClient(port: port, timeout: 2), (try? client.readLine())?.hasPrefix("220 ") == true else { return false }
            return (try? client.send("PING\n")) != nil && (try? client.readLine()) == "200 PONG"
        }
    }
}
