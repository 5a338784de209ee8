extension Benchmark {
    /// Connections in both loads, and each one's rate in the open loop.
    static let clusterConnections = 100
    static let clusterOpenLoopRate = 10.0

    /// One server child with the memory store, then three with the Redis
    /// store behind HAProxy (Config/haproxy.cfg), each under the same loads:
    /// a closed loop at 100 connections, one question at a time (what it can
    /// answer); one connection pipelining 16 deep; and an open loop of 10
    /// questions a second on each of 100 connections (what a turn costs in
    /// latency). The cluster shares the two cores with Redis,
    /// HAProxy and the generator: the point is the cost of the store and the
    /// hop, not more throughput.
    func cluster(mix: QuestionMix, timing: TCPBenchmark.Timing) throws -> ClusterFigures {
        if options.skipRedis { return ClusterFigures(status: "skipped (--skip-redis)") }
        guard ChildProcess.find("haproxy") != nil else { return ClusterFigures(status: "haproxy not installed, skipped") }
        guard let redis = try RedisServer.start(maxClients: 2_000) else { return ClusterFigures(status: "redis-server not installed, skipped") }
        defer { redis.stop() }
        let source = RequestSource.questions(mix.dialogues.map { $0.map(\.q) })
        var figures = ClusterFigures(status: "measured", instances: 3)
        figures.single = try withServer(scale: 1, timing: timing) { tcp, _, _ in try clusterLoads(tcp, source) }
        let children = try (0..<figures.instances).map { _ in
            try ChildProcess.bench(options.childArguments(role: .server, scale: 1) + ["--idle", "0", "--redis-port", String(redis.port)])
        }
        defer {
            for child in children {
                child.closeInput()
                child.wait()
            }
        }
        let ports = try children.map { try Self.listening($0, scale: 1).port }
        guard let proxy = try HAProxyServer.start(backends: ports) else { return ClusterFigures(status: "haproxy not installed, skipped") }
        defer { proxy.stop() }
        let parts = ["instances": ProcessStats(pids: children.map(\.pid)), "haproxy": ProcessStats(pid: proxy.process.pid), "redis": ProcessStats(pid: redis.process.pid)]
        let tcp = TCPBenchmark(port: proxy.port, server: ProcessStats(pids: parts.values.flatMap(\.pids)), greetingLines: 1, timing: timing)
        let before = parts.mapValues { $0.cpuSeconds ?? 0 }
        let start = MonotonicTime.now()
        let closed = try tcp.closedLoop(source, connections: Self.clusterConnections, depth: 1)
        let seconds = MonotonicTime.seconds(from: start, to: MonotonicTime.now())
        figures.clusterCPUPercent = parts.reduce(into: [:]) { shares, part in
            shares[part.key] = ((part.value.cpuSeconds ?? 0) - (before[part.key] ?? 0)) / seconds * 100
        }
        tcp.settle()
        figures.cluster = [closed] + (try clusterLoads(tcp, source, closed: false))
        return figures
    }

    /// The closed loop at 100 connections (unless `closed` is false, when
    /// the caller measured it), one connection pipelining 16 deep (a gateway
    /// multiplexing its users on one connection, whose turns wait for one
    /// another), and the open loop.
    private func clusterLoads(_ tcp: TCPBenchmark, _ source: RequestSource, closed: Bool = true) throws -> [LoadResult] {
        var results: [LoadResult] = []
        if closed {
            results.append(try tcp.closedLoop(source, connections: Self.clusterConnections, depth: 1))
            tcp.settle()
        }
        results.append(try tcp.closedLoop(source, connections: 1, depth: 16))
        tcp.settle()
        results.append(try tcp.openLoop(source, connections: Self.clusterConnections, rate: Self.clusterOpenLoopRate))
        tcp.settle()
        return results
    }
}
