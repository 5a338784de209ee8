@preconcurrency import Glibc
import CEpoll
import Foundation

/// `GET /metrics` over plain HTTP/1.x on a listener of its own, for
/// Prometheus: one thread, one short request at a time, each connection
/// closed after its reply.
///
/// It is deliberately separate from the event loops: a scrape every few
/// seconds does not need them, and a stuck scraper can delay only other
/// scrapes, by at most ``ioTimeoutSeconds``, never a question.
public final class MetricsServer: Sendable {
    /// The port actually bound (the kernel's choice when the configuration said 0).
    public let port: Int
    public let host: String
    /// Longest wait for a request's bytes or for the client to take the reply.
    static let ioTimeoutSeconds = 2
    /// Longest request head read; anything longer gets 431.
    static let maxRequestBytes = 8192

    private let listeners: [Listener]
    private let stopFD: Int32
    private let finished = DispatchGroup()

    /// Binds `host`:`port` and starts serving what `render` returns.
    public init(host: String, port: Int, render: @escaping @Sendable () -> String) throws(ServerError) {
        let listeners = try Listener.open(host: host, port: port, backlog: 64)
        let stopFD = cepoll_eventfd(0)
        guard stopFD >= 0 else {
            let code = errno
            for listener in listeners { Socket.close(listener.fd) }
            throw .system(call: "eventfd", errno: code)
        }
        self.listeners = listeners
        self.stopFD = stopFD
        self.port = listeners[0].port
        self.host = host
        finished.enter()
        let thread = Thread { [listeners, stopFD, finished] in
            Self.serve(listeners: listeners, stopFD: stopFD, render: render)
            finished.leave()
        }
        thread.name = "thutuc-metrics"
        thread.start()
    }

    deinit {
        stop()
        Socket.close(stopFD)
    }

    /// "http://HOST:PORT/metrics".
    public var url: String {
        "http://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)/metrics"
    }

    /// Stops accepting and waits for the thread to end; calling it again does nothing.
    public func stop() {
        var one: UInt64 = 1
        _ = write(stopFD, &one, MemoryLayout<UInt64>.size)
        finished.wait()
    }

    private static func serve(listeners: [Listener], stopFD: Int32, render: @Sendable () -> String) {
        var watched = [pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)]
        watched += listeners.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        defer { for listener in listeners { Socket.close(listener.fd) } }
        while true {
            let ready = poll(&watched, nfds_t(watched.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if watched[0].revents != 0 { return }
            for index in 1..<watched.count where watched[index].revents != 0 {
                watched[index].revents = 0
                let client = accept(watched[index].fd, nil, nil)
                guard client >= 0 else { continue }
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                answer(client, render: render)
                Socket.close(client)
            }
        }
    }

    /// Reads one request head and sends the reply.
    private static func answer(_ client: Int32, render: @Sendable () -> String) {
        var timeout = timeval(tv_sec: ioTimeoutSeconds, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var head: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 2048)
        while !head.ends(with: [0x0D, 0x0A, 0x0D, 0x0A]), !head.ends(with: [0x0A, 0x0A]) {
            guard head.count < maxRequestBytes else {
                send(client, MetricsResponse.status(431, "Request Header Fields Too Large"))
                return
            }
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            head += chunk[0..<count]
        }
        send(client, MetricsResponse.reply(to: head, render: render))
    }

    private static func send(_ client: Int32, _ bytes: [UInt8]) {
        var remaining = bytes[...]
        while !remaining.isEmpty {
            // A blocking socket with a send timeout: anything but progress ends the reply.
            guard case .transferred(let sent) = remaining.withUnsafeBytes({ Socket.send(client, $0) }) else { return }
            remaining = remaining.dropFirst(sent)
        }
    }
}

private extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
