@preconcurrency import Glibc

extension sockaddr_in {
    /// 127.0.0.1:`port`: every server the bench measures listens on loopback.
    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

/// Loopback ports for the servers the bench starts itself.
enum Loopback {
    /// A port the kernel has just handed out and released.
    static func freePort() throws(BenchError) -> Int {
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

    /// Polls `condition` every 20 ms until it holds (true) or `seconds` pass (false).
    static func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = MonotonicTime.now() + UInt64(seconds * 1e9)
        while MonotonicTime.now() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return false
    }

    static func canConnect(port: Int) -> Bool {
        withConnection(to: port) { _ in true } ?? false
    }

    /// Whether a new connection gets our greeting within a second: through
    /// HAProxy, only once an instance behind it is up.
    static func greets(port: Int) -> Bool {
        withConnection(to: port) { fd in
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var line: [UInt8] = []
            var byte: UInt8 = 0
            while line.count < 4, recv(fd, &byte, 1, 0) == 1 { line.append(byte) }
            return line == Array("220 ".utf8)
        } ?? false
    }

    /// Runs `body` on a blocking socket connected to 127.0.0.1:`port`; nil when the connection fails.
    private static func withConnection<T>(to port: Int, _ body: (Int32) -> T) -> T? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        return connected ? body(fd) : nil
    }
}
