/// Reply bytes waiting for the socket to take them.
///
/// Sent bytes are skipped with an offset rather than removed one send at a
/// time; the array is compacted only when the sent prefix dominates.
struct OutputBuffer {
    private var bytes: [UInt8] = []
    private var head = 0

    /// Bytes not yet sent.
    var count: Int { bytes.count - head }
    var isEmpty: Bool { head == bytes.count }

    mutating func append(_ more: [UInt8]) {
        bytes.append(contentsOf: more)
    }

    /// One send of everything pending.
    mutating func send(to fd: Int32) -> Socket.Outcome {
        let outcome = bytes.withUnsafeBytes { Socket.send(fd, UnsafeRawBufferPointer(rebasing: $0[head...])) }
        if case .transferred(let sent) = outcome { consume(sent) }
        return outcome
    }

    private mutating func consume(_ sent: Int) {
        head += sent
        if head == bytes.count {
            // A burst of replies should not pin a large buffer to an idle connection.
            if bytes.capacity > 64 * 1024 {
                bytes = []
            } else {
                bytes.removeAll(keepingCapacity: true)
            }
            head = 0
        } else if head >= 64 * 1024, head * 2 >= bytes.count {
            bytes.removeFirst(head)
            head = 0
        }
    }
}
