/// The send times of a connection's requests still waiting for replies, in
/// order: replies come back in request order, so the oldest is the one a
/// reply answers.
struct TimestampQueue {
    private var items: [UInt64] = []
    private var head = 0

    mutating func push(_ time: UInt64) {
        items.append(time)
    }

    mutating func pop() -> UInt64? {
        guard head < items.count else { return nil }
        let time = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 1024 {
            // An open loop can keep a queue from ever emptying; drop the dead prefix now and then.
            items.removeFirst(head)
            head = 0
        }
        return time
    }
}
