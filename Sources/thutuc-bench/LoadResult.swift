/// The outcome of one load test against one server.
struct LoadResult: Codable, Sendable {
    /// What was sent ("questions", "ping").
    var request: String
    var connections: Int
    /// Connections that completed the handshake (and greeting).
    var connected: Int
    /// Requests each connection keeps in flight (closed loop); nil for an open loop.
    var pipelineDepth: Int?
    /// Requests per second each connection sends (open loop); nil for a closed loop.
    var ratePerConnection: Double?
    /// Good replies received in the measured window.
    var answered: Int
    /// Error replies, notices, and connections lost in the window.
    var failed: Int
    var seconds: Double
    var answeredPerSecond: Double
    /// From the request's send to its reply's arrival, for replies in the window.
    var latency: LatencySummary
    /// Open loop: how late the generator sent against its schedule (p99).
    var scheduleLagP99Microseconds: Double?
    /// CPU used in the window, in % of one core (200% is both cores).
    var serverCPUPercent: Double?
    var generatorCPUPercent: Double?
    /// Whether the generator ran under `SCHED_BATCH` (see ``ThreadPolicy``);
    /// nil for an open loop, which never does.
    var generatorBatch: Bool?

    /// Server CPU time per good reply, in µs: a comparison of efficiency that
    /// holds when the load generator, not the server, limits the rate.
    var serverCPUMicrosecondsPerAnswer: Double? {
        guard let percent = serverCPUPercent, answeredPerSecond > 0 else { return nil }
        return percent / 100 * 1e6 / answeredPerSecond
    }
}
