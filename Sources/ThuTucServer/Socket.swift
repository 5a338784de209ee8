@preconcurrency import Glibc

/// Socket system calls as the event loop needs them: EINTR retried here,
/// sends that never raise SIGPIPE, and outcomes spelled out instead of errno.
enum Socket {
    /// The result of one receive or send.
    enum Outcome: Equatable {
        /// This many bytes moved (at least one).
        case transferred(Int)
        /// Nothing to read, or no room to write: wait for the next edge.
        case wouldBlock
        /// The peer closed its sending side (receive only).
        case endOfStream
        /// The connection is broken (ECONNRESET, EPIPE, ETIMEDOUT…): close it quietly.
        case failed(Int32)
    }

    /// Reads what the kernel holds, up to the buffer's size.
    static func receive(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Outcome {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count > 0 { return .transferred(count) }
            if count == 0 { return .endOfStream }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(code)
            }
        }
    }

    /// Writes what the kernel takes. MSG_NOSIGNAL turns a closed peer into
    /// EPIPE instead of a process-killing SIGPIPE.
    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard !bytes.isEmpty else { return .transferred(0) }
        while true {
            let count = Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if count > 0 { return .transferred(count) }
            if count == 0 { return .wouldBlock }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: return .wouldBlock
            case let code: return .failed(code)
            }
        }
    }

    /// Sends our FIN while still reading: the client sees the end of the
    /// replies, and its last bytes do not turn our close into a reset.
    static func shutdownWrite(_ fd: Int32) {
        // ENOTCONN means the peer already went away, which is what we wanted.
        if shutdown(fd, Int32(SHUT_WR)) != 0 { assert(errno != EBADF, "shutdown on a closed descriptor") }
    }

    /// Makes the next close send a reset and drop unsent data: for clients
    /// cut off because they stopped reading, whose backlog is worthless.
    static func resetOnClose(_ fd: Int32) {
        var option = linger(l_onoff: 1, l_linger: 0)
        if setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size)) != 0 {
            // Only fails for a descriptor that is not a socket: a plain close follows anyway.
            assert(errno != EBADF, "SO_LINGER on a closed descriptor")
        }
    }

    /// Replies are written whole, so Nagle's algorithm only adds delay
    /// (up to the peer's delayed-ACK timer) to pipelined answers.
    static func disableNagle(_ fd: Int32) {
        var one: Int32 = 1
        if setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size)) != 0 {
            // A socket reset before this call rejects options; the next read reports it.
            assert(errno != EBADF, "TCP_NODELAY on a closed descriptor")
        }
    }

    /// Closes the descriptor, which also removes it from its epoll set.
    static func close(_ fd: Int32) {
        // On Linux the descriptor is released even when close reports EINTR or
        // EIO, so retrying could close someone else's; EBADF would be our bug.
        if Glibc.close(fd) != 0 { assert(errno != EBADF, "closing a descriptor twice") }
    }
}
