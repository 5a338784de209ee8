@preconcurrency import Glibc
import Foundation

/// Why a test client call failed; every read has a timeout, so a silent
/// server fails the test instead of hanging it.
enum TestClientError: Error, CustomStringConvertible {
    case connect(String, Int32)
    case timedOut(String)
    case closed(String)
    case io(String, Int32)
    case badJSON(String)

    var description: String {
        switch self {
        case .connect(let address, let code): "connect \(address): \(String(cString: strerror(code)))"
        case .timedOut(let what): "timed out waiting for \(what)"
        case .closed(let what): "connection closed while waiting for \(what)"
        case .io(let call, let code): "\(call): \(String(cString: strerror(code)))"
        case .badJSON(let line): "not a JSON object: \(line)"
        }
    }
}

/// A small blocking client with receive timeouts, reading line by line.
final class TestClient {
    let fd: Int32
    /// Received bytes; those before `head` were already returned.
    private var buffer: [UInt8] = []
    private var head = 0
    private var open = true

    /// Connects to `host` (an IPv4 or IPv6 literal) on `port`.
    /// - Parameter receiveBuffer: a small SO_RCVBUF makes a reader that never reads fill up quickly.
    init(host: String = "127.0.0.1", port: Int, timeout: Double = 15, receiveBuffer: Int32? = nil) throws {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let list else { throw TestClientError.connect(host, EINVAL) }
        defer { freeaddrinfo(list) }
        fd = socket(list.pointee.ai_family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestClientError.io("socket", errno) }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        if var size = receiveBuffer {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        guard connect(fd, list.pointee.ai_addr, list.pointee.ai_addrlen) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestClientError.connect("\(host):\(port)", code)
        }
    }

    deinit {
        close()
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                throw TestClientError.io("send", errno)
            }
            offset += sent
        }
    }

    /// The next line without its newline; nil at end of stream.
    func readLine() throws -> String? {
        while true {
            if let newline = buffer[head...].firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[head..<newline], as: UTF8.self)
                head = newline + 1
                return line
            }
            guard try fill(waitingFor: "a line") else {
                if head == buffer.count { return nil }
                defer { discardBuffer() }
                return String(decoding: buffer[head...], as: UTF8.self)
            }
        }
    }

    /// Whether a reply is already waiting, without blocking.
    func hasPendingInput() -> Bool {
        if head < buffer.count { return true }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) > 0
    }

    /// One plain-mode reply: "NNN-" lines up to the "NNN " line.
    func readReply() throws -> [String] {
        var lines: [String] = []
        while true {
            guard let line = try readLine() else { throw TestClientError.closed("a reply after \(lines)") }
            lines.append(line)
            let bytes = Array(line.utf8)
            if bytes.count < 4 || bytes[3] != UInt8(ascii: "-") { return lines }
        }
    }

    /// One JSON reply line as an object.
    func readJSON() throws -> [String: Any] {
        guard let line = try readLine() else { throw TestClientError.closed("a JSON reply") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw TestClientError.badJSON(line)
        }
        return object
    }

    /// Reads and drops everything until the server closes; true for an orderly
    /// end of stream, false for a reset.
    func readToEnd() throws -> Bool {
        while true {
            do {
                guard try fill(waitingFor: "end of stream") else { return true }
                discardBuffer()
            } catch TestClientError.io(_, let code) where code == ECONNRESET {
                return false
            }
        }
    }

    /// Whether the server closed (EOF or reset) within the receive timeout, with no more data.
    func isClosedByServer() throws -> Bool {
        do {
            return try !fill(waitingFor: "end of stream") && head == buffer.count
        } catch TestClientError.io(_, let code) where code == ECONNRESET {
            return true
        }
    }

    /// Half-closes: the server sees end of input but can still answer.
    func shutdownWrite() {
        shutdown(fd, Int32(SHUT_WR))
    }

    /// Closes with a reset instead of a FIN.
    func abort() {
        var option = linger(l_onoff: 1, l_linger: 0)
        setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        close()
    }

    func close() {
        guard open else { return }
        open = false
        Glibc.close(fd)
    }

    private func discardBuffer() {
        buffer.removeAll(keepingCapacity: true)
        head = 0
    }

    /// Reads more bytes into the buffer; false at end of stream.
    private func fill(waitingFor what: String) throws -> Bool {
        if head > 0, head == buffer.count || head >= 1 << 16 {
            buffer.removeFirst(head)
            head = 0
        }
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[0..<count]
                return true
            }
            if count == 0 { return false }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: throw TestClientError.timedOut(what)
            case let code: throw TestClientError.io("recv", code)
            }
        }
    }
}
