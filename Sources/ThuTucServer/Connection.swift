import ThuTucDialogue

/// One client connection, confined to the loop thread that adopted it.
///
/// The socket is registered edge-triggered, so readiness is remembered here:
/// `readable` and `writable` stay true until a call returns EAGAIN, or, for
/// reading, until a read leaves the buffer partly empty. That lets the loop
/// stop reading for back-pressure or fairness and resume later without
/// asking epoll again.
final class Connection {
    /// Where the connection is in its life.
    enum Phase {
        /// Reading and answering requests.
        case open
        /// No more requests are read; pending output is sent, then it closes.
        case draining
        /// Everything was sent and our side shut down; the peer's last bytes
        /// are read and dropped until it closes or the deadline passes.
        case lingering(until: Double)
    }

    /// What the loop should do after a turn.
    enum Progress {
        /// Nothing to do until epoll reports the socket again.
        case waiting
        /// Work remains (pipelined requests, unread input): run again soon.
        case moreWork
        /// Close the connection.
        case finished
        /// A request needs work off the loop (a reload): run it elsewhere and
        /// hand its reply to ``resume(with:now:)``. Until then the connection
        /// answers nothing more, so replies keep their order.
        case deferred(@Sendable () -> [UInt8])
        /// A request needs its session from the Redis store: read it, answer
        /// with ``complete(_:in:)``, write it back, then ``resume(with:now:)``.
        /// The connection answers nothing more meanwhile.
        case session(SessionTurn)
    }

    /// What the timer scan decided.
    enum TimerVerdict {
        case keep
        /// Something was queued (the idle notice): run a turn to send it.
        case runTurn
        /// Close now.
        case close
        /// Close with a reset: the client stopped reading.
        case abort
    }

    let fd: Int32
    /// The epoll token, unique for the life of the server.
    let token: UInt64
    var readable = false
    var writable = true
    /// Set once epoll reports the peer's end of the stream (or an error):
    /// from then on reading goes on until EOF rather than stopping at a
    /// short read, because no further edge will announce it.
    var peerHungUp = false
    /// Whether the connection waits in its loop's ready queue.
    var queued = false
    private(set) var closed = false
    private(set) var phase = Phase.open
    private var state: ConnectionState
    private var framer: LineFramer
    /// Framed requests not yet answered; input is read only when this is empty,
    /// so it never holds more than one read's worth.
    private var requests: [LineFramer.Event] = []
    private var nextRequest = 0
    private var output = OutputBuffer()
    private var inputEnded = false
    /// Set while a reply is being produced elsewhere: off the loop (a
    /// reload), or around a round trip to the session store.
    private var parked = false
    /// When the unfinished line now arriving began; nil between lines. The
    /// timer scan moves it forward while the server, not the client, holds
    /// things up (unanswered requests, a deferred reply).
    private var lineStarted: Double?
    /// Set by a server shutdown: close as soon as the output is sent, without lingering.
    private var closeWhenSent = false
    private var lastInput: Double
    private var lastWriteProgress: Double

    init(fd: Int32, id: UInt64, statistics: StatisticsShard, limits: ConnectionLimits, now: Double) {
        self.fd = fd
        self.token = id
        self.state = ConnectionState(id: id)
        state.statistics = statistics
        self.framer = LineFramer(limit: limits.maxLineBytes)
        self.lastInput = now
        self.lastWriteProgress = now
    }

    func markClosed() {
        closed = true
    }

    /// Queues bytes for the client (the greeting, a notice).
    func enqueue(_ bytes: [UInt8], now: Double) {
        guard !bytes.isEmpty else { return }
        if output.isEmpty { lastWriteProgress = now }
        output.append(bytes)
    }

    /// Sends, answers and reads as much as back-pressure and the turn's time
    /// slice allow.
    func turn(_ handler: ProtocolHandler, limits: ConnectionLimits, scratch: UnsafeMutableRawBufferPointer, now: Double) -> Progress {
        var reads = 0
        var clock = now
        let sliceEnd = now + limits.turnSeconds
        while true {
            guard flush(now: clock) else { return .finished }
            switch phase {
            case .lingering:
                return discardInput(limits: limits, scratch: scratch)
            case .draining:
                // A parked reply still comes back during a shutdown's grace period.
                guard output.isEmpty, !parked else { return .waiting }
                if inputEnded || closeWhenSent { return .finished }
                Socket.shutdownWrite(fd)
                phase = .lingering(until: clock + limits.lingerSeconds)
                continue
            case .open:
                break
            }
            if parked { return .waiting }
            if output.count >= limits.maxPendingReplyBytes { return .waiting }
            if nextRequest < requests.count {
                if let elsewhere = answerRequests(handler, limits: limits, clock: &clock, until: sliceEnd) {
                    return flush(now: clock) ? elsewhere : .finished
                }
                if clock >= sliceEnd, case .open = phase {
                    return flush(now: clock) ? .moreWork : .finished
                }
                continue
            }
            if inputEnded {
                phase = .draining
                continue
            }
            guard readable else { return .waiting }
            guard reads < limits.readsPerTurn else { return .moreWork }
            reads += 1
            switch Socket.receive(fd, into: scratch) {
            case .transferred(let count):
                lastInput = clock
                // A read that does not fill the buffer has emptied the
                // socket, and data arriving later raises a new edge: the
                // usual extra read that returns EAGAIN would be one more
                // system call per request.
                if count < scratch.count, !peerHungUp { readable = false }
                let lineEndsBefore = framer.lineEnds
                requests += framer.feed(UnsafeRawBufferPointer(rebasing: scratch[0..<count]))
                if !framer.isMidLine {
                    lineStarted = nil
                } else if lineStarted == nil || framer.lineEnds != lineEndsBefore {
                    lineStarted = clock
                }
            case .wouldBlock:
                readable = false
            case .endOfStream:
                inputEnded = true
                lineStarted = nil
                requests += framer.finish()
            case .failed:
                return .finished
            }
        }
    }

    /// Answers queued requests in order until the output is full, the slice
    /// is used up or the client said QUIT. Returns what a request needs done
    /// elsewhere (a reload, a session turn); answering stops there until
    /// its reply comes back.
    private func answerRequests(
        _ handler: ProtocolHandler, limits: ConnectionLimits, clock: inout Double, until sliceEnd: Double
    ) -> Progress? {
        var elsewhere: Progress?
        while nextRequest < requests.count, output.count < limits.maxPendingReplyBytes {
            var reply: [UInt8] = []
            switch requests[nextRequest] {
            case .line(let line):
                switch handler.respond(to: line, state: &state) {
                case .reply(let bytes): reply = bytes
                case .deferred(let work): elsewhere = .deferred(work)
                case .conversation(let turn): elsewhere = .session(turn)
                }
            case .overflow(let firstByte):
                reply = handler.lineTooLong(firstByte: firstByte, state: state)
            }
            nextRequest += 1
            clock = MonotonicClock.seconds()
            if elsewhere != nil {
                parked = true
                break
            }
            enqueue(reply, now: clock)
            if state.closing {
                phase = .draining
                nextRequest = requests.count
            }
            if clock >= sliceEnd { break }
        }
        if nextRequest == requests.count {
            requests.removeAll(keepingCapacity: true)
            nextRequest = 0
        }
        return elsewhere
    }

    /// Answers the parked session turn in `session` with this connection's
    /// state; the reply is sent by ``resume(with:now:)`` once the session is stored.
    func complete(_ turn: SessionTurn, in session: inout Session) -> [UInt8] {
        turn.run(in: &session, state: &state)
    }

    /// Queues the reply of the parked request and lets the connection go on.
    func resume(with reply: [UInt8], now: Double) {
        parked = false
        enqueue(reply, now: now)
    }

    /// Sends until the output is empty or the socket is full; false when the peer is gone.
    private func flush(now: Double) -> Bool {
        while writable, !output.isEmpty {
            switch output.send(to: fd) {
            case .transferred:
                lastWriteProgress = now
            case .wouldBlock:
                writable = false
            case .endOfStream, .failed:
                return false
            }
        }
        return true
    }

    private func discardInput(limits: ConnectionLimits, scratch: UnsafeMutableRawBufferPointer) -> Progress {
        for _ in 0..<limits.readsPerTurn {
            guard readable else { return .waiting }
            switch Socket.receive(fd, into: scratch) {
            case .transferred:
                continue
            case .wouldBlock:
                readable = false
            case .endOfStream, .failed:
                return .finished
            }
        }
        return readable ? .moreWork : .waiting
    }

    /// Timeouts: a line that has not ended `lineTimeout` after it began gets
    /// a notice and the connection is closed (bytes trickling in keep the
    /// idle timer fresh, so this is what stops a slowloris writer); a reader
    /// that takes nothing for `writeTimeout` is cut off; a connection silent
    /// for `idleTimeout` gets the notice and is closed; a lingering one is
    /// closed at its deadline.
    func checkTimers(_ handler: ProtocolHandler, limits: ConnectionLimits, now: Double) -> TimerVerdict {
        if case .lingering(let until) = phase { return now >= until ? .close : .keep }
        let serverBusy = !requests.isEmpty || queued || parked
        // The client cannot finish its line while we are not reading it.
        if serverBusy, lineStarted != nil { lineStarted = now }
        if case .open = phase, !serverBusy, let started = lineStarted, now - started >= limits.lineTimeout {
            lineStarted = nil
            enqueue(handler.lineTimeout(firstByte: framer.pendingFirstByte, state: state), now: now)
            phase = .draining
            return .runTurn
        }
        if !output.isEmpty { return now - lastWriteProgress >= limits.writeTimeout ? .abort : .keep }
        // Silence counts from the last byte either way, so that a long reply
        // read slowly does not make its reader look idle.
        let lastActivity = max(lastInput, lastWriteProgress)
        guard case .open = phase, !serverBusy, now - lastActivity >= limits.idleTimeout else { return .keep }
        enqueue(handler.idleTimeout(), now: now)
        phase = .draining
        return .runTurn
    }

    /// The server is stopping: answer nothing more, send what is pending (and
    /// the reply of a parked request), then close. Returns false when there
    /// is nothing worth waiting for.
    func beginShutdown() -> Bool {
        closeWhenSent = true
        requests.removeAll()
        nextRequest = 0
        switch phase {
        case .open, .draining:
            phase = .draining
            return !output.isEmpty || parked
        case .lingering:
            return false
        }
    }
}
