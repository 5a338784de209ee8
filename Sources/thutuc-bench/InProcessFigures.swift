/// What one catalogue scale costs in a process of its own: loading, indexing,
/// memory, single-question latency, the naive baseline and throughput.
struct InProcessFigures: Codable, Sendable {
    var scale: Int
    var procedures: Int
    /// Reading Knowledge/ (`scale` times) and making the synthetic copies.
    var loadMilliseconds: Double
    /// Building the SearchIndex.
    var indexMilliseconds: Double
    /// VmRSS after load and index, before any question.
    var residentMegabytes: Double
    /// Turns in one pass over the question mix.
    var questionsPerPass: Int
    /// One question answered on one thread, render included (`Assistant.respond`).
    var latency: LatencySummary
    /// The naive baseline on the same questions, in the same process.
    var naive: LatencySummary
    var naiveSetupMilliseconds: Double
    /// Turns of the first pass the naive baseline was asked (all, unless its time ran out).
    var naiveQuestions: Int
    /// Naive median over engine median on those same turns: how many times faster the engine is.
    var speedupOverNaive: Double
    /// Share of single questions and first turns whose expected procedure was
    /// named first (for the baseline, among the turns it was asked).
    var engineTopOne: Double
    var naiveTopOne: Double
    /// Questions per second with one asking thread per core.
    var throughputPerSecond: Double
    var throughputThreads: Int
    /// The same with one thread: their ratio shows how well answering scales across cores.
    var throughputOneThreadPerSecond: Double
}
