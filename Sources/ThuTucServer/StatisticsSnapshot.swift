/// The server's figures at one moment: what `STATS` prints as `key: value`
/// lines (like Redis's INFO) and `/metrics` in the Prometheus text format.
public struct StatisticsSnapshot: Sendable {
    public var version: String
    public var uptimeSeconds: Double
    public var knowledge: KnowledgeFacts
    public var connectionsCurrent: Int
    /// Connections accepted since start (refused ones not included).
    public var connectionsTotal: Int
    /// Connections turned away with `503` because `maxConnections` were open.
    public var connectionsRefused: Int
    /// Conversations held in this process; nil with the Redis store, which the instances share.
    public var sessions: Int?
    /// What the Redis store reports about itself (state, reads, faults…); nil in memory.
    public var sessionStore: SessionStoreStatistics?
    public var answered: Int
    public var clarify: Int
    public var fallback: Int
    public var commands: Int
    public var errors: [RequestErrorKind: Int]
    /// Time spent on all questions since start.
    public var questionSeconds: Double
    /// Questions answered in the last minute, and their median and 99th percentile times.
    public var lastMinuteAnswers: Int
    public var lastMinuteP50: Double?
    public var lastMinuteP99: Double?
    public var reloadsAccepted: Int
    public var reloadsRejected: Int

    /// Questions of every outcome since start.
    public var questions: Int { answered + clarify + fallback }

    public var errorCount: Int { errors.values.reduce(0, +) }

    /// One `STATS` value: a number or a text.
    public enum Value: Sendable, Equatable {
        case integer(Int)
        case decimal(Double?)
        case text(String?)

        /// As `STATS` prints it; a missing figure is "-".
        public var rendered: String {
            switch self {
            case .integer(let value): String(value)
            case .decimal(let value?): Self.fixed(value, digits: 3)
            case .text(let value?): value
            case .decimal(nil), .text(nil): "-"
            }
        }

        static func fixed(_ value: Double, digits: Int) -> String {
            let scale = (0..<digits).reduce(1.0) { result, _ in result * 10 }
            let scaled = Int((value * scale).rounded())
            let whole = String(scaled / Int(scale))
            let fraction = String(scaled % Int(scale))
            return whole + "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
    }

    /// `STATS` in sections: each a title and its `key: value` pairs.
    public var sections: [(title: String, entries: [(key: String, value: Value)])] {
        [
            ("Server", [("version", .text(version)), ("uptime_seconds", .integer(Int(uptimeSeconds)))]),
            ("Knowledge", [
                ("knowledge_retrieved", .text(knowledge.retrieved)), ("procedures", .integer(knowledge.procedures)),
                ("overlays", .integer(knowledge.overlays)),
            ]),
            ("Clients", [
                ("connections_current", .integer(connectionsCurrent)), ("connections_total", .integer(connectionsTotal)),
                ("connections_refused", .integer(connectionsRefused)), ("sessions", sessions.map { .integer($0) } ?? .text(nil)),
            ]),
            ("Requests", [
                ("requests_answered", .integer(answered)), ("requests_clarify", .integer(clarify)),
                ("requests_fallback", .integer(fallback)), ("requests_commands", .integer(commands)),
                ("requests_errors", .integer(errorCount)),
            ] + RequestErrorKind.allCases.map { ("errors_\($0.rawValue)", .integer(errors[$0] ?? 0)) }),
            ("Latency", [
                ("answers_last_minute", .integer(lastMinuteAnswers)),
                ("answer_p50_ms", .decimal(lastMinuteP50.map { $0 * 1000 })),
                ("answer_p99_ms", .decimal(lastMinuteP99.map { $0 * 1000 })),
            ]),
            ("Reloads", [("reloads_ok", .integer(reloadsAccepted)), ("reloads_rejected", .integer(reloadsRejected))]),
        ] + (sessionStore.map { [("Session store", $0.entries)] } ?? [])
    }

    /// The `STATS` reply text: "# Section" lines, then "key: value" lines.
    public var infoText: String {
        sections.map { section in
            (["# \(section.title)"] + section.entries.map { "\($0.key): \($0.value.rendered)" }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
