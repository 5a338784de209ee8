@preconcurrency import Glibc

/// redis-server on this machine, started by the bench on a free loopback
/// port as the reference for the protocol layer: same load generator, same
/// run, same cores.
struct RedisServer {
    let process: ChildProcess
    let port: Int

    /// Starts redis-server without persistence; nil when it is not installed.
    static func start(maxClients: Int) throws -> RedisServer? {
        guard let executable = ChildProcess.find("redis-server") else { return nil }
        let port = try Loopback.freePort()
        let process = try ChildProcess(executable: executable, arguments: [
            "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--logfile", "/dev/null", "--maxclients", String(maxClients),
        ])
        let server = RedisServer(process: process, port: port)
        guard Loopback.waitUntil(seconds: 10, { Loopback.canConnect(port: port) }) else {
            server.stop()
            throw BenchError.child("redis-server did not accept connections on port \(port) within 10 s")
        }
        return server
    }

    func stop() {
        process.terminate()
        process.wait()
    }
}
