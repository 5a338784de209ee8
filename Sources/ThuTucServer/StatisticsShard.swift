import Synchronization

/// The counters one event loop writes, so that loops never share a cache
/// line on the hot path: each request costs a relaxed atomic add or two on
/// memory only its own loop writes. ``ServerStatistics`` adds the shards up
/// when someone asks.
public final class StatisticsShard: @unchecked Sendable {
    /// What is counted, as positions in ``counters``.
    enum Counter: Int, CaseIterable {
        case connectionsAccepted, connectionsClosed, connectionsRefused
        case answered, clarify, fallback, commands
        /// Microseconds spent on questions, for the running mean.
        case questionMicroseconds
    }

    private static let errorBase = Counter.allCases.count
    private static let slotCount = errorBase + RequestErrorKind.allCases.count

    private let counters: UnsafeMutablePointer<Atomic<Int>>
    let latency = LatencyWindow()

    init() {
        counters = .allocate(capacity: Self.slotCount)
        for index in 0..<Self.slotCount { (counters + index).initialize(to: Atomic(0)) }
    }

    deinit {
        counters.deinitialize(count: Self.slotCount)
        counters.deallocate()
    }

    func count(_ counter: Counter) {
        counters[counter.rawValue].wrappingAdd(1, ordering: .relaxed)
    }

    /// Counts a request; a question's time also goes into the latency window.
    func record(_ category: RequestCategory, microseconds: Int, second: Int) {
        switch category {
        case .answered: count(.answered)
        case .clarify: count(.clarify)
        case .fallback: count(.fallback)
        case .command: count(.commands)
        case .error(let kind): counters[Self.errorBase + Self.position(of: kind)].wrappingAdd(1, ordering: .relaxed)
        case .ignored: return
        }
        guard category.isQuestion else { return }
        counters[Counter.questionMicroseconds.rawValue].wrappingAdd(microseconds, ordering: .relaxed)
        latency.record(microseconds: microseconds, second: second)
    }

    func value(_ counter: Counter) -> Int {
        counters[counter.rawValue].load(ordering: .relaxed)
    }

    func errors(_ kind: RequestErrorKind) -> Int {
        counters[Self.errorBase + Self.position(of: kind)].load(ordering: .relaxed)
    }

    private static func position(of kind: RequestErrorKind) -> Int {
        RequestErrorKind.allCases.firstIndex(of: kind) ?? RequestErrorKind.allCases.count - 1
    }
}
