@preconcurrency import Glibc

/// Cuts a byte stream into request lines (LF or CRLF), bounded in size.
///
/// A line longer than the limit is not buffered: the framer reports it once
/// and drops bytes up to the next newline, so a 1 MB line without a newline
/// costs at most `limit` bytes of memory. Input is scanned for newlines and
/// copied a run at a time, which matters for long pipelines of short lines.
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
    /// The first non-blank byte of the line being discarded.
    private var discardedFirstByte: UInt8?
    /// Newlines seen so far (wrapping): tells a caller whether a line ended
    /// between two looks at ``isMidLine``.
    public private(set) var lineEnds: UInt64 = 0

    public init(limit: Int) {
        self.limit = limit
        buffer.reserveCapacity(min(limit, 4096))
    }

    /// Bytes held for an unfinished line.
    public var bufferedCount: Int { buffer.count }

    /// Whether bytes of a line have arrived without its newline (also while an
    /// overlong line is being skipped).
    public var isMidLine: Bool { discarding || !buffer.isEmpty }

    /// The first non-blank byte of the unfinished line, if any: a reply about
    /// it is JSON when it is "{".
    public var pendingFirstByte: UInt8? {
        discarding ? discardedFirstByte : Self.firstNonBlank(buffer[...])
    }

    /// Feeds received bytes; returns the events they complete, in order.
    public mutating func feed<Bytes: Collection>(_ bytes: Bytes) -> [Event] where Bytes.Element == UInt8 {
        if let events = bytes.withContiguousStorageIfAvailable({ feed(buffer: $0) }) { return events }
        return Array(bytes).withUnsafeBufferPointer { feed(buffer: $0) }
    }

    /// Feeds received bytes held in raw memory (a socket's read buffer).
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> [Event] {
        feed(buffer: bytes.bindMemory(to: UInt8.self))
    }

    private mutating func feed(buffer input: UnsafeBufferPointer<UInt8>) -> [Event] {
        var events: [Event] = []
        var start = 0
        while start < input.count {
            guard let newline = Self.newline(in: input, from: start) else {
                take(input[start...], into: &events)
                break
            }
            take(input[start..<newline], into: &events)
            lineEnds &+= 1
            if discarding {
                discarding = false
                discardedFirstByte = nil
            } else {
                if buffer.last == 0x0D { buffer.removeLast() }
                events.append(.line(buffer))
            }
            buffer.removeAll(keepingCapacity: true)
            start = newline + 1
        }
        return events
    }

    /// Adds the bytes of a line (no newline among them), reporting an overflow
    /// the moment the line passes the limit.
    private mutating func take(_ part: Slice<UnsafeBufferPointer<UInt8>>, into events: inout [Event]) {
        guard !discarding, !part.isEmpty else { return }
        let room = limit - buffer.count
        if part.count <= room {
            buffer.append(contentsOf: part)
            return
        }
        buffer.append(contentsOf: part.prefix(room))
        let first = Self.firstNonBlank(buffer[...])
        events.append(.overflow(firstByte: first))
        buffer.removeAll(keepingCapacity: true)
        discarding = true
        discardedFirstByte = first
    }

    /// The unterminated last line at end of input, if any.
    public mutating func finish() -> [Event] {
        defer {
            buffer.removeAll()
            discarding = false
            discardedFirstByte = nil
        }
        if discarding || buffer.isEmpty { return [] }
        if buffer.last == 0x0D { buffer.removeLast() }
        return [.line(buffer)]
    }

    /// The index of the next LF at or after `start` (memchr: the scan is the hot loop).
    private static func newline(in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = input.baseAddress, let found = memchr(base + start, 0x0A, input.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private static func firstNonBlank(_ bytes: ArraySlice<UInt8>) -> UInt8? {
        bytes.first { $0 != 0x20 && $0 != 0x09 }
    }
}
