@preconcurrency import Glibc

/// Load tests against one running server: each test opens its own
/// connections, measures, and closes them.
struct TCPBenchmark {
    /// How long each kind of test warms up and measures, in seconds.
    struct Timing: Sendable {
        var closedWarmup: Double
        var closedMeasure: Double
        var openWarmup: Double
        var openMeasure: Double

        static let full = Timing(closedWarmup: 1, closedMeasure: 3, openWarmup: 1, openMeasure: 5)
        static let quick = Timing(closedWarmup: 0.2, closedMeasure: 0.5, openWarmup: 0.5, openMeasure: 1)
    }

    let port: Int
    /// The server process, for its CPU time, memory and threads.
    let server: ProcessStats
    /// Lines the server sends a new connection before any reply (our greeting: 1; Redis: 0).
    let greetingLines: Int
    let timing: Timing

    /// A closed loop: `connections` connections, `depth` requests in flight on each.
    func closedLoop(_ source: RequestSource, connections: Int, depth: Int) throws -> LoadResult {
        let generator = try LoadGenerator(port: port, source: source, greetingLines: greetingLines)
        generator.connect(count: connections)
        return generator.closedLoop(depth: depth, warmup: timing.closedWarmup, measure: timing.closedMeasure, server: server)
    }

    /// An open loop: each of `connections` sends `rate` requests per second.
    func openLoop(_ source: RequestSource, connections: Int, rate: Double) throws -> LoadResult {
        let generator = try LoadGenerator(port: port, source: source, greetingLines: greetingLines)
        generator.connect(count: connections)
        return generator.openLoop(rate: rate, warmup: timing.openWarmup, measure: timing.openMeasure, server: server)
    }

    /// Holds `connections` idle connections, reads the server's threads and
    /// memory, then checks that it still answers a PING on one in a hundred.
    func idle(connections: Int) throws -> IdleFigures {
        let before = server.residentBytes ?? 0
        let generator = try LoadGenerator(port: port, source: .ping, greetingLines: greetingLines)
        let start = MonotonicTime.now()
        let held = generator.connect(count: connections, timeout: 60)
        let connectSeconds = MonotonicTime.seconds(from: start, to: MonotonicTime.now())
        generator.idle(seconds: 1)
        let after = server.residentBytes ?? 0
        let threads = server.threads ?? 0
        let probe = generator.probe(stride: 100)
        return IdleFigures(
            requested: connections, held: held, connectSeconds: connectSeconds, serverThreads: threads,
            serverResidentMegabytesBefore: Double(before) / 1_048_576, serverResidentMegabytesHeld: Double(after) / 1_048_576,
            kilobytesPerConnection: held > 0 ? Double(after - before) / 1024 / Double(held) : 0, probe: probe
        )
    }
}

/// What holding many idle connections costs the server.
struct IdleFigures: Codable, Sendable {
    var requested: Int
    /// Connections that got their greeting and stayed open.
    var held: Int
    var connectSeconds: Double
    /// The server's threads while holding them: a thread per connection would show here.
    var serverThreads: Int
    var serverResidentMegabytesBefore: Double
    var serverResidentMegabytesHeld: Double
    var kilobytesPerConnection: Double
    /// PING on one held connection in a hundred, all at once.
    var probe: LatencySummary
}

extension TCPBenchmark {
    /// Waits until the server is idle again (under 5% of a core over 200 ms,
    /// at most 30 s), so that one test's backlog does not run into the next.
    func settle() {
        let deadline = MonotonicTime.now() + 30_000_000_000
        while MonotonicTime.now() < deadline {
            guard let before = server.cpuSeconds else { return }
            usleep(200_000)
            guard let after = server.cpuSeconds else { return }
            if (after - before) / 0.2 < 0.05 { return }
        }
    }
}
