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
                    // On this thread, while the loops keep answering with the old knowledge.
                    _ = handler.service.reloadAndLog(trigger: "SIGHUP")
                case .hangup:
                    break
                }
            }
        }
        server.stop()
        server.wait()
        return 0
    }
}
