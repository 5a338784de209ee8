/// Why the bytes from a Redis server could not be read as RESP.
struct RESPError: Error, Equatable, CustomStringConvertible {
    let message: String

    var description: String { "bad RESP reply: \(message)" }
}

/// Reads RESP2 replies from a byte stream that arrives in pieces.
///
/// Bytes are appended as they are received; ``next()`` returns a whole
/// reply, or nil until the rest of one has arrived. Sizes are bounded, so a
/// server (or something else listening on its port) cannot make us buffer
/// without end: a bulk string over ``maximumBulkBytes``, an array over
/// ``maximumElements`` or deeper than ``maximumDepth`` is an error.
struct RESPReader {
    static let maximumBulkBytes = 16 << 20
    static let maximumElements = 4096
    static let maximumDepth = 8
    /// A header line (`$123`, `-ERR …`) longer than this is an error.
    static let maximumLineBytes = 64 << 10

    private var buffer: [UInt8] = []
    private var head = 0

    /// Bytes received but not yet returned as replies.
    var bufferedCount: Int { buffer.count - head }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if head > 0, head == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next whole reply, or nil when more bytes are needed.
    mutating func next() throws(RESPError) -> RESPValue? {
        var position = head
        guard let value = try value(at: &position, depth: 0) else {
            if bufferedCount > Self.maximumBulkBytes + Self.maximumLineBytes { throw RESPError(message: "reply too large") }
            return nil
        }
        head = position
        if head >= 64 << 10, head * 2 >= buffer.count {
            buffer.removeFirst(head)
            head = 0
        }
        return value
    }

    /// Parses one value starting at `position`, moving it past the value;
    /// nil (with `position` unspecified) when the value is not all there yet.
    private func value(at position: inout Int, depth: Int) throws(RESPError) -> RESPValue? {
        guard depth <= Self.maximumDepth else { throw RESPError(message: "nested deeper than \(Self.maximumDepth)") }
        guard position < buffer.count else { return nil }
        let kind = buffer[position]
        position += 1
        guard let line = try line(at: &position) else { return nil }
        switch kind {
        case UInt8(ascii: "+"):
            return .simple(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: "-"):
            return .error(String(decoding: line, as: UTF8.self))
        case UInt8(ascii: ":"):
            return .integer(try Self.integer(line))
        case UInt8(ascii: "$"):
            let length = try Self.integer(line)
            if length == -1 { return .bulk(nil) }
            guard (0...Self.maximumBulkBytes).contains(length) else { throw RESPError(message: "bulk length \(length)") }
            guard buffer.count - position >= length + 2 else { return nil }
            let body = Array(buffer[position..<(position + length)])
            guard buffer[position + length] == 0x0D, buffer[position + length + 1] == 0x0A else {
                throw RESPError(message: "bulk string not followed by CRLF")
            }
            position += length + 2
            return .bulk(body)
        case UInt8(ascii: "*"):
            let count = try Self.integer(line)
            if count == -1 { return .array(nil) }
            guard (0...Self.maximumElements).contains(count) else { throw RESPError(message: "array length \(count)") }
            var elements: [RESPValue] = []
            elements.reserveCapacity(count)
            for _ in 0..<count {
                guard let element = try value(at: &position, depth: depth + 1) else { return nil }
                elements.append(element)
            }
            return .array(elements)
        default:
            throw RESPError(message: "unknown type byte \(kind)")
        }
    }

    /// The bytes up to the next CRLF, moving `position` past it; nil when the CRLF has not arrived.
    private func line(at position: inout Int) throws(RESPError) -> ArraySlice<UInt8>? {
        var index = position
        while index + 1 < buffer.count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A {
                let line = buffer[position..<index]
                position = index + 2
                return line
            }
            index += 1
            if index - position > Self.maximumLineBytes { throw RESPError(message: "header line too long") }
        }
        if buffer.count - position > Self.maximumLineBytes { throw RESPError(message: "header line too long") }
        return nil
    }

    private static func integer(_ line: ArraySlice<UInt8>) throws(RESPError) -> Int {
        guard let value = Int(String(decoding: line, as: UTF8.self)) else {
            throw RESPError(message: "'\(String(decoding: line.prefix(32), as: UTF8.self))' is not an integer")
        }
        return value
    }
}
