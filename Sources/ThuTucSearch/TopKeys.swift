/// The greatest keys offered, at most `capacity` of them, in a bounded
/// min-heap: picking fifty out of thousands this way costs a comparison
/// per key passed over, where a sort would order them all.
struct TopKeys: ~Copyable {
    private let keys: UnsafeMutableBufferPointer<UInt64>
    private(set) var count = 0

    init(capacity: Int) {
        keys = .allocate(capacity: capacity)
    }

    deinit {
        keys.deallocate()
    }

    var isFull: Bool { count == keys.count }

    /// The least key kept; only meaningful once something is kept.
    var least: UInt64 { keys[0] }

    /// Keeps `key` if there is room or it beats the least key kept.
    mutating func offer(_ key: UInt64) {
        if count < keys.count {
            keys[count] = key
            var child = count
            count += 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard keys[child] < keys[parent] else { break }
                keys.swapAt(child, parent)
                child = parent
            }
        } else if count > 0, key > keys[0] {
            keys[0] = key
            siftDown()
        }
    }

    /// The keys kept, in no particular order.
    var kept: UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(rebasing: keys[..<count])
    }

    private func siftDown() {
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < count && keys[left] < keys[smallest] { smallest = left }
            if right < count && keys[right] < keys[smallest] { smallest = right }
            if smallest == parent { return }
            keys.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
