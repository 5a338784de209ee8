import ThuTucDialogue

/// What the protocol remembers about one connection.
public struct ConnectionState: Sendable {
    /// Unique per connection, and across instances (the server starts its
    /// ids at a random point); names the plain-mode session.
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
    /// How the connection's last plain-mode answer was chosen, for WHY. Kept
    /// here rather than in the session, which the Redis store keeps without it.
    public var lastWhy: Why?

    public init(id: UInt64) {
        self.id = id
    }

    /// The session a plain-mode connection talks in: "conn-" and the id in
    /// hexadecimal, short enough (ids stay below 2⁴⁰) to be a small string,
    /// which costs no allocation.
    var plainSession: String { "conn-" + String(id, radix: 16) }
}
