/// Gives each distinct byte string a small integer, without making a String
/// per lookup: open addressing over FNV-1a hashes, keys stored end to end in
/// one buffer. Indexing the catalogue interns about a million words; this is
/// several times faster than a `[String: Int32]`.
struct ByteInterner: Sendable {
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private var storage: [UInt8] = []

    init(capacity: Int = 1 << 12) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
    }

    var count: Int { starts.count }

    /// The id of `key`, adding it when new.
    mutating func intern<Bytes: Collection>(_ key: Bytes) -> Int32 where Bytes.Element == UInt8 {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(Int(id), key) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        let id = Int32(starts.count)
        starts.append(Int32(storage.count))
        storage.append(contentsOf: key)
        hashes.append(hash)
        slots[slot] = id
        if starts.count * 2 > slots.count { grow() }
        return id
    }

    /// The id of `key`, or nil when it was never interned.
    func id<Bytes: Collection>(of key: Bytes) -> Int32? where Bytes.Element == UInt8 {
        let hash = Self.hash(key)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && equals(Int(id), key) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
    }

    /// The bytes interned as `id`.
    func key(_ id: Int32) -> ArraySlice<UInt8> {
        let start = Int(starts[Int(id)])
        let end = Int(id) + 1 < starts.count ? Int(starts[Int(id) + 1]) : storage.count
        return storage[start..<end]
    }

    private func equals<Bytes: Collection>(_ id: Int, _ key: Bytes) -> Bool where Bytes.Element == UInt8 {
        let start = Int(starts[id])
        let end = id + 1 < starts.count ? Int(starts[id + 1]) : storage.count
        guard end - start == key.count else { return false }
        var position = start
        for byte in key {
            if storage[position] != byte { return false }
            position += 1
        }
        return true
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: -1, count: slots.count * 2)
        for id in 0..<starts.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & (bigger.count - 1)
            while bigger[slot] >= 0 { slot = (slot + 1) & (bigger.count - 1) }
            bigger[slot] = Int32(id)
        }
        slots = bigger
    }

    @inline(__always)
    private static func hash<Bytes: Collection>(_ key: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        return value ^ (value >> 29)
    }
}
