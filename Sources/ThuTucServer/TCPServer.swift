@preconcurrency import Glibc
import CEpoll
import Dispatch
import Foundation

/// The line protocol over TCP: POSIX sockets and one epoll event loop per
/// thread, each on its own dedicated thread.
///
/// The first loop owns the listening sockets, accepts, and hands each socket
/// to the loop with the fewest connections through that loop's inbox and
/// eventfd; a connection then stays on its loop, and its requests are answered
/// inline, in arrival order. See ``LoopWorker`` for the epoll discipline and
/// ``Connection`` for back-pressure and timeouts.
public final class TCPServer: Sendable {
    /// The configured host the listeners were bound for.
    public let host: String
    /// The port actually bound: the configured one, or the ephemeral port the
    /// kernel picked when the configuration said 0.
    public let port: Int
    public let threadCount: Int
    /// The Prometheus endpoint, when the configuration asks for one (`metricsPort`).
    public let metrics: MetricsServer?
    private let context: ServerContext
    private let running: DispatchGroup

    /// Binds, starts the loops and returns at once; the server runs until ``stop()``.
    ///
    /// Also ignores SIGPIPE for the process (sends use MSG_NOSIGNAL as well)
    /// and raises the open-file soft limit to the hard limit. The
    /// configuration is validated again here, so that one built in code
    /// cannot open a non-loopback port without a token.
    public static func start(handler: ProtocolHandler) throws(ServerError) -> TCPServer {
        let configuration = handler.service.configuration
        do {
            try configuration.validate(source: "configuration")
        } catch {
            throw .unsafeConfiguration(error)
        }
        guard cepoll_ignore_sigpipe() == 0 else { throw .system(call: "signal(SIGPIPE)", errno: errno) }
        do {
            try FileDescriptorLimit.raiseToHardLimit()
        } catch {
            handler.service.log.note("keeping the open-file limit: \(error)")
        }
        let threads = configuration.threads > 0 ? configuration.threads : max(1, ProcessInfo.processInfo.activeProcessorCount)
        var redis: (store: RedisSessionStore, address: Listener.Address)?
        if case .redis(let store) = handler.service.sessions {
            redis = (store, try store.resolve())
            handler.service.log.note("sessions: in \(store.url) under '\(store.prefix)', \(configuration.sessions.timeoutMilliseconds) ms timeout")
        }
        let listeners = try Listener.open(host: configuration.host, port: configuration.port)
        var loops: [EventLoop] = []
        do throws(ServerError) {
            for index in 0..<threads { loops.append(try EventLoop(index: index, statistics: handler.service.statistics.makeShard())) }
            for (index, listener) in listeners.enumerated() { try loops[0].watch(listener: listener, index: index) }
        } catch {
            for listener in listeners { Socket.close(listener.fd) }
            throw error
        }
        let metrics: MetricsServer?
        do throws(ServerError) {
            let service = handler.service
            metrics = try configuration.metricsPort.map { port throws(ServerError) in
                try MetricsServer(host: configuration.metricsHost, port: port) { service.statisticsSnapshot().prometheusText }
            }
        } catch {
            for listener in listeners { Socket.close(listener.fd) }
            throw error
        }
        let context = ServerContext(handler: handler, loops: loops, redis: redis)
        let server = TCPServer(host: configuration.host, port: listeners[0].port, context: context, metrics: metrics)
        for loop in loops {
            let owned = loop.index == 0 ? listeners : []
            server.running.enter()
            let thread = Thread { [running = server.running] in
                LoopWorker(loop: loop, context: context, listeners: owned).run()
                running.leave()
            }
            thread.name = "thutuc-loop-\(loop.index)"
            thread.start()
        }
        return server
    }

    private init(host: String, port: Int, context: ServerContext, metrics: MetricsServer?) {
        self.host = host
        self.port = port
        self.threadCount = context.loops.count
        self.context = context
        self.metrics = metrics
        self.running = DispatchGroup()
    }

    deinit {
        stop()
    }

    /// "HOST:PORT", with an IPv6 host in brackets.
    public var address: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Connections open now, across all loops.
    public var openConnections: Int {
        context.connections.current
    }

    /// Starts a graceful stop and returns: listeners close, no further
    /// requests are read, pending replies get about a second to drain, then
    /// every connection closes; the metrics endpoint closes at once. Calling
    /// it again does nothing more.
    public func stop() {
        for loop in context.loops { loop.requestStop() }
        metrics?.stop()
    }

    /// Blocks until every loop has ended.
    public func wait() {
        running.wait()
    }
}
