/// Cuts a byte stream into request lines (LF or CRLF), bounded in size.
///
/// A line longer than the limit is not buffered: the framer reports it once
/// and drops bytes up to the next newline, so a 1 MB line without a newline
/// costs at most `limit` bytes of memory.
public struct LineFramer: Sendable {
    /// What the framer found.
    public enum Event: Sendable, Equatable {
        /// A complete line without its line end.
        case line([UInt8])
        /// A line exceeded the limit; `firstByte` tells JSON ("{") from plain.
        case overflow(firstByte: UInt8?)
    }

    public let limit: Int
    private var buffer: [UInt8] = []
    private var discarding = false

    public init(limit: Int) {
        self.limit = limit
        buffer.reserveCapacity(min(limit, 4096))
    }

    /// Bytes held for an unfinished line.
    public var bufferedCount: Int { buffer.count }

    /// Feeds received bytes; returns the events they complete, in order.
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) -> [Event] where Bytes.Element == UInt8 {
        var events: [Event] = []
        for byte in bytes {
            if byte == 0x0A {
                if discarding {
                    discarding = false
                } else {
                    if buffer.last == 0x0D { buffer.removeLast() }
                    events.append(.line(buffer))
                }
                buffer.removeAll(keepingCapacity: true)
                continue
            }
            if discarding { continue }
            if buffer.count >= limit {
                events.append(.overflow(firstByte: buffer.first { $0 != 0x20 && $0 != 0x09 }))
                buffer.removeAll(keepingCapacity: true)
                discarding = true
                continue
            }
            buffer.append(byte)
        }
        return events
    }

    /// The unterminated last line at end of input, if any.
    public mutating func finish() -> [Event] {
        defer { buffer.removeAll() }
        if discarding || buffer.isEmpty { return [] }
        if buffer.last == 0x0D { buffer.removeLast() }
        return [.line(buffer)]
    }
}
