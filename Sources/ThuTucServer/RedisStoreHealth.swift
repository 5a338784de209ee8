import Synchronization

/// How the Redis session store is doing across every event loop's
/// connection: the counts STATS shows, and one log line when an outage
/// begins and one when it ends, however many loops and retries it spans.
final class RedisStoreHealth: Sendable {
    /// What one loop's connection is doing.
    enum LinkState: Sendable {
        case connecting, up, down
    }

    /// Sessions read (GET sent and answered), of which found.
    let reads = Atomic<Int>(0)
    let hits = Atomic<Int>(0)
    /// Sessions written (SET) or deleted (DEL, for a session left blank).
    let writes = Atomic<Int>(0)
    /// Writes Redis refused or never answered: the previous session stayed.
    let failedWrites = Atomic<Int>(0)
    /// Turns answered without their stored session: the store was down, too
    /// slow, or held something unreadable.
    let fallbacks = Atomic<Int>(0)
    /// Stored sessions that could not be decoded (then treated as absent).
    let unreadable = Atomic<Int>(0)

    private struct Links {
        var states: [Int: LinkState] = [:]
        var nextIndex = 0
        /// Connections lost, refused, timed out or rejected, since start.
        var faults = 0
        var timeouts = 0
        var lastFault: String?
        /// Set while any connection is down: when it began and the fallbacks then.
        var outage: (since: Double, fallbacks: Int, faults: Int)?
    }

    private let links = Mutex(Links())
    private let url: RedisURL
    private let log: RequestLog

    init(url: RedisURL, log: RequestLog) {
        self.url = url
        self.log = log
    }

    /// A new connection, connecting; returns its index for the calls below.
    func register() -> Int {
        links.withLock { links in
            defer { links.nextIndex += 1 }
            links.states[links.nextIndex] = .connecting
            return links.nextIndex
        }
    }

    func unregister(_ index: Int) {
        links.withLock { _ = $0.states.removeValue(forKey: index) }
    }

    func connecting(_ index: Int) {
        links.withLock { $0.states[index] = .connecting }
    }

    /// The connection answered its handshake; ends an outage once every connection is up.
    func up(_ index: Int, now: Double) {
        let note: String? = links.withLock { links in
            links.states[index] = .up
            guard let outage = links.outage, links.states.values.allSatisfy({ $0 == .up }) else { return nil }
            links.outage = nil
            let seconds = ((now - outage.since) * 10).rounded() / 10
            let fallbacks = self.fallbacks.load(ordering: .relaxed) - outage.fallbacks
            let faults = links.faults - outage.faults
            return "sessions: \(url) reachable again after \(seconds) s: \(fallbacks) turn(s) answered without their stored session, \(faults) connection(s) lost or refused"
        }
        if let note { log.note(note) }
    }

    /// The connection failed (`timedOut`: Redis did not answer in time); the
    /// first failure of an outage is logged.
    func down(_ index: Int, reason: String, timedOut: Bool, now: Double) {
        let note: String? = links.withLock { links in
            links.states[index] = .down
            links.faults += 1
            if timedOut { links.timeouts += 1 }
            links.lastFault = reason
            guard links.outage == nil else { return nil }
            links.outage = (now, fallbacks.load(ordering: .relaxed), links.faults - 1)
            return "sessions: \(url) unavailable (\(reason)); answering without stored sessions and reconnecting with backoff"
        }
        if let note { log.note(note) }
    }

    /// The figures STATS and /metrics show for the store.
    func statistics() -> SessionStoreStatistics {
        let snapshot = links.withLock { $0 }
        let up = snapshot.states.values.filter { $0 == .up }.count
        // Down while any connection is: turns on that loop go without their sessions.
        let state: SessionStoreStatistics.State = snapshot.outage != nil ? .down : up == snapshot.states.count ? .up : .connecting
        return SessionStoreStatistics(
            url: url.description, state: state, connections: snapshot.states.count, connectionsUp: up,
            reads: reads.load(ordering: .relaxed), hits: hits.load(ordering: .relaxed),
            writes: writes.load(ordering: .relaxed), failedWrites: failedWrites.load(ordering: .relaxed),
            fallbacks: fallbacks.load(ordering: .relaxed), unreadable: unreadable.load(ordering: .relaxed),
            faults: snapshot.faults, timeouts: snapshot.timeouts, lastFault: snapshot.lastFault
        )
    }
}
