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
        let port = try freePort()
        let process = try ChildProcess(executable: executable, arguments: [
            "--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--daemonize", "no", "--logfile", "/dev/null", "--maxclients", String(maxClients),
        ])
        let server = RedisServer(process: process, port: port)
        let deadline = MonotonicTime.now() + 10_000_000_000
        while MonotonicTime.now() < deadline {
            if canConnect(port: port) { return server }
            usleep(20_000)
        }
        server.stop()
        throw BenchError.child("redis-server did not accept connections on port \(port) within 10 s")
    }

    func stop() {
        process.terminate()
        process.wait()
    }

    /// A port the kernel has just handed out and released.
    private static func freePort() throws(BenchError) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .system("socket", errno) }
        defer { close(fd) }
        var address = sockaddr_in.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw .system("bind", errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in.loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
