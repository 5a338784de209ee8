/// What the protocol remembers about one connection.
public struct ConnectionState: Sendable {
    /// Unique per connection; names the plain-mode session.
    public let id: UInt64
    /// Whether the client sent the right AUTH token.
    public var authenticated = false
    /// Set once QUIT is answered: the server closes after sending.
    public var closing = false

    public init(id: UInt64) {
        self.id = id
    }

    /// The session a plain-mode connection talks in.
    var plainSession: String { "conn-\(id)" }
}
