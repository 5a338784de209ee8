@preconcurrency import Glibc

/// haproxy on this machine, started by the bench in front of the cluster
/// step's instances with the committed Config/haproxy.cfg, on a free
/// loopback port.
struct HAProxyServer {
    let process: ChildProcess
    let port: Int
    private let socketPath: String

    /// Starts haproxy forwarding to the instances on `backends` (servers a, b
    /// and c) and waits until a connection through it is greeted by one;
    /// nil when haproxy is not installed.
    static func start(backends: [Int]) throws -> HAProxyServer? {
        guard let executable = ChildProcess.find("haproxy") else { return nil }
        let port = try Loopback.freePort()
        let socketPath = "/tmp/thutuc-bench-haproxy-\(getpid()).sock"
        var environment = ["THUTUC_LISTEN": "127.0.0.1:\(port)", "THUTUC_HAPROXY_SOCKET": socketPath]
        for (name, backend) in zip(["THUTUC_A", "THUTUC_B", "THUTUC_C"], backends) { environment[name] = "127.0.0.1:\(backend)" }
        // -db: stay in the foreground; -q: no start-up notices on the bench's standard error.
        let process = try ChildProcess(executable: executable, arguments: ["-db", "-q", "-f", "Config/haproxy.cfg"], environment: environment)
        let server = HAProxyServer(process: process, port: port, socketPath: socketPath)
        guard Loopback.waitUntil(seconds: 20, { Loopback.greets(port: port) }) else {
            server.stop()
            throw BenchError.child("haproxy on port \(port) forwarded no connection to an instance within 20 s")
        }
        return server
    }

    func stop() {
        process.terminate()
        process.wait()
        unlink(socketPath)
    }
}
