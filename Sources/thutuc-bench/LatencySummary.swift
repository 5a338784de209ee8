/// Median, 99th percentile and maximum of a set of latencies, in microseconds.
///
/// Percentiles use the nearest-rank method over every sample (no histogram
/// buckets), so a p99 over fewer than 100 samples is simply the maximum.
struct LatencySummary: Codable, Sendable {
    var count: Int
    var medianMicroseconds: Double
    var p99Microseconds: Double
    var maxMicroseconds: Double
    var meanMicroseconds: Double

    init(nanoseconds samples: [UInt64]) {
        let sorted = samples.sorted()
        count = sorted.count
        func rank(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let position = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return Double(sorted[min(sorted.count - 1, max(0, position))]) / 1000
        }
        medianMicroseconds = rank(0.5)
        p99Microseconds = rank(0.99)
        maxMicroseconds = Double(sorted.last ?? 0) / 1000
        meanMicroseconds = sorted.isEmpty ? 0 : Double(sorted.reduce(0, +)) / Double(sorted.count) / 1000
    }
}
