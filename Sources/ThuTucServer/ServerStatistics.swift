import Dispatch
import Synchronization
import ThuTucKnowledge

/// Everything `STATS` and `/metrics` report, gathered from the shards the
/// event loops write and from the few process-wide counters (reloads).
public final class ServerStatistics: Sendable {
    /// Monotonic seconds at start, for the uptime.
    let started: Double
    /// Where requests handled outside an event loop are counted (`serve --stdio`, tests).
    let shared = StatisticsShard()
    private let shards: Mutex<[StatisticsShard]>
    private let reloadsAccepted = Atomic<Int>(0)
    private let reloadsRejected = Atomic<Int>(0)

    public init() {
        started = MonotonicClock.seconds()
        shards = Mutex([shared])
    }

    /// A new shard for one event loop, counted from now on.
    func makeShard() -> StatisticsShard {
        let shard = StatisticsShard()
        shards.withLock { $0.append(shard) }
        return shard
    }

    func recordReload(accepted: Bool) {
        if accepted {
            reloadsAccepted.wrappingAdd(1, ordering: .relaxed)
        } else {
            reloadsRejected.wrappingAdd(1, ordering: .relaxed)
        }
    }

    /// The figures now, with what only the caller knows: the knowledge
    /// served, the sessions held (nil when Redis holds them) and the Redis
    /// store's own figures.
    public func snapshot(knowledge: KnowledgeFacts, sessions: Int?, sessionStore: SessionStoreStatistics?) -> StatisticsSnapshot {
        let now = MonotonicClock.seconds()
        let all = shards.withLock { $0 }
        func sum(_ counter: StatisticsShard.Counter) -> Int { all.reduce(0) { $0 + $1.value(counter) } }
        var histogram = [Int](repeating: 0, count: LatencyWindow.bucketCount)
        // The clock the requests' times were stamped with (ProtocolHandler.respond).
        let second = Int(DispatchTime.now().uptimeNanoseconds / 1_000_000_000)
        for shard in all { shard.latency.collect(into: &histogram, upTo: second) }
        var errors: [RequestErrorKind: Int] = [:]
        for kind in RequestErrorKind.allCases { errors[kind] = all.reduce(0) { $0 + $1.errors(kind) } }
        let accepted = sum(.connectionsAccepted)
        return StatisticsSnapshot(
            version: ProgramVersion.current,
            uptimeSeconds: max(0, now - started),
            knowledge: knowledge,
            connectionsCurrent: max(0, accepted - sum(.connectionsClosed)),
            connectionsTotal: accepted,
            connectionsRefused: sum(.connectionsRefused),
            sessions: sessions,
            sessionStore: sessionStore,
            answered: sum(.answered),
            clarify: sum(.clarify),
            fallback: sum(.fallback),
            commands: sum(.commands),
            errors: errors,
            questionSeconds: Double(sum(.questionMicroseconds)) / 1e6,
            lastMinuteAnswers: histogram.reduce(0, +),
            lastMinuteP50: LatencyWindow.quantile(0.5, of: histogram).map { $0 / 1e6 },
            lastMinuteP99: LatencyWindow.quantile(0.99, of: histogram).map { $0 / 1e6 },
            reloadsAccepted: reloadsAccepted.load(ordering: .relaxed),
            reloadsRejected: reloadsRejected.load(ordering: .relaxed)
        )
    }
}
