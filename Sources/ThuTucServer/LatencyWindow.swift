import Synchronization

/// Answer times of the last minute, as one histogram per second in a ring
/// of sixty, so that quantiles can be read at any moment without keeping
/// every sample.
///
/// Buckets are logarithmic with eight steps per doubling (below 8 µs, one per
/// microsecond), so a quantile is known to within about 6%. Writers and the
/// reader only use relaxed atomics: a reader racing with the turn of a second
/// may miss or double a handful of samples, which a one-minute figure can
/// bear, and no writer ever waits.
final class LatencyWindow: @unchecked Sendable {
    static let seconds = 60
    static let bucketCount = 8 + 8 * 24
    /// The second each ring slot holds; -1 for none yet.
    private let stamps: UnsafeMutablePointer<Atomic<Int>>
    private let counts: UnsafeMutablePointer<Atomic<Int>>

    init() {
        stamps = .allocate(capacity: Self.seconds)
        for slot in 0..<Self.seconds { (stamps + slot).initialize(to: Atomic(-1)) }
        counts = .allocate(capacity: Self.seconds * Self.bucketCount)
        for index in 0..<Self.seconds * Self.bucketCount { (counts + index).initialize(to: Atomic(0)) }
    }

    deinit {
        stamps.deinitialize(count: Self.seconds)
        stamps.deallocate()
        counts.deinitialize(count: Self.seconds * Self.bucketCount)
        counts.deallocate()
    }

    /// Adds one sample taken during monotonic second `second`.
    func record(microseconds: Int, second: Int) {
        let slot = second % Self.seconds
        let stamp = stamps[slot].load(ordering: .relaxed)
        if stamp != second {
            // Whoever moves the slot to the new second clears it; the others just count.
            if stamp < second, stamps[slot].compareExchange(expected: stamp, desired: second, ordering: .relaxed).exchanged {
                for bucket in 0..<Self.bucketCount { counts[slot * Self.bucketCount + bucket].store(0, ordering: .relaxed) }
            } else if stamps[slot].load(ordering: .relaxed) != second {
                return
            }
        }
        counts[slot * Self.bucketCount + Self.bucket(microseconds: microseconds)].wrappingAdd(1, ordering: .relaxed)
    }

    /// Adds the samples of the sixty seconds up to `second` into `histogram`.
    func collect(into histogram: inout [Int], upTo second: Int) {
        for slot in 0..<Self.seconds {
            let stamp = stamps[slot].load(ordering: .relaxed)
            guard stamp >= 0, stamp <= second, second - stamp < Self.seconds else { continue }
            for bucket in 0..<Self.bucketCount {
                histogram[bucket] += counts[slot * Self.bucketCount + bucket].load(ordering: .relaxed)
            }
        }
    }

    /// The bucket of a time: its value below 8 µs, then eight per doubling.
    static func bucket(microseconds: Int) -> Int {
        guard microseconds >= 8 else { return max(0, microseconds) }
        let exponent = Int.bitWidth - 1 - microseconds.leadingZeroBitCount
        let step = (microseconds >> (exponent - 3)) & 7
        return min(bucketCount - 1, 8 + (exponent - 3) * 8 + step)
    }

    /// The middle of a bucket's range, in microseconds.
    static func middle(ofBucket bucket: Int) -> Double {
        guard bucket >= 8 else { return Double(bucket) }
        let exponent = (bucket - 8) / 8 + 3
        let step = (bucket - 8) % 8
        let width = 1 << (exponent - 3)
        return Double((8 + step) * width) + Double(width) / 2
    }

    /// The value below which `fraction` of the samples in `histogram` lie, in
    /// microseconds; nil without samples.
    static func quantile(_ fraction: Double, of histogram: [Int]) -> Double? {
        let total = histogram.reduce(0, +)
        guard total > 0 else { return nil }
        let rank = max(1, Int((fraction * Double(total)).rounded(.up)))
        var seen = 0
        for (bucket, count) in histogram.enumerated() {
            seen += count
            if seen >= rank { return middle(ofBucket: bucket) }
        }
        return middle(ofBucket: histogram.count - 1)
    }
}
