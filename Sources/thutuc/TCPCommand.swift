@preconcurrency import Glibc
import ThuTucServer

/// Runs the TCP server until SIGINT or SIGTERM; SIGHUP reloads the knowledge.
enum TCPCommand {
    static func serve(handler: ProtocolHandler) throws -> Int32 {
        // Installed before the listening line, so that a signal sent as soon
        // as a test reads it is caught rather than killing the process.
        let signals = try SignalWatcher([.interrupt, .terminate, .hangup])
        let server = try TCPServer.start(handler: handler)
        fputs("thutuc: listening on \(server.address) (\(server.threadCount) threads)\n", stderr)
        var running = true
        while running {
            for signal in signals.next() {
                switch signal {
                case .interrupt, .terminate:
                    running = false
                case .hangup where running:
                    reload(handler.service)
                case .hangup:
                    break
                }
            }
        }
        server.stop()
        server.wait()
        return 0
    }

    /// Runs on this thread while the loops keep answering with the old knowledge.
    private static func reload(_ service: Service) {
        do {
            try service.reload()
        } catch {
            service.log.note("reload rejected, still serving the previous knowledge: \(error)")
        }
    }
}
