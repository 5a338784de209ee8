@preconcurrency import Glibc
import Foundation

/// Runs every measurement, each scale in fresh child processes, then prints
/// the table and writes the JSON report.
///
/// Per scale: a measuring child loads, indexes and asks in process (so its
/// memory is that scale's alone); then a server child serves the same
/// catalogue over TCP while this process, on its own thread, is the load
/// generator. On the first scale it also sends PING, holds the idle
/// connections and, when installed, measures redis-server the same way.
struct Benchmark {
    let options: BenchOptions

    func run() throws {
        raiseOpenFileLimit()
        let account = CPUAccount()
        var loads = [Machine.loadAverage()]
        let date = ISO8601DateFormatter().string(from: Date())
        let mix = try QuestionMix(required: options.questions, optional: options.sharedQuestions)
        let timing = options.quick ? TCPBenchmark.Timing.quick : .full
        var scales: [ScaleFigures] = []
        var ping: PingFigures?
        var idle: IdleFigures?
        for (position, scale) in options.effectiveScales.enumerated() {
            note("\(scale)×: load, index and questions in process")
            let inProcess = try measureInProcess(scale: scale)
            loads.append(Machine.loadAverage())
            var server: ServerFigures?
            if !options.skipTCP {
                try withServer(scale: scale, timing: timing) { tcp, threads, resident in
                    note("\(scale)×: questions over TCP")
                    let questions = try questionLoads(tcp, mix: mix)
                    server = ServerFigures(
                        eventLoopThreads: threads, residentMegabytesAfterLoad: resident,
                        residentMegabytesAfterTests: Double(tcp.server.residentBytes ?? 0) / 1_048_576, questions: questions
                    )
                    loads.append(Machine.loadAverage())
                    guard position == 0 else { return }
                    note("PING over TCP")
                    ping = PingFigures(ours: try pingLoads(tcp, source: .ping), redis: nil, redisStatus: "skipped (--skip-redis)")
                    loads.append(Machine.loadAverage())
                }
                // A fresh server, so that its memory before the test is that of a server that has just loaded.
                if position == 0, options.idleConnections > 0 {
                    try withServer(scale: scale, timing: timing) { tcp, _, _ in
                        note("holding \(Format.count(options.idleConnections)) idle connections")
                        idle = try tcp.idle(connections: options.idleConnections)
                    }
                }
            }
            scales.append(ScaleFigures(scale: scale, inProcess: inProcess, server: server))
        }
        if ping != nil, !options.skipRedis {
            note("PING to redis-server")
            if let redis = try RedisServer.start(maxClients: 2_000) {
                defer { redis.stop() }
                let tcp = TCPBenchmark(port: redis.port, server: ProcessStats(pid: redis.process.pid), greetingLines: 0, timing: timing)
                ping?.redis = try pingLoads(tcp, source: .redisPing)
                ping?.redisStatus = "measured"
            } else {
                ping?.redisStatus = "not installed, skipped"
            }
            loads.append(Machine.loadAverage())
        }
        loads.append(Machine.loadAverage())
        let report = Report(
            date: date, command: (["swift run -c release thutuc-bench"] + CommandLine.arguments.dropFirst()).joined(separator: " "),
            machine: .current(), loadAverage: [loads[0], loads.max() ?? 0, loads[loads.count - 1]],
            otherProcessesCPUPercent: account.othersPercent(), quick: options.quick,
            questionSources: mix.sources, questionsPerPass: mix.turnCount, scales: scales, ping: ping, idle: idle,
            targets: TargetVerdict.judge(scales: scales, ping: ping, idle: idle)
        )
        print(ReportTable.render(report))
        try report.write(to: options.output)
        print("\nwritten: \(options.output)")
    }

    /// Closed loops at 1, 100 and 1,000 connections, each one at a time and
    /// pipelined 16 deep, then the open loop at 1,000 connections × 1/s.
    private func questionLoads(_ tcp: TCPBenchmark, mix: QuestionMix) throws -> [LoadResult] {
        let source = RequestSource.questions(mix.turns.map(\.q))
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

    /// PING at 1, 100 and 1,000 connections, one at a time and 16 deep (quick: 100 connections, one at a time).
    private func pingLoads(_ tcp: TCPBenchmark, source: RequestSource) throws -> [LoadResult] {
        let shapes = options.quick ? [(100, 1)] : [(1, 1), (1, 16), (100, 1), (100, 16), (1_000, 1), (1_000, 16)]
        var results: [LoadResult] = []
        for (connections, depth) in shapes {
            results.append(try tcp.closedLoop(source, connections: connections, depth: depth))
            tcp.settle()
        }
        return results
    }

    /// Runs the measuring child for `scale` and decodes what it prints.
    private func measureInProcess(scale: Int) throws -> InProcessFigures {
        let child = try ChildProcess.bench(options.childArguments(role: .measure, scale: scale))
        let output = child.readToEnd()
        let status = child.wait()
        guard status == 0 else { throw BenchError.child("the measuring child for \(scale)× exited with status \(status)") }
        return try JSONDecoder().decode(InProcessFigures.self, from: Data(output))
    }

    /// Starts the server child for `scale`, runs `body` against it, and stops it.
    private func withServer(scale: Int, timing: TCPBenchmark.Timing, _ body: (TCPBenchmark, Int, Double) throws -> Void) throws {
        let child = try ChildProcess.bench(options.childArguments(role: .server, scale: scale) + ["--idle", String(options.idleConnections)])
        defer {
            child.closeInput()
            child.wait()
        }
        // "listening on 127.0.0.1:PORT THREADS"
        guard let line = child.readLine(), line.hasPrefix("listening on "),
              let address = line.split(separator: " ").dropFirst(2).first, let port = address.split(separator: ":").last.flatMap({ Int($0) }),
              let threads = line.split(separator: " ").last.flatMap({ Int($0) })
        else { throw BenchError.child("the server child for \(scale)× did not report its port") }
        let stats = ProcessStats(pid: child.pid)
        let resident = Double(stats.residentBytes ?? 0) / 1_048_576
        try body(TCPBenchmark(port: port, server: stats, greetingLines: 1, timing: timing), threads, resident)
    }

    /// The generator holds as many sockets as the server; the default soft limit (often 1,024) is far too low.
    private func raiseOpenFileLimit() {
        var limits = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits) == 0, limits.rlim_cur < limits.rlim_max else { return }
        limits.rlim_cur = limits.rlim_max
        if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits) != 0 {
            note("could not raise the open-file limit to \(limits.rlim_max)")
        }
    }

    private func note(_ message: String) {
        fputs("thutuc-bench: \(message)\n", stderr)
    }
}
