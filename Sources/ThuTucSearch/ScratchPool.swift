import Synchronization

/// Scoring scratch shared by the threads that ask one engine: a thread takes
/// one, uses it for a question and gives it back, so the pool holds as many
/// as questions have ever run at once.
final class ScratchPool: Sendable {
    private let free = Mutex<[ScoringScratch]>([])
    /// Procedures in the catalogue: the size of each scratch.
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    /// Runs `body` with a cleared scratch, which is cleared again and returned afterwards.
    func withScratch<Result>(_ body: (ScoringScratch) -> Result) -> Result {
        let scratch = free.withLock { $0.popLast() } ?? ScoringScratch(count: count)
        defer {
            scratch.reset()
            free.withLock { $0.append(scratch) }
        }
        return body(scratch)
    }
}
