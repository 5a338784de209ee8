/// What the protocol remembers about one connection.
public struct ConnectionState: Sendable {
    /// Unique per connection; names the plain-mode session.
    public let id: UInt64
    /// Whether the client sent the right AUTH token.
    public var authenticated = false
    /// Wrong AUTH tokens sent so far; at ``ProtocolHandler/maximumAuthFailures``
    /// the connection is closed, so guessing costs a new connection each time.
    public var failedAuthAttempts = 0
    /// Set once QUIT is answered (or AUTH failed too often): the server closes after sending.
    public var closing = false
    /// Where this connection's requests are counted: its event loop's shard,
    /// or, when nil, the service's shared one.
    public var statistics: StatisticsShard?

    public init(id: UInt64) {
        self.id = id
    }

    /// The session a plain-mode connection talks in.
    var plainSession: String { "conn-\(id)" }
}
