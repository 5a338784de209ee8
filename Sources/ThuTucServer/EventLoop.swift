@preconcurrency import Glibc
import CEpoll
import Synchronization

/// The parts of one event loop other threads may touch: its epoll instance,
/// the eventfd that wakes it, the inbox of accepted sockets handed to it and
/// of replies finished off the loop, the stop request and its connection count. The loop's own state lives in a
/// ``LoopWorker`` on the loop's thread.
final class EventLoop: Sendable {
    /// epoll tokens above this are not connections.
    static let wakeToken = UInt64.max
    static func listenerToken(_ index: Int) -> UInt64 { UInt64.max - 1 - UInt64(index) }
    /// The loop's connection to the Redis session store.
    static let storeToken = UInt64.max - 1023
    static let firstSpecialToken = UInt64.max - 1024

    let index: Int
    let epoll: Int32
    /// Where this loop counts its connections and requests; only its thread writes it.
    let statistics: StatisticsShard
    private let wakeFD: Int32
    private let inbox = Mutex(Inbox())
    private let stopRequested = Atomic<Bool>(false)
    private let connectionCount = Atomic<Int>(0)

    /// Accepted sockets not yet adopted and deferred replies not yet
    /// delivered; closed once the loop has ended.
    private struct Inbox {
        var descriptors: [Int32] = []
        var replies: [(token: UInt64, bytes: [UInt8])] = []
        var closed = false
    }

    init(index: Int, statistics: StatisticsShard) throws(ServerError) {
        self.index = index
        self.statistics = statistics
        let epoll = cepoll_create()
        guard epoll >= 0 else { throw .system(call: "epoll_create1", errno: errno) }
        let wakeFD = cepoll_eventfd(1)
        guard wakeFD >= 0 else {
            let code = errno
            Socket.close(epoll)
            throw .system(call: "eventfd", errno: code)
        }
        // Level-triggered: the loop drains it on every wake.
        guard cepoll_ctl(epoll, EPOLL_CTL_ADD, wakeFD, CEPOLL_IN, Self.wakeToken) == 0 else {
            let code = errno
            Socket.close(wakeFD)
            Socket.close(epoll)
            throw .system(call: "epoll_ctl(ADD eventfd)", errno: code)
        }
        self.epoll = epoll
        self.wakeFD = wakeFD
    }

    deinit {
        // Only now can no thread be writing to the eventfd or waiting on epoll.
        Socket.close(wakeFD)
        Socket.close(epoll)
    }

    /// Watches a listening socket, level-triggered and for readability only
    /// (waiting for writability on a listener spins).
    func watch(listener: Listener, index: Int) throws(ServerError) {
        guard cepoll_ctl(epoll, EPOLL_CTL_ADD, listener.fd, CEPOLL_IN, Self.listenerToken(index)) == 0 else {
            throw .system(call: "epoll_ctl(ADD listener)", errno: errno)
        }
    }

    /// Hands an accepted socket to this loop. False once the loop has ended:
    /// the caller still owns the descriptor then.
    func hand(_ fd: Int32, wake shouldWake: Bool) -> Bool {
        let accepted = inbox.withLock { inbox in
            guard !inbox.closed else { return false }
            inbox.descriptors.append(fd)
            return true
        }
        guard accepted else { return false }
        connectionCount.add(1, ordering: .relaxed)
        if shouldWake { wake() }
        return true
    }

    /// The sockets handed over since the last call.
    func takeInbox() -> [Int32] {
        inbox.withLock { inbox in
            defer { inbox.descriptors.removeAll() }
            return inbox.descriptors
        }
    }

    /// Hands the reply of a deferred request back to the loop that owns its
    /// connection. Dropped once the loop has ended (the connection is gone).
    func post(reply bytes: [UInt8], to token: UInt64) {
        let accepted = inbox.withLock { inbox in
            guard !inbox.closed else { return false }
            inbox.replies.append((token, bytes))
            return true
        }
        if accepted { wake() }
    }

    /// The deferred replies posted since the last call.
    func takeReplies() -> [(token: UInt64, bytes: [UInt8])] {
        inbox.withLock { inbox in
            defer { inbox.replies.removeAll() }
            return inbox.replies
        }
    }

    /// Refuses further hand-overs; returns the sockets that arrived too late.
    func closeInbox() -> [Int32] {
        inbox.withLock { inbox in
            inbox.closed = true
            inbox.replies.removeAll()
            defer { inbox.descriptors.removeAll() }
            return inbox.descriptors
        }
    }

    /// Reads the eventfd back to zero (EAGAIN: it already was).
    func drainWake() {
        var value: UInt64 = 0
        while read(wakeFD, &value, MemoryLayout<UInt64>.size) < 0 && errno == EINTR {}
    }

    func wake() {
        var one: UInt64 = 1
        while write(wakeFD, &one, MemoryLayout<UInt64>.size) < 0 {
            // EAGAIN: the counter is saturated, so a wake is pending anyway.
            guard errno == EINTR else { return }
        }
    }

    func requestStop() {
        stopRequested.store(true, ordering: .releasing)
        wake()
    }

    var isStopRequested: Bool { stopRequested.load(ordering: .acquiring) }

    /// Connections handed to this loop and not yet closed.
    var load: Int { connectionCount.load(ordering: .relaxed) }

    func connectionClosed() {
        connectionCount.subtract(1, ordering: .relaxed)
    }
}
