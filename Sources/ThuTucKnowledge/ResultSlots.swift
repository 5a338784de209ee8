import Synchronization

/// One slot per work item, written once each from any thread.
final class ResultSlots<Value: Sendable>: Sendable {
    private let storage: Mutex<[Value?]>

    init(count: Int) {
        storage = Mutex([Value?](repeating: nil, count: count))
    }

    func store(_ value: Value, at index: Int) {
        storage.withLock { $0[index] = value }
    }

    /// The stored values in order; every slot must have been written.
    func values() -> [Value] {
        storage.withLock { $0.compactMap { $0 } }
    }
}
