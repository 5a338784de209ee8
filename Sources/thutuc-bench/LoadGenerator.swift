@preconcurrency import Glibc
import CEpoll

/// A load generator on one thread: non-blocking sockets on one epoll
/// instance, so that it can hold thousands of connections without a thread
/// each, exactly as the server does.
///
/// Two kinds of load: a closed loop, where each connection keeps `depth`
/// requests in flight and sends a new one for each reply (depth 1 is not
/// pipelined), which measures capacity; and an open loop, where connections
/// send on a fixed schedule whatever the replies do, which measures latency
/// at a given rate (a closed loop at 1,000 connections measures queueing).
/// Latency runs from the moment a request is handed to the kernel to the
/// arrival of the last byte of its reply.
final class LoadGenerator {
    private let port: Int
    private let source: RequestSource
    private let greetingLines: Int
    private let epoll: Int32
    private var connections: [ClientConnection] = []
    private let scratch: UnsafeMutableRawBufferPointer
    private var eventBits = [UInt32](repeating: 0, count: 256)
    private var eventTokens = [UInt64](repeating: 0, count: 256)

    private var refills = false
    private var recording = false
    private var samples: [UInt64] = []
    private var answered = 0
    private var failed = 0
    private var readyCount = 0
    private var failedConnects = 0

    /// A generator for the server on 127.0.0.1:`port`, which sends
    /// `greetingLines` lines to each new connection before any reply.
    init(port: Int, source: RequestSource, greetingLines: Int) throws(BenchError) {
        self.port = port
        self.source = source
        self.greetingLines = greetingLines
        epoll = cepoll_create()
        guard epoll >= 0 else { throw .system("epoll_create", errno) }
        scratch = .allocate(byteCount: 64 * 1024, alignment: 16)
    }

    deinit {
        for connection in connections where connection.state != .closed { Self.abort(connection.fd) }
        close(epoll)
        scratch.deallocate()
    }

    // MARK: Connecting

    /// Opens `count` connections, at most 512 handshakes at a time so as not
    /// to overflow the listen backlog, and waits for each greeting. Returns
    /// the number ready.
    @discardableResult
    func connect(count: Int, timeout: Double = 30) -> Int {
        let deadline = MonotonicTime.now() + UInt64(timeout * 1e9)
        while readyCount + failedConnects < count, MonotonicTime.now() < deadline {
            while connections.count < count, connections.count - readyCount - failedConnects < 512 {
                open(index: connections.count)
            }
            poll(timeoutMilliseconds: 10)
        }
        return readyCount
    }

    private func open(index: Int) {
        let fd = cepoll_stream_socket(AF_INET)
        let connection = ClientConnection(
            fd: fd, index: index, prefix: source.prefix(connection: index, dialogue: 0),
            firstBody: (index &* 7919) % max(1, source.bodies.count)
        )
        connections.append(connection)
        guard fd >= 0, fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) == 0 else {
            fail(connection)
            return
        }
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in.loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 || errno == EINPROGRESS,
              cepoll_ctl(epoll, EPOLL_CTL_ADD, fd, CEPOLL_IN | CEPOLL_OUT | CEPOLL_RDHUP | CEPOLL_ET, UInt64(index)) == 0
        else {
            fail(connection)
            return
        }
    }

    private func finishConnect(_ connection: ClientConnection) {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &error, &length) == 0, error == 0 else {
            fail(connection)
            return
        }
        if greetingLines > 0 {
            connection.state = .greeting(greetingLines)
        } else {
            connection.state = .ready
            readyCount += 1
        }
    }

    // MARK: Load

    /// Each connection keeps `depth` requests in flight for `warmup` plus
    /// `measure` seconds; only the last `measure` seconds count.
    func closedLoop(depth: Int, warmup: Double, measure: Double, server: ProcessStats?) -> LoadResult {
        let (window, batched) = ThreadPolicy.asBatch {
            let start = MonotonicTime.now()
            refills = true
            for connection in connections where connection.state == .ready {
                for _ in 0..<depth { enqueue(connection, now: start) }
                flush(connection)
            }
            // Replies drive a closed loop; the wait needs no deadline of its own.
            let window = measureWindow(from: start, warmup: warmup, measure: measure, server: server) { _ in 50 }
            refills = false
            return window
        }
        var figures = result(window: window, depth: depth, rate: nil, lag: nil)
        figures.generatorBatch = batched
        return figures
    }

    /// Connections take turns to send, evenly spaced, so that each sends
    /// `rate` requests per second whatever the replies do.
    func openLoop(rate: Double, warmup: Double, measure: Double, server: ProcessStats?) -> LoadResult {
        let ready = connections.filter { $0.state == .ready }
        guard !ready.isEmpty else { return result(window: (0, nil, nil), depth: nil, rate: rate, lag: nil) }
        let start = MonotonicTime.now()
        let interval = 1e9 / (rate * Double(ready.count))
        var slot = 0
        var lags: [UInt64] = []
        let window = measureWindow(from: start, warmup: warmup, measure: measure, server: server) { now in
            while start + UInt64(Double(slot) * interval) <= now {
                let connection = ready[slot % ready.count]
                if connection.state == .ready {
                    enqueue(connection, now: now)
                    flush(connection)
                }
                if recording { lags.append(now - (start + UInt64(Double(slot) * interval))) }
                slot += 1
            }
            return Self.milliseconds(until: start + UInt64(Double(slot) * interval), from: now)
        }
        return result(window: window, depth: nil, rate: rate, lag: LatencySummary(nanoseconds: lags).p99Microseconds)
    }

    /// Sends one request on every `stride`-th connection, waits up to
    /// `timeout` seconds for the replies and returns their latencies: the
    /// proof that a server holding many idle connections still answers.
    func probe(stride: Int, timeout: Double = 10) -> LatencySummary {
        recording = true
        samples = []
        answered = 0
        failed = 0
        let now = MonotonicTime.now()
        var expected = 0
        for connection in connections where connection.state == .ready && connection.index % stride == 0 {
            enqueue(connection, now: now)
            flush(connection)
            expected += 1
        }
        let deadline = now + UInt64(timeout * 1e9)
        while answered + failed < expected, MonotonicTime.now() < deadline { poll(timeoutMilliseconds: 10) }
        recording = false
        return LatencySummary(nanoseconds: samples)
    }

    /// Processes events for `seconds` without sending: lets a held set of connections settle.
    func idle(seconds: Double) {
        let deadline = MonotonicTime.now() + UInt64(seconds * 1e9)
        while MonotonicTime.now() < deadline { poll(timeoutMilliseconds: 10) }
    }

    /// Runs the event loop from `start` to the end of the window; `tick`
    /// sends what is due and returns how long the next wait may be (ms).
    /// Returns the window's length and the CPU the server and the generator
    /// used in it, in cores (1.0 is one core busy throughout).
    private func measureWindow(
        from start: UInt64, warmup: Double, measure: Double, server: ProcessStats?, tick: (UInt64) -> Int32
    ) -> (seconds: Double, serverCPU: Double?, generatorCPU: Double?) {
        let windowStart = start + UInt64(warmup * 1e9)
        let end = windowStart + UInt64(measure * 1e9)
        var serverBefore: Double?
        var generatorBefore: Double?
        var recordedFrom = windowStart
        var now = MonotonicTime.now()
        while now < end {
            if !recording, now >= windowStart {
                recording = true
                samples = []
                answered = 0
                failed = 0
                recordedFrom = now
                serverBefore = server?.cpuSeconds
                generatorBefore = ProcessStats(pid: nil).cpuSeconds
            }
            let boundary = recording ? end : windowStart
            poll(timeoutMilliseconds: max(0, min(tick(now), Self.milliseconds(until: boundary, from: now))))
            now = MonotonicTime.now()
        }
        recording = false
        let seconds = MonotonicTime.seconds(from: recordedFrom, to: now)
        let serverCPU = zip(server?.cpuSeconds, serverBefore).map { ($0 - $1) / seconds }
        let generatorCPU = zip(ProcessStats(pid: nil).cpuSeconds, generatorBefore).map { ($0 - $1) / seconds }
        return (seconds, serverCPU, generatorCPU)
    }

    private func result(
        window: (seconds: Double, serverCPU: Double?, generatorCPU: Double?), depth: Int?, rate: Double?, lag: Double?
    ) -> LoadResult {
        LoadResult(
            request: source.name, connections: connections.count, connected: readyCount, pipelineDepth: depth, ratePerConnection: rate,
            answered: answered, failed: failed, seconds: window.seconds,
            answeredPerSecond: window.seconds > 0 ? Double(answered) / window.seconds : 0,
            latency: LatencySummary(nanoseconds: samples), scheduleLagP99Microseconds: lag,
            serverCPUPercent: window.serverCPU.map { $0 * 100 }, generatorCPUPercent: window.generatorCPU.map { $0 * 100 }
        )
    }

    // MARK: Events

    private func poll(timeoutMilliseconds: Int32) {
        let count = cepoll_wait(epoll, &eventBits, &eventTokens, Int32(eventBits.count), timeoutMilliseconds)
        guard count > 0 else { return }
        let now = MonotonicTime.now()
        for slot in 0..<Int(count) {
            let connection = connections[Int(eventTokens[slot])]
            let bits = eventBits[slot]
            if connection.state == .connecting {
                guard bits & (CEPOLL_OUT | CEPOLL_ERR | CEPOLL_HUP) != 0 else { continue }
                finishConnect(connection)
            }
            if bits & (CEPOLL_OUT | CEPOLL_ERR | CEPOLL_HUP) != 0 {
                connection.writable = true
                flush(connection)
            }
            if bits & (CEPOLL_IN | CEPOLL_RDHUP | CEPOLL_HUP | CEPOLL_ERR) != 0 {
                receive(connection, now: now, untilEnd: bits & (CEPOLL_RDHUP | CEPOLL_HUP | CEPOLL_ERR) != 0)
            }
        }
    }

    /// Reads until the kernel has nothing more (the socket is edge-triggered),
    /// then, in a closed loop, replaces each completed request.
    ///
    /// A read that does not fill the buffer has emptied the socket, and
    /// anything arriving later raises a new edge, so the usual extra read
    /// that returns EAGAIN is skipped: it would double the generator's
    /// receive calls, and the generator shares the cores with the server.
    /// When the peer has hung up, reading goes on to the end of the stream.
    private func receive(_ connection: ClientConnection, now: UInt64, untilEnd: Bool) {
        connection.completed = 0
        while connection.state != .closed {
            let count = recv(connection.fd, scratch.baseAddress, scratch.count, 0)
            if count > 0 {
                consume(connection, UnsafeRawBufferPointer(rebasing: scratch[0..<count]), now: now)
                if count < scratch.count, !untilEnd { break }
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { break }
            fail(connection)
        }
        guard refills, connection.state == .ready, connection.completed > 0 else { return }
        for _ in 0..<connection.completed { enqueue(connection, now: now) }
        flush(connection)
    }

    /// Splits received bytes into lines, keeping each line's first bytes.
    private func consume(_ connection: ClientConnection, _ bytes: UnsafeRawBufferPointer, now: UInt64) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let newline = memchr(base + start, 0x0A, bytes.count - start)
            let end = newline.map { base.distance(to: UnsafeRawPointer($0)) } ?? bytes.count
            let room = ClientConnection.headCapacity - connection.head.count
            if room > 0 { connection.head += bytes[start..<min(end, start + room)] }
            guard newline != nil else { break }
            lineCompleted(connection, now: now)
            connection.head.removeAll(keepingCapacity: true)
            start = end + 1
        }
    }

    private func lineCompleted(_ connection: ClientConnection, now: UInt64) {
        switch connection.state {
        case .greeting(let remaining):
            // "503 busy" instead of a greeting: the server is full.
            guard connection.head.first == UInt8(ascii: "2") else {
                fail(connection)
                return
            }
            if remaining > 1 {
                connection.state = .greeting(remaining - 1)
            } else {
                connection.state = .ready
                readyCount += 1
            }
        case .ready:
            guard let sent = connection.sentAt.pop() else {
                // A line nobody asked for ("421 idle … closing").
                if recording { failed += 1 }
                return
            }
            connection.completed += 1
            guard recording else { return }
            samples.append(now - sent)
            if source.isAnswer(connection.head) { answered += 1 } else { failed += 1 }
        case .connecting, .closed:
            break
        }
    }

    private func enqueue(_ connection: ClientConnection, now: UInt64) {
        if source.opensDialogue?[connection.nextBody] == true {
            connection.dialogue += 1
            connection.prefix = source.prefix(connection: connection.index, dialogue: connection.dialogue)
        }
        connection.output += connection.prefix
        connection.output += source.bodies[connection.nextBody]
        connection.nextBody = (connection.nextBody + 1) % source.bodies.count
        connection.sentAt.push(now)
    }

    private func flush(_ connection: ClientConnection) {
        while connection.writable, connection.outputStart < connection.output.count, connection.state != .closed {
            let sent = connection.output.withUnsafeBytes {
                send(connection.fd, $0.baseAddress.map { $0 + connection.outputStart }, $0.count - connection.outputStart, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                connection.outputStart += sent
            } else if sent < 0, errno == EAGAIN || errno == EWOULDBLOCK {
                connection.writable = false
            } else if !(sent < 0 && errno == EINTR) {
                fail(connection)
            }
        }
        if connection.outputStart == connection.output.count {
            connection.output.removeAll(keepingCapacity: true)
            connection.outputStart = 0
        }
    }

    /// Closes a connection that failed: before it was ready, a failed
    /// connect; after, a lost connection, counted against the window.
    private func fail(_ connection: ClientConnection) {
        switch connection.state {
        case .closed:
            return
        case .ready:
            readyCount -= 1
            if recording { failed += 1 }
        case .connecting, .greeting:
            failedConnects += 1
        }
        connection.state = .closed
        if connection.fd >= 0 { close(connection.fd) }
    }

    /// Closes with a reset rather than a FIN: thousands of client sockets in
    /// TIME_WAIT would exhaust loopback's ephemeral ports across tests.
    private static func abort(_ fd: Int32) {
        guard fd >= 0 else { return }
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close(fd)
    }

    private static func milliseconds(until deadline: UInt64, from now: UInt64) -> Int32 {
        guard deadline > now else { return 0 }
        return Int32(min(1000, (deadline - now + 999_999) / 1_000_000))
    }
}

/// Optional pairs, for CPU readings taken before and after a window.
private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}
