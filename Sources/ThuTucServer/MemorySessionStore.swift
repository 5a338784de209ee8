import Foundation
import Synchronization
import ThuTucDialogue

/// Every conversation's ``Session`` in this process's memory, shared by all
/// connections, bounded in number (least recently used go first) and
/// forgotten after idle time: the default store.
public final class MemorySessionStore: Sendable {
    private let cache: Mutex<LRUCache<Session>>
    private let clock: @Sendable () -> Double

    /// - Parameter clock: seconds on a monotonic scale; tests pass their own.
    public init(capacity: Int, lifetime: Double, clock: @escaping @Sendable () -> Double = MemorySessionStore.monotonicSeconds) {
        self.cache = Mutex(LRUCache(capacity: capacity, lifetime: lifetime))
        self.clock = clock
    }

    public static func monotonicSeconds() -> Double {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    /// Runs `body` on the session called `id` (a new one if unknown or
    /// expired) and stores the result.
    public func with<Result>(_ id: String, _ body: (inout Session) -> Result) -> Result {
        let now = clock()
        var session = cache.withLock { $0.value(for: id, now: now) } ?? Session()
        let result = body(&session)
        cache.withLock { $0.set(session, for: id, now: now) }
        return result
    }

    public func remove(_ id: String) {
        cache.withLock { $0.removeValue(for: id) }
    }

    /// Sessions held now.
    public var count: Int { cache.withLock { $0.count } }
}
