@preconcurrency import Glibc
import ThuTucKnowledge

/// Runtime settings from `Config/thutuc.json`, overridable on the command line.
///
/// Every field has a default, so an empty file (or none) is valid; an unknown
/// key or a bad value is an error naming the key.
public struct Configuration: Sendable, Hashable {
    /// Address to listen on; anything but loopback requires ``authToken``.
    public var host = "127.0.0.1"
    public var port = 7878
    /// The Knowledge/ directory. In a configuration file a relative path is
    /// taken from the file's own directory; on the command line, from the
    /// working directory.
    public var knowledge = "Knowledge"
    /// A file the request log is appended to (relative paths as for
    /// ``knowledge``); nil sends it to standard error, the journal under systemd.
    public var log: String?
    /// The port of the Prometheus endpoint (`GET /metrics`); nil for none, 0 for any free port.
    public var metricsPort: Int?
    /// Where the metrics endpoint listens: loopback unless an operator opens it.
    public var metricsHost = "127.0.0.1"
    /// Phone number offered when the assistant cannot help.
    public var hotline = "1800 1096 (Cổng Dịch vụ công quốc gia)"
    /// First line sent to a plain-mode connection (the REPL greets with its own, from Knowledge/templates).
    public var greeting = "ThuTuc: trợ lý thủ tục hành chính. Gõ câu hỏi bằng tiếng Việt; HELP để xem hướng dẫn, QUIT để thoát."
    /// Levels in order of preference (codes: xa, tinh, bo, khac).
    public var levelPreference: [Level] = [.commune, .province, .ministry, .other]
    /// Longest request line in bytes; longer lines get an error reply.
    public var maxLineBytes = 8192
    /// A connection silent this long is closed with a notice.
    public var idleTimeoutSeconds = 300.0
    /// A line must be finished this long after its first byte arrived, so that
    /// a client trickling bytes without a newline (slowloris) cannot hold a
    /// connection open by keeping the idle timer fresh.
    public var lineTimeoutSeconds = 10.0
    /// A reader that accepts no reply bytes for this long is cut off.
    public var writeTimeoutSeconds = 30.0
    /// Replies waiting to be sent per connection before it stops reading.
    public var maxPendingReplyBytes = 1 << 20
    /// Open connections beyond this get a busy reply and are closed.
    public var maxConnections = 10_000
    /// Sessions idle this long are forgotten (in Redis, the keys' time to live).
    public var sessionExpirySeconds = 1800.0
    /// Most sessions the memory store keeps; the least recently used go first.
    public var maxSessions = 100_000
    /// Which store keeps the sessions (memory or Redis), from the `"sessions"` object.
    public var sessions = SessionStoreConfiguration()
    /// Shared secret clients send with AUTH; required off loopback and for admin commands.
    public var authToken: String?
    /// Event-loop threads; 0 means one per core.
    public var threads = 0

    public init() {}

    /// Whether `host` is a loopback address, where no token is needed:
    /// "localhost", an IPv4 literal in 127.0.0.0/8, or the IPv6 loopback in
    /// any spelling (also IPv4-mapped). Names other than "localhost" are not
    /// trusted, whatever they resolve to: "127.example.com" needs a token.
    public var isLoopback: Bool {
        if host == "localhost" { return true }
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 {
            return UInt32(bigEndian: v4.s_addr) >> 24 == 127
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, host, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: v6) { Array($0) }
        let isLoopbackV6 = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1
        let isMappedLoopbackV4 = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        return isLoopbackV6 || isMappedLoopbackV4
    }
}
