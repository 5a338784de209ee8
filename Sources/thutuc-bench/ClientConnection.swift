/// One client socket of the load generator.
final class ClientConnection {
    enum State: Equatable {
        case connecting
        /// Connected; this many greeting lines are still to come.
        case greeting(Int)
        case ready
        case closed
    }

    let fd: Int32
    let index: Int
    var state = State.connecting
    /// Put before every request body (a JSON session prefix, or nothing).
    var prefix: [UInt8]
    /// Dialogues begun so far, which names the current session.
    var dialogue = 0
    /// The next request body, an index into the source's bodies.
    var nextBody: Int
    /// Request bytes not yet taken by the kernel, from `outputStart` on.
    var output: [UInt8] = []
    var outputStart = 0
    /// Whether the last send left room; an output edge sets it again.
    var writable = false
    var sentAt = TimestampQueue()
    /// The first bytes of the reply line being received, to classify it.
    var head: [UInt8] = []
    /// Replies completed by the current read, for a closed loop to replace.
    var completed = 0

    static let headCapacity = 40

    init(fd: Int32, index: Int, prefix: [UInt8], firstBody: Int) {
        self.fd = fd
        self.index = index
        self.prefix = prefix
        self.nextBody = firstBody
        head.reserveCapacity(Self.headCapacity)
    }
}
