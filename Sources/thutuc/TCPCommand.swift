@preconcurrency import Glibc
import ThuTucServer

/// Runs the TCP server until SIGINT or SIGTERM; SIGHUP reloads the knowledge.
enum TCPCommand {
    static func serve(handler: ProtocolHandler) throws -> Int32 {
        // Installed before the listening line, so that a signal sent as soon
        // as a test reads it is caught rather than killing the process.
        let signals = try SignalWatcher([.interrupt, .terminate, .hangup])
        let server = try TCPServer.start(handler: handler)
        let service = handler.service
        let knowledge = KnowledgeFacts(service.assistant.knowledge)
        announce("thutuc: listening on \(server.address) (\(server.threadCount) threads; knowledge \(knowledge.directory), \(knowledge.summary))", service)
        if let metrics = server.metrics { announce("thutuc: metrics on \(metrics.url)", service) }
        var running = true
        while running {
            for signal in signals.next() {
                switch signal {
                case .interrupt, .terminate:
                    running = false
                case .hangup where running:
                    // On this thread, while the loops keep answering with the old knowledge.
                    _ = service.reloadAndLog(trigger: "SIGHUP")
                case .hangup:
                    break
                }
            }
        }
        server.stop()
        server.wait()
        let figures = service.statisticsSnapshot()
        let requests = figures.questions + figures.commands + figures.errorCount
        announce("thutuc: stopped after \(duration(figures.uptimeSeconds)); \(requests) requests served (\(figures.questions) questions)", service)
        return 0
    }

    /// A start or stop line: on standard error, where tests and systemd read it,
    /// and in the request log too when that is a file.
    private static func announce(_ line: String, _ service: Service) {
        fputs(line + "\n", stderr)
        if service.configuration.log != nil { service.log.note(line) }
    }

    /// "2h03m04s", "5m00s" or "12s".
    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds)
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        if hours > 0 { return "\(hours)h\(two(minutes))m\(two(rest))s" }
        if minutes > 0 { return "\(minutes)m\(two(rest))s" }
        return "\(rest)s"
    }
}
