/// The growing buffer a scan builds one word in, emptied after each word.
///
/// An `Array` checks on every append and every write that its storage is
/// not shared, and `removeAll(keepingCapacity:)` goes through the general
/// range replacement: over the ten megabytes of catalogue the index scans
/// at start-up, those checks cost more than the scanning. This buffer is
/// owned by one scan and never shared, so it does neither.
struct ScanBuffer<Element: BitwiseCopyable>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// The elements held; valid until the buffer next changes.
    var elements: UnsafeMutableBufferPointer<Element> {
        UnsafeMutableBufferPointer(start: base, count: count)
    }

    mutating func append(_ element: Element) {
        if count == capacity { grow() }
        base[count] = element
        count += 1
    }

    /// Empties the buffer, keeping its storage.
    mutating func removeAll() {
        count = 0
    }

    /// Makes room for twice as many: only a word longer than any real one gets here.
    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.initialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
