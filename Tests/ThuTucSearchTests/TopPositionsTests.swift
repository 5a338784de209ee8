import Testing
@testable import ThuTucSearch

/// The pool the title matcher scores is the best BM25 positions, equal
/// scores broken by position: the heap that picks it must agree with a
/// plain sort on every input, ties and all.
@Suite("Top positions")
struct TopPositionsTests {
    /// A fixed scramble of `value` (Fibonacci hashing): varied inputs that
    /// are the same on every run, so a failure replays.
    private func scramble(_ value: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: value) &* 0x9E37_79B9_7F4A_7C15) >> 33)
    }

    private func expected(_ scores: [Float], touched: [Int32], count: Int) -> Set<Int> {
        let sorted = touched.map(Int.init).sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        return Set(sorted.prefix(count))
    }

    /// A round's number of positions, how many distinct scores it draws from
    /// (few in some rounds, so that ties cross the pool's edge) and the pool's size.
    private func shape(of round: Int) -> (size: Int, distinct: Int, count: Int) {
        let size = 1 + scramble(round &* 3 &+ 1) % 3000
        return (size, round % 3 == 0 ? 5 : 100_000, [0, 1, 10, 50, size][round % 5])
    }

    @Test("Agrees with a sort, equal scores by position, for lists shorter and longer than the pool")
    func agreesWithSort() {
        let engine = EngineFixture.assistant.engine
        for round in 0..<200 {
            let (size, distinct, count) = shape(of: round)
            let scores = (0..<size).map { Float(1 + scramble(round &* 7919 &+ $0) % distinct) / 7 }
            let order = (0..<size).sorted { scramble($0 &+ round &* 31) < scramble($1 &+ round &* 31) }
            let touched = order.prefix(scramble(round &* 5 &+ 2) % (size + 1)).map { Int32($0) }
            let chosen = scores.withUnsafeBufferPointer { scoreBuffer in
                touched.withUnsafeBufferPointer { engine.topPositions(scoreBuffer, touched: $0, count: count) }
            }
            #expect(chosen.count == min(count, touched.count), "round \(round)")
            #expect(Set(chosen) == expected(scores, touched: touched, count: count), "round \(round)")
        }
    }

    @Test("Over every position, seeded from a posting list, agrees with a sort of the positions that score")
    func seededScanAgreesWithSort() {
        let engine = EngineFixture.assistant.engine
        for round in 0..<200 {
            let (size, distinct, count) = shape(of: round)
            // Some positions score nothing, as procedures no word reached.
            let scores = (0..<size).map { position -> Float in
                let value = scramble(round &* 7919 &+ position) % distinct
                return value % 4 == 0 ? 0 : Float(value) / 7
            }
            // Seeds as a posting list holds them: in order, a procedure's postings side by side.
            var seeds: [Posting] = []
            for position in 0..<size where scramble(position &+ round &* 13) % 5 == 0 {
                for _ in 0...(scramble(position &* 17 &+ round) % 3) {
                    seeds.append(Posting(document: Int32(position), marked: -1, weight: 1, fields: 1))
                }
            }
            let chosen = scores.withUnsafeBufferPointer { scoreBuffer in
                seeds.withUnsafeBufferPointer { engine.topPositions(scoreBuffer, count: count, seeds: $0) }
            }
            let scoring = scores.indices.filter { scores[$0] > 0 }.map(Int32.init)
            #expect(chosen.count == min(count, scoring.count), "round \(round)")
            #expect(Set(chosen) == expected(scores, touched: scoring, count: count), "round \(round)")
        }
    }
}
