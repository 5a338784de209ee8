/// A map that keeps at most `capacity` entries, dropping the least recently
/// used, and forgets entries not touched within `lifetime` seconds.
///
/// Links live in arrays indexed by slot so that touching, inserting and
/// evicting are all O(1) even with a hundred thousand sessions.
struct LRUCache<Value> {
    private struct Slot {
        var key: String
        var value: Value
        var lastUsed: Double
        var previous: Int
        var next: Int
    }

    let capacity: Int
    let lifetime: Double
    private var slots: [Slot] = []
    private var free: [Int] = []
    private var index: [String: Int] = [:]
    /// Most recently used.
    private var head = -1
    /// Least recently used.
    private var tail = -1

    init(capacity: Int, lifetime: Double) {
        self.capacity = max(capacity, 1)
        self.lifetime = lifetime
    }

    var count: Int { index.count }

    /// The live value for `key`, marked as just used; nil when absent or expired.
    mutating func value(for key: String, now: Double) -> Value? {
        guard let slot = index[key] else { return nil }
        if now - slots[slot].lastUsed > lifetime {
            remove(slot: slot)
            return nil
        }
        slots[slot].lastUsed = now
        moveToFront(slot)
        return slots[slot].value
    }

    /// Stores `value`, evicting the least recently used entry when full.
    mutating func set(_ value: Value, for key: String, now: Double) {
        if let slot = index[key] {
            slots[slot].value = value
            slots[slot].lastUsed = now
            moveToFront(slot)
            return
        }
        expire(now: now, limit: 2)
        if index.count >= capacity, tail >= 0 { remove(slot: tail) }
        let entry = Slot(key: key, value: value, lastUsed: now, previous: -1, next: head)
        let slot: Int
        if let reused = free.popLast() {
            slots[reused] = entry
            slot = reused
        } else {
            slots.append(entry)
            slot = slots.count - 1
        }
        if head >= 0 { slots[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
        index[key] = slot
    }

    mutating func removeValue(for key: String) {
        if let slot = index[key] { remove(slot: slot) }
    }

    /// Drops up to `limit` expired entries from the old end.
    mutating func expire(now: Double, limit: Int = .max) {
        var dropped = 0
        while tail >= 0, dropped < limit, now - slots[tail].lastUsed > lifetime {
            remove(slot: tail)
            dropped += 1
        }
    }

    private mutating func moveToFront(_ slot: Int) {
        guard slot != head else { return }
        unlink(slot)
        slots[slot].previous = -1
        slots[slot].next = head
        if head >= 0 { slots[head].previous = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let previous = slots[slot].previous
        let next = slots[slot].next
        if previous >= 0 { slots[previous].next = next } else { head = next }
        if next >= 0 { slots[next].previous = previous } else { tail = previous }
    }

    private mutating func remove(slot: Int) {
        unlink(slot)
        index[slots[slot].key] = nil
        free.append(slot)
    }
}
