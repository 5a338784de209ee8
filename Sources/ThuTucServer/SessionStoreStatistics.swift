/// What the Redis session store reports about itself: the `# Session store`
/// section of `STATS` and the `thutuc_session_store_…` metrics.
public struct SessionStoreStatistics: Sendable, Equatable {
    /// `up` when every event loop's connection is, `down` while any is (its
    /// turns go without their sessions), `connecting` at start.
    public enum State: String, Sendable {
        case up, down, connecting
    }

    /// The store's address, without its password.
    public var url: String
    public var state: State
    /// The event loops' connections, and how many of them are up.
    public var connections: Int
    public var connectionsUp: Int
    /// Sessions read, and found, since start.
    public var reads: Int
    public var hits: Int
    /// Sessions written or deleted, and the writes Redis refused or never answered.
    public var writes: Int
    public var failedWrites: Int
    /// Turns answered without their stored session.
    public var fallbacks: Int
    /// Stored values that were not sessions.
    public var unreadable: Int
    /// Connections lost, refused, timed out or rejected, and how many of them timed out.
    public var faults: Int
    public var timeouts: Int
    /// The latest fault's reason.
    public var lastFault: String?

    /// The `STATS` lines, keys as SCALING.md explains them.
    var entries: [(key: String, value: StatisticsSnapshot.Value)] {
        [
            ("sessions_store", .text("redis")),
            ("sessions_store_url", .text(url)),
            ("sessions_store_state", .text(state.rawValue)),
            ("sessions_store_connections", .text("\(connectionsUp)/\(connections) up")),
            ("sessions_store_reads", .integer(reads)),
            ("sessions_store_hits", .integer(hits)),
            ("sessions_store_writes", .integer(writes)),
            ("sessions_store_failed_writes", .integer(failedWrites)),
            ("sessions_store_fallbacks", .integer(fallbacks)),
            ("sessions_store_unreadable", .integer(unreadable)),
            ("sessions_store_faults", .integer(faults)),
            ("sessions_store_timeouts", .integer(timeouts)),
            ("sessions_store_last_fault", .text(lastFault ?? "none")),
        ]
    }
}
