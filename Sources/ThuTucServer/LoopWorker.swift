@preconcurrency import Glibc
import CEpoll

/// One event loop's thread: waits on its epoll, accepts (on the loop that
/// owns the listeners), adopts handed-over sockets, runs connection turns,
/// scans for timeouts and carries out a graceful stop.
///
/// Connections are registered edge-triggered for input, output and peer
/// shutdown once, and never modified: back-pressure and fairness are
/// decided from the readiness each ``Connection`` remembers, which saves an
/// epoll_ctl per pause. Listeners and the wake eventfd are level-triggered.
final class LoopWorker {
    private let loop: EventLoop
    private let context: ServerContext
    /// The Redis session store and this loop's connection to it, when sessions are kept there.
    let sessions: (store: RedisSessionStore, link: RedisConnection)?
    private let limits: ConnectionLimits
    private var listeners: [Listener]
    private var connections: [UInt64: Connection] = [:]
    /// Connections with work left after their last turn, served in order.
    private var ready: [Connection] = []
    private let scratch: UnsafeMutableRawBufferPointer
    private var eventBits: [UInt32]
    private var eventTokens: [UInt64]
    /// Kept open so that, when descriptors run out, one can be freed to
    /// accept and refuse a client instead of spinning on a readable listener.
    private var spareFD: Int32
    private var stopDeadline: Double?
    private var lastAcceptErrorNote = -Double.infinity
    private let busyReply = ProtocolHandler.busy()

    init(loop: EventLoop, context: ServerContext, listeners: [Listener]) {
        self.loop = loop
        self.context = context
        self.limits = context.limits
        self.listeners = listeners
        self.scratch = .allocate(byteCount: context.limits.readChunkBytes, alignment: 16)
        self.eventBits = Array(repeating: 0, count: 256)
        self.eventTokens = Array(repeating: 0, count: 256)
        self.spareFD = listeners.isEmpty ? -1 : open("/dev/null", O_RDONLY | O_CLOEXEC)
        self.sessions = context.redis.map { redis in
            (redis.store, redis.store.connection(to: redis.address, epoll: loop.epoll, token: EventLoop.storeToken))
        }
    }

    deinit {
        scratch.deallocate()
    }

    /// Serves until a stop is requested and every connection is closed or
    /// the grace period is over.
    func run() {
        var now = MonotonicClock.seconds()
        var nextScan = now + limits.scanInterval
        sessions?.link.start(now: now)
        while true {
            let wakeAt = min(nextScan, stopDeadline ?? nextScan, sessions?.link.nextDeadline ?? nextScan)
            let timeout = ready.isEmpty ? Int32(max(0, ((wakeAt - now) * 1000).rounded(.up))) : 0
            let count = cepoll_wait(loop.epoll, &eventBits, &eventTokens, Int32(eventBits.count), timeout)
            if count < 0, errno != EINTR {
                // Only EBADF, EFAULT or EINVAL are left: a broken invariant, not a runtime condition.
                fatalError("epoll_wait on loop \(loop.index): \(ServerError.system(call: "epoll_wait", errno: errno))")
            }
            now = MonotonicClock.seconds()
            for index in 0..<max(0, Int(count)) {
                dispatch(token: eventTokens[index], events: eventBits[index], now: now)
            }
            runReadyConnections(now: now)
            if let link = sessions?.link {
                let passEnd = MonotonicClock.seconds()
                link.tick(now: passEnd)
                // Everything this pass asked of Redis goes out in one write.
                link.flush(now: passEnd)
            }
            if now >= nextScan {
                scan(now: now)
                nextScan = now + limits.scanInterval
            }
            if let stopDeadline, connections.isEmpty || now >= stopDeadline { break }
        }
        finish()
    }

    private func dispatch(token: UInt64, events: UInt32, now: Double) {
        if token == EventLoop.wakeToken {
            loop.drainWake()
            if loop.isStopRequested, stopDeadline == nil { beginStop(now: now) }
            adoptHandedConnections(now: now)
            deliverDeferredReplies(now: now)
            return
        }
        if token == EventLoop.storeToken {
            sessions?.link.handle(events: events, now: now, scratch: scratch)
            return
        }
        if token > EventLoop.firstSpecialToken {
            let index = Int(EventLoop.listenerToken(0) - token)
            if stopDeadline == nil, listeners.indices.contains(index) { acceptConnections(from: listeners[index].fd, now: now) }
            return
        }
        // A token whose connection closed earlier in this batch is simply gone.
        guard let connection = connections[token] else { return }
        // Errors and hang-ups surface through the next recv or send.
        if events & (CEPOLL_IN | CEPOLL_RDHUP | CEPOLL_HUP | CEPOLL_ERR) != 0 { connection.readable = true }
        if events & (CEPOLL_RDHUP | CEPOLL_HUP | CEPOLL_ERR) != 0 { connection.peerHungUp = true }
        if events & (CEPOLL_OUT | CEPOLL_HUP | CEPOLL_ERR) != 0 { connection.writable = true }
        if !connection.queued { runTurn(connection, now: now) }
    }

    private func runTurn(_ connection: Connection, now: Double) {
        switch connection.turn(context.handler, limits: limits, scratch: scratch, now: now) {
        case .waiting:
            break
        case .moreWork:
            if !connection.queued {
                connection.queued = true
                ready.append(connection)
            }
        case .finished:
            close(connection, abort: false)
        case .deferred(let work):
            runOffLoop(work, for: connection)
        case .session(let turn):
            converse(turn, for: connection)
        }
    }

    /// Queues the connection for a turn in the loop's next pass. Replies that
    /// come back from elsewhere resume their connection this way rather than
    /// with a turn at once, which could nest turn within turn while a store
    /// that is down answers at once.
    func schedule(_ connection: Connection) {
        guard !connection.queued, !connection.closed else { return }
        connection.queued = true
        ready.append(connection)
    }

    /// Runs slow work (a reload) on the server's admin queue, so that this
    /// loop's other connections are not held up; the reply comes back
    /// through the loop's inbox.
    private func runOffLoop(_ work: @escaping @Sendable () -> [UInt8], for connection: Connection) {
        let loop = self.loop
        let token = connection.token
        context.adminQueue.async {
            loop.post(reply: work(), to: token)
        }
    }

    private func deliverDeferredReplies(now: Double) {
        for (token, bytes) in loop.takeReplies() {
            // The client may have gone while the work ran.
            guard let connection = connections[token] else { continue }
            connection.resume(with: bytes, now: now)
            if !connection.queued { runTurn(connection, now: now) }
        }
    }

    private func runReadyConnections(now: Double) {
        guard !ready.isEmpty else { return }
        let batch = ready
        ready.removeAll(keepingCapacity: true)
        for connection in batch {
            connection.queued = false
            if !connection.closed { runTurn(connection, now: MonotonicClock.seconds()) }
        }
    }

    private func scan(now: Double) {
        var verdicts: [(Connection, Connection.TimerVerdict)] = []
        for connection in connections.values {
            let verdict = connection.checkTimers(context.handler, limits: limits, now: now)
            if case .keep = verdict { continue }
            verdicts.append((connection, verdict))
        }
        for (connection, verdict) in verdicts {
            switch verdict {
            case .keep: break
            case .runTurn: runTurn(connection, now: now)
            case .close: close(connection, abort: false)
            case .abort: close(connection, abort: true)
            }
        }
    }

    // MARK: Accepting and adopting

    private func acceptConnections(from listener: Int32, now: Double) {
        // The listener is level-triggered: a bounded batch leaves the rest for
        // the next wait instead of starving the connections of this loop.
        for _ in 0..<128 {
            let fd = cepoll_accept(listener)
            if fd >= 0 {
                distribute(fd)
                continue
            }
            switch errno {
            case EINTR, ECONNABORTED, EPROTO:
                continue
            case EAGAIN, EWOULDBLOCK:
                break
            case EMFILE, ENFILE:
                refuseWithSpareDescriptor(listener)
            case let code:
                noteAcceptError(code, now: now)
            }
            break
        }
        adoptHandedConnections(now: now)
    }

    /// Counts the connection against the limit and gives it to the least loaded loop.
    private func distribute(_ fd: Int32) {
        guard context.connections.tryAcquire() else {
            refuse(fd)
            return
        }
        loop.statistics.count(.connectionsAccepted)
        Socket.disableNagle(fd)
        let target = context.leastLoadedLoop()
        if !target.hand(fd, wake: target !== loop) {
            Socket.close(fd)
            releaseConnection()
        }
    }

    /// Sends the busy reply and closes. The client's bytes already received are
    /// read first: closing with unread input would send a reset that can
    /// destroy the reply before the client reads it.
    private func refuse(_ fd: Int32) {
        loop.statistics.count(.connectionsRefused)
        _ = busyReply.withUnsafeBytes { Socket.send(fd, $0) }
        Socket.shutdownWrite(fd)
        for _ in 0..<4 {
            guard case .transferred = Socket.receive(fd, into: scratch) else { break }
        }
        Socket.close(fd)
    }

    private func refuseWithSpareDescriptor(_ listener: Int32) {
        guard spareFD >= 0 else { return }
        Socket.close(spareFD)
        let fd = cepoll_accept(listener)
        if fd >= 0 { refuse(fd) }
        spareFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        context.handler.service.log.note("accept: out of file descriptors; refusing connections")
    }

    private func noteAcceptError(_ code: Int32, now: Double) {
        guard now - lastAcceptErrorNote >= 1 else { return }
        lastAcceptErrorNote = now
        context.handler.service.log.note("accept: \(ServerError.system(call: "accept4", errno: code))")
    }

    private func adoptHandedConnections(now: Double) {
        for fd in loop.takeInbox() {
            let connection = Connection(fd: fd, id: context.newConnectionID(), statistics: loop.statistics, limits: limits, now: now)
            guard stopDeadline == nil,
                  cepoll_ctl(loop.epoll, EPOLL_CTL_ADD, fd, CEPOLL_IN | CEPOLL_OUT | CEPOLL_RDHUP | CEPOLL_ET, connection.token) == 0
            else {
                Socket.close(fd)
                loop.connectionClosed()
                releaseConnection()
                continue
            }
            connections[connection.token] = connection
            connection.enqueue(context.handler.greeting(), now: now)
            runTurn(connection, now: now)
        }
    }

    private func close(_ connection: Connection, abort: Bool) {
        guard !connection.closed else { return }
        connection.markClosed()
        connections.removeValue(forKey: connection.token)
        if abort { Socket.resetOnClose(connection.fd) }
        Socket.close(connection.fd)
        loop.connectionClosed()
        releaseConnection()
    }

    /// Gives an accepted connection's place back and counts it closed.
    private func releaseConnection() {
        context.connections.release()
        loop.statistics.count(.connectionsClosed)
    }

    // MARK: Stopping

    /// Stops accepting, stops reading requests and gives pending output the grace period.
    private func beginStop(now: Double) {
        stopDeadline = now + limits.shutdownGraceSeconds
        closeListeners()
        for connection in Array(connections.values) {
            if connection.beginShutdown() {
                runTurn(connection, now: now)
            } else {
                close(connection, abort: false)
            }
        }
    }

    private func closeListeners() {
        for listener in listeners { Socket.close(listener.fd) }
        listeners.removeAll()
    }

    /// Cuts whatever the grace period did not finish and releases everything.
    private func finish() {
        closeListeners()
        for connection in Array(connections.values) { close(connection, abort: true) }
        sessions?.link.close()
        for fd in loop.closeInbox() {
            Socket.close(fd)
            loop.connectionClosed()
            releaseConnection()
        }
        if spareFD >= 0 {
            Socket.close(spareFD)
            spareFD = -1
        }
    }
}
