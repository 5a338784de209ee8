import Dispatch
import Synchronization

/// What every loop of one server shares.
final class ServerContext: Sendable {
    let handler: ProtocolHandler
    let limits: ConnectionLimits
    let loops: [EventLoop]
    let connections: ConnectionCounter
    /// The Redis session store and its address, when sessions are kept there.
    let redis: (store: RedisSessionStore, address: Listener.Address)?
    /// Where requests too slow for a loop run (RELOAD), one at a time.
    let adminQueue = DispatchQueue(label: "thutuc.admin")
    /// Starts at a random point below 2³⁹, so that plain-mode session names
    /// (made from connection ids) do not collide between instances sharing a
    /// store, nor with what an instance that ran before left there.
    private let nextID = Atomic<UInt64>(UInt64.random(in: 1..<(1 << 39)))
    private let cursor = Atomic<UInt>(0)

    init(handler: ProtocolHandler, loops: [EventLoop], redis: (store: RedisSessionStore, address: Listener.Address)?) {
        self.handler = handler
        self.limits = ConnectionLimits(handler.service.configuration)
        self.loops = loops
        self.connections = ConnectionCounter(limit: handler.service.configuration.maxConnections)
        self.redis = redis
    }

    /// A connection id, also its epoll token and its plain-mode session name.
    func newConnectionID() -> UInt64 {
        nextID.add(1, ordering: .relaxed).oldValue
    }

    /// The loop holding the fewest connections; ties go round-robin so that a
    /// burst of connections spreads out before the counts catch up.
    func leastLoadedLoop() -> EventLoop {
        let start = Int(cursor.wrappingAdd(1, ordering: .relaxed).oldValue % UInt(loops.count))
        var best = loops[start]
        for offset in 1..<loops.count {
            let candidate = loops[(start + offset) % loops.count]
            if candidate.load < best.load { best = candidate }
        }
        return best
    }
}
