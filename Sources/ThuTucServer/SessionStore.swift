/// Where conversations live between turns: the server asks its store for a
/// session before a question and gives it back after.
///
/// In memory the session is at hand and a turn runs at once, as it always
/// has. In Redis it is a network round trip away, so a turn is parked
/// instead: the event loop reads the session over its own pipelined
/// connection, runs the turn, writes the session back, and only then sends
/// the reply (see ``SessionTurn``).
public enum SessionStore: Sendable {
    case memory(MemorySessionStore)
    case redis(RedisSessionStore)

    /// The store the configuration chooses.
    public init(configuration: Configuration, log: RequestLog) {
        switch configuration.sessions.kind {
        case .memory:
            self = .memory(MemorySessionStore(capacity: configuration.maxSessions, lifetime: configuration.sessionExpirySeconds))
        case .redis:
            self = .redis(RedisSessionStore(configuration: configuration, log: log))
        }
    }

    /// Sessions held in this process; nil for Redis, which the instances share.
    public var count: Int? {
        switch self {
        case .memory(let store): store.count
        case .redis: nil
        }
    }

    /// What STATS and /metrics show about the store: nothing for memory,
    /// whose only figure is the count of sessions.
    public func statistics() -> SessionStoreStatistics? {
        switch self {
        case .memory: nil
        case .redis(let store): store.health.statistics()
        }
    }
}
