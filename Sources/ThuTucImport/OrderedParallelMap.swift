import Dispatch
import Foundation

/// Runs independent work on every core and returns the results in input order.
///
/// Records import independently; the report and output are still assembled
/// in file order afterwards, so running in parallel does not change a byte.
enum OrderedParallelMap {
    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let slots = Slots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots.store(transform(inputs[index]), at: index)
        }
        return slots.values()
    }

    /// One slot per input, written once each from whichever thread ran it.
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        // Guarded by `lock`; each slot is written exactly once.
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) {
            storage = Array(repeating: nil, count: count)
        }

        func store(_ value: Value, at index: Int) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        func values() -> [Value] {
            lock.lock()
            defer { lock.unlock() }
            return storage.compactMap { $0 }
        }
    }
}
