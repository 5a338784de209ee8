import Foundation

/// Everything one run measured: the JSON file the bench writes.
struct Report: Codable, Sendable {
    var date: String
    var command: String
    var machine: Machine
    /// The 1-minute load average when the run started, its highest value
    /// sampled between steps, and when it ended.
    var loadAverage: [Double]
    /// CPU other processes used during the run, in % of one core (see ``CPUAccount``).
    var otherProcessesCPUPercent: Double
    /// The same, step by step: which figures a busy neighbour may have disturbed.
    var steps: [StepNoise]
    var quick: Bool
    var questionSources: [String]
    var questionsPerPass: Int
    var scales: [ScaleFigures]
    /// One instance with the memory store against three behind HAProxy with the Redis store.
    var cluster: ClusterFigures?
    /// PING through the same load generator: our server, then Redis.
    var ping: PingFigures?
    var idle: IdleFigures?
    var targets: [TargetVerdict]

    /// Writes the report as pretty-printed JSON.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }
}

/// One step of a run (its kept attempt): its length and the CPU other processes took during it (% of one core).
struct StepNoise: Codable, Sendable {
    var step: String
    /// Runs of the step; the figures kept are from the quietest.
    var attempts: Int
    var seconds: Double
    /// Time spent beforehand waiting for other processes to go quiet (`--wait-quiet`).
    var waitedSeconds: Double
    var otherProcessesCPUPercent: Double
}

/// One catalogue scale, in process and over TCP.
struct ScaleFigures: Codable, Sendable {
    var scale: Int
    var inProcess: InProcessFigures
    var server: ServerFigures?
}

/// The TCP server at one scale, in its own process.
struct ServerFigures: Codable, Sendable {
    var eventLoopThreads: Int
    var residentMegabytesAfterLoad: Double
    /// After the question tests: sessions and buffers come on top of the catalogue.
    var residentMegabytesAfterTests: Double
    /// Closed loops (1, 100, 1,000 connections; depth 1 and 16) and the open loop.
    var questions: [LoadResult]
}

/// The protocol layer alone, against our server and Redis.
struct PingFigures: Codable, Sendable {
    var ours: [LoadResult]
    var redis: [LoadResult]?
    /// "measured", or why not ("not installed, skipped").
    var redisStatus: String
}
