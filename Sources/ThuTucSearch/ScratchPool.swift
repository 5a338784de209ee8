import Synchronization

/// Scoring scratch shared by the threads that ask one engine: a thread takes
/// one, uses it for a question and gives it back, so the pool holds as many
/// as questions have ever run at once.
final class ScratchPool: Sendable {
    private let free = Mutex<[ScoringScratch]>([])
    /// Procedures in the catalogue.
    private let count: Int
    /// Folded words in the index.
    private let words: Int

    init(count: Int, words: Int) {
        self.count = count
        self.words = words
    }

    /// Runs `body` with a cleared scratch, which is cleared again and returned afterwards.
    func withScratch<Result>(_ body: (ScoringScratch) -> Result) -> Result {
        let scratch = free.withLock { $0.popLast() } ?? ScoringScratch(count: count, words: words)
        defer {
            scratch.reset()
            free.withLock { $0.append(scratch) }
        }
        return body(scratch)
    }
}
