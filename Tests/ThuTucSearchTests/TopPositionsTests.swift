import Testing
@testable import ThuTucSearch

/// The pool the title matcher scores is the best BM25 positions, equal
/// scores broken by position: the heap that picks it must agree with a
/// plain sort on every input, ties and all.
@Suite("Top positions")
struct TopPositionsTests {
    /// A fixed-seed generator, so a failure can be replayed.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    private func expected(_ scores: [Float], touched: [Int32], count: Int) -> Set<Int> {
        let sorted = touched.map(Int.init).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        return Set(sorted.prefix(count))
    }

    @Test("Agrees with a sort, equal scores by position, for lists shorter and longer than the pool")
    func agreesWithSort() {
        let engine = EngineFixture.assistant.engine
        var generator = SplitMix64(state: 7)
        for round in 0..<200 {
            let size = Int.random(in: 1...3000, using: &generator)
            // Few distinct values in some rounds, so ties cross the pool's edge.
            let distinct = round % 3 == 0 ? 5 : 100_000
            var scores = (0..<size).map { _ in Float(Int.random(in: 1...distinct, using: &generator)) / 7 }
            let touched = (0..<size).shuffled(using: &generator).prefix(Int.random(in: 0...size, using: &generator)).map { Int32($0) }
            let count = [0, 1, 10, 50, size][round % 5]
            let chosen = scores.withUnsafeMutableBufferPointer { scoreBuffer in
                touched.withUnsafeBufferPointer { engine.topPositions(scoreBuffer, touched: $0, count: count) }
            }
            #expect(chosen.count == min(count, touched.count), "round \(round)")
            #expect(Set(chosen) == expected(scores, touched: touched, count: count), "round \(round)")
        }
    }
}
