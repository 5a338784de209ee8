@preconcurrency import Glibc
import Foundation

/// Runs every measurement in fresh child processes, then prints the table
/// and writes the JSON report.
///
/// Per scale: a measuring child loads, indexes and asks in process (so its
/// memory is that scale's alone); then a server child serves the same
/// catalogue over TCP while this process is the load generator. Then, at 1×,
/// one server against a cluster of three behind HAProxy with their sessions
/// in Redis; PING to our server and to redis-server when installed,
/// alternately; and idle connections held by a fresh server.
struct Benchmark {
    let options: BenchOptions

    func run() throws {
        raiseOpenFileLimit()
        let account = CPUAccount()
        let runner = StepRunner(waitQuietSeconds: options.waitQuietSeconds)
        let date = ISO8601DateFormatter().string(from: Date())
        let mix = try QuestionMix(required: options.questions, optional: options.sharedQuestions)
        let timing = options.quick ? TCPBenchmark.Timing.quick : .full
        var scales: [ScaleFigures] = []
        for scale in options.effectiveScales {
            let inProcess = try runner.step("\(scale)×: load, index and questions in process") { try measureInProcess(scale: scale) }
            var server: ServerFigures?
            if !options.skipTCP {
                server = try runner.step("\(scale)×: questions over TCP") {
                    try withServer(scale: scale, timing: timing) { tcp, threads, resident in
                        let questions = try questionLoads(tcp, mix: mix)
                        return ServerFigures(
                            eventLoopThreads: threads, residentMegabytesAfterLoad: resident,
                            residentMegabytesAfterTests: Double(tcp.server.residentBytes ?? 0) / 1_048_576, questions: questions
                        )
                    }
                }
            }
            scales.append(ScaleFigures(scale: scale, inProcess: inProcess, server: server))
        }
        var cluster: ClusterFigures?
        if !options.skipTCP, !options.skipCluster {
            cluster = try runner.step("cluster: one instance (memory store), then three behind HAProxy (Redis store)") {
                try self.cluster(mix: mix, timing: timing)
            }
        }
        var ping: PingFigures?
        var idle: IdleFigures?
        if !options.skipTCP {
            ping = try runner.step("PING, our server and redis-server, shape by shape") { try pings(timing: timing) }
            if options.idleConnections > 0 {
                // A fresh server, so that its memory before the test is that of a server that has just loaded.
                idle = try runner.step("holding \(Format.count(options.idleConnections)) idle connections") {
                    try withServer(scale: 1, timing: timing) { tcp, _, _ in try tcp.idle(connections: options.idleConnections) }
                }
            }
        }
        let report = Report(
            date: date, command: (["thutuc-bench"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            machine: .current(), loadAverage: runner.loadAverages,
            otherProcessesCPUPercent: account.othersPercent(), steps: runner.steps, quick: options.quick,
            questionSources: mix.sources, questionsPerPass: mix.turnCount, scales: scales, cluster: cluster, ping: ping, idle: idle,
            targets: TargetVerdict.judge(scales: scales, cluster: cluster, ping: ping, idle: idle)
        )
        print(ReportTable.render(report))
        try report.write(to: options.output)
        print("\nwritten: \(options.output)")
    }

    /// Closed loops at 1, 100 and 1,000 connections, each one at a time and
    /// pipelined 16 deep, then the open loop at 1,000 connections × 1/s.
    private func questionLoads(_ tcp: TCPBenchmark, mix: QuestionMix) throws -> [LoadResult] {
        let source = RequestSource.questions(mix.dialogues.map { $0.map(\.q) })
        var results: [LoadResult] = []
        for connections in [1, 100, 1_000] {
            for depth in [1, 16] {
                results.append(try tcp.closedLoop(source, connections: connections, depth: depth))
                tcp.settle()
            }
        }
        results.append(try tcp.openLoop(source, connections: 1_000, rate: 1))
        tcp.settle()
        return results
    }

    /// PING at 1, 100 and 1,000 connections, one at a time and 16 deep
    /// (quick: 100 connections, one at a time), to our server and to
    /// redis-server alternately, shape by shape, so that a busy neighbour
    /// disturbs both alike.
    private func pings(timing: TCPBenchmark.Timing) throws -> PingFigures {
        try withServer(scale: 1, timing: timing) { ours, _, _ in
            let redis = options.skipRedis ? nil : try RedisServer.start(maxClients: 2_000)
            defer { redis?.stop() }
            let reference = redis.map {
                TCPBenchmark(port: $0.port, server: ProcessStats(pid: $0.process.pid), greetingLines: 0, timing: timing)
            }
            let status = options.skipRedis ? "skipped (--skip-redis)" : reference == nil ? "not installed, skipped" : "measured"
            var figures = PingFigures(ours: [], redis: reference == nil ? nil : [], redisStatus: status)
            let shapes = options.quick ? [(100, 1)] : [(1, 1), (1, 16), (100, 1), (100, 16), (1_000, 1), (1_000, 16)]
            for (connections, depth) in shapes {
                figures.ours.append(try ours.closedLoop(.ping, connections: connections, depth: depth))
                ours.settle()
                if let reference {
                    figures.redis?.append(try reference.closedLoop(.redisPing, connections: connections, depth: depth))
                    reference.settle()
                }
            }
            return figures
        }
    }

    /// Runs the measuring child for `scale` and decodes what it prints.
    private func measureInProcess(scale: Int) throws -> InProcessFigures {
        let child = try ChildProcess.bench(options.childArguments(role: .measure, scale: scale))
        let output = child.readToEnd()
        let status = child.wait()
        guard status == 0 else { throw BenchError.child("the measuring child for \(scale)× exited with status \(status)") }
        return try JSONDecoder().decode(InProcessFigures.self, from: Data(output))
    }

    /// Starts the server child for `scale`, runs `body` against it (with the
    /// server's event-loop threads and resident megabytes), and stops it.
    func withServer<T>(scale: Int, timing: TCPBenchmark.Timing, _ body: (TCPBenchmark, Int, Double) throws -> T) throws -> T {
        let child = try ChildProcess.bench(options.childArguments(role: .server, scale: scale) + ["--idle", String(options.idleConnections)])
        defer {
            child.closeInput()
            child.wait()
        }
        let (port, threads) = try Self.listening(child, scale: scale)
        let stats = ProcessStats(pid: child.pid)
        let resident = Double(stats.residentBytes ?? 0) / 1_048_576
        return try body(TCPBenchmark(port: port, server: stats, greetingLines: 1, timing: timing), threads, resident)
    }

    /// The port and threads a server child reports once it listens:
    /// "listening on 127.0.0.1:PORT THREADS".
    static func listening(_ child: ChildProcess, scale: Int) throws -> (port: Int, threads: Int) {
        guard let line = child.readLine(), line.hasPrefix("listening on "),
              let address = line.split(separator: " ").dropFirst(2).first, let port = address.split(separator: ":").last.flatMap({ Int($0) }),
              let threads = line.split(separator: " ").last.flatMap({ Int($0) })
        else { throw BenchError.child("the server child for \(scale)× did not report its port") }
        return (port, threads)
    }

    /// The generator holds as many sockets as the server; the default soft limit (often 1,024) is far too low.
    private func raiseOpenFileLimit() {
        var limits = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits) == 0, limits.rlim_cur < limits.rlim_max else { return }
        limits.rlim_cur = limits.rlim_max
        if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits) != 0 {
            StepRunner.note("could not raise the open-file limit to \(limits.rlim_max)")
        }
    }
}
