@preconcurrency import Glibc
import CEpoll

/// Why a Redis command got no reply: the connection is down, was lost, or
/// Redis did not answer in time.
struct RedisFailure: Error, CustomStringConvertible {
    let reason: String

    var description: String { reason }
}

/// One event loop's connection to Redis, confined to the loop's thread and
/// registered with the loop's epoll like a client connection.
///
/// Commands are pipelined: ``send(_:now:then:)`` queues the command and its
/// completion, ``flush()`` (once per loop pass) writes everything queued in
/// one go, and replies complete the commands in order. Nothing ever waits
/// on Redis: while the connection is down a command fails at once, and a
/// command not answered within the timeout (or a connection not made within
/// it) brings the connection down, failing everything queued, so that no
/// turn waits longer than the timeout. A connection that is down is tried
/// again after a back-off that doubles from 0.1 s up to 2 s.
final class RedisConnection {
    typealias Completion = (Result<RESPValue, RedisFailure>) -> Void

    static let initialBackoff = 0.1
    static let maximumBackoff = 2.0

    private enum State {
        /// No socket; the next attempt is due at `retryAt`.
        case down(retryAt: Double)
        /// connect() in progress; queued commands go out once it completes.
        case connecting(deadline: Double)
        case connected
    }

    private struct Pending {
        let deadline: Double
        let completion: Completion
    }

    private let address: Listener.Address
    /// Sent first on every new socket (AUTH, SELECT, PING); the PING's reply
    /// marks the connection up.
    private let handshake: [[UInt8]]
    private let timeout: Double
    private let epoll: Int32
    private let token: UInt64
    private let health: RedisStoreHealth
    private let healthIndex: Int
    private var fd: Int32 = -1
    private var state = State.down(retryAt: -.infinity)
    private var writable = false
    private var output = OutputBuffer()
    private var reader = RESPReader()
    /// Commands sent or queued, oldest first, from `pendingHead` on.
    private var pending: [Pending] = []
    private var pendingHead = 0
    private var backoff = initialBackoff

    init(address: Listener.Address, handshake: [[UInt8]], timeout: Double, epoll: Int32, token: UInt64, health: RedisStoreHealth) {
        self.address = address
        self.handshake = handshake
        self.timeout = timeout
        self.epoll = epoll
        self.token = token
        self.health = health
        self.healthIndex = health.register()
    }

    /// Connects now (the loop calls this before serving, so that the first
    /// turns wait for the connection instead of finding it down).
    func start(now: Double) {
        connect(now: now)
    }

    /// Queues `command`; `then` runs on this thread with the reply, or at
    /// once with a failure when the connection is down.
    func send(_ command: [UInt8], now: Double, then completion: @escaping Completion) {
        if case .down = state {
            completion(.failure(RedisFailure(reason: "not connected")))
            return
        }
        output.append(command)
        pending.append(Pending(deadline: now + timeout, completion: completion))
    }

    /// Writes the queued commands, if the socket takes them.
    func flush(now: Double) {
        guard case .connected = state else { return }
        while writable, !output.isEmpty {
            switch output.send(to: fd) {
            case .transferred: continue
            case .wouldBlock: writable = false
            case .endOfStream: fault("connection closed by Redis", now: now)
            case .failed(let code): fault("send: \(String(cString: strerror(code)))", now: now)
            }
        }
    }

    /// The soonest time ``tick(now:)`` has something to do.
    var nextDeadline: Double? {
        switch state {
        case .down(let retryAt): retryAt
        case .connecting(let deadline): min(deadline, oldestDeadline ?? deadline)
        case .connected: oldestDeadline
        }
    }

    /// Reconnects when due, and brings the connection down when Redis is too slow.
    func tick(now: Double) {
        switch state {
        case .down(let retryAt):
            if now >= retryAt { connect(now: now) }
        case .connecting(let deadline):
            if now >= deadline { fault("no connection within \(Self.milliseconds(timeout)) ms", timedOut: true, now: now) }
        case .connected:
            if let oldest = oldestDeadline, now >= oldest {
                fault("no reply within \(Self.milliseconds(timeout)) ms", timedOut: true, now: now)
            }
        }
    }

    /// Readiness reported by epoll for this connection's token.
    func handle(events: UInt32, now: Double, scratch: UnsafeMutableRawBufferPointer) {
        switch state {
        case .down:
            // An event raised before the socket was closed.
            return
        case .connecting:
            guard events & (CEPOLL_OUT | CEPOLL_ERR | CEPOLL_HUP) != 0 else { return }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 else {
                fault("connect: \(String(cString: strerror(error)))", now: now)
                return
            }
            state = .connected
            writable = true
        case .connected:
            if events & (CEPOLL_OUT | CEPOLL_ERR | CEPOLL_HUP) != 0 { writable = true }
        }
        if events & (CEPOLL_IN | CEPOLL_RDHUP | CEPOLL_HUP | CEPOLL_ERR) != 0 {
            receive(now: now, scratch: scratch, untilEnd: events & (CEPOLL_RDHUP | CEPOLL_HUP | CEPOLL_ERR) != 0)
        }
        flush(now: now)
    }

    /// Closes the socket and fails what is queued, for the loop's end.
    func close() {
        let failed = takePending()
        closeSocket()
        state = .down(retryAt: .infinity)
        health.unregister(healthIndex)
        for command in failed { command.completion(.failure(RedisFailure(reason: "server stopping"))) }
    }

    // MARK: Connecting

    private func connect(now: Double) {
        let socket = cepoll_stream_socket(address.family)
        guard socket >= 0 else {
            fault("socket: \(String(cString: strerror(errno)))", now: now)
            return
        }
        fd = socket
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            fault("O_NONBLOCK: \(String(cString: strerror(errno)))", now: now)
            return
        }
        Socket.disableNagle(fd)
        let result = withUnsafePointer(to: address.storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, address.length) }
        }
        guard result == 0 || errno == EINPROGRESS else {
            fault("connect: \(String(cString: strerror(errno)))", now: now)
            return
        }
        guard cepoll_ctl(epoll, EPOLL_CTL_ADD, fd, CEPOLL_IN | CEPOLL_OUT | CEPOLL_RDHUP | CEPOLL_ET, token) == 0 else {
            fault("epoll_ctl: \(String(cString: strerror(errno)))", now: now)
            return
        }
        state = .connecting(deadline: now + timeout)
        writable = false
        health.connecting(healthIndex)
        for (index, command) in handshake.enumerated() {
            let isLast = index == handshake.count - 1
            // The handshake's replies come first, before any queued turn's.
            output.append(command)
            pending.append(Pending(deadline: now + timeout) { [unowned self] result in
                switch result {
                case .success(.error(let message)):
                    fault("Redis refused the handshake: \(message)", now: MonotonicClock.seconds())
                case .success where isLast:
                    backoff = Self.initialBackoff
                    health.up(healthIndex, now: MonotonicClock.seconds())
                case .success, .failure:
                    break
                }
            })
        }
    }

    // MARK: Replies

    private func receive(now: Double, scratch: UnsafeMutableRawBufferPointer, untilEnd: Bool) {
        while case .connected = state {
            switch Socket.receive(fd, into: scratch) {
            case .transferred(let count):
                reader.append(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                completeReplies(now: now)
                // A short read emptied the socket; later data raises a new edge.
                if count < scratch.count, !untilEnd { return }
            case .wouldBlock:
                return
            case .endOfStream:
                fault("connection closed by Redis", now: now)
            case .failed(let code):
                fault("receive: \(String(cString: strerror(code)))", now: now)
            }
        }
    }

    private func completeReplies(now: Double) {
        while case .connected = state {
            let reply: RESPValue
            do {
                guard let next = try reader.next() else { return }
                reply = next
            } catch {
                fault(error.description, now: now)
                return
            }
            guard pendingHead < pending.count else {
                fault("a reply nobody asked for", now: now)
                return
            }
            let command = pending[pendingHead]
            pendingHead += 1
            if pendingHead == pending.count {
                pending.removeAll(keepingCapacity: true)
                pendingHead = 0
            }
            command.completion(.success(reply))
        }
    }

    // MARK: Faults

    /// Closes the socket, fails everything queued, and schedules the next attempt.
    private func fault(_ reason: String, timedOut: Bool = false, now: Double) {
        let failed = takePending()
        closeSocket()
        state = .down(retryAt: now + backoff * Double.random(in: 0.8...1.2))
        backoff = min(backoff * 2, Self.maximumBackoff)
        health.down(healthIndex, reason: reason, timedOut: timedOut, now: now)
        for command in failed { command.completion(.failure(RedisFailure(reason: reason))) }
    }

    private var oldestDeadline: Double? {
        pendingHead < pending.count ? pending[pendingHead].deadline : nil
    }

    private func takePending() -> ArraySlice<Pending> {
        defer {
            pending.removeAll()
            pendingHead = 0
        }
        return pending[pendingHead...]
    }

    private func closeSocket() {
        if fd >= 0 { Socket.close(fd) }
        fd = -1
        writable = false
        output = OutputBuffer()
        reader = RESPReader()
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        Int((seconds * 1000).rounded())
    }
}
