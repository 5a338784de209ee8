import Dispatch

/// Runs independent work items on all cores and keeps their order.
package enum ConcurrentMap {
    package static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input], _ transform: @Sendable (Input) -> Output) -> [Output] {
        let slots = ResultSlots<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            slots.store(transform(inputs[index]), at: index)
        }
        return slots.values()
    }
}
