/// Writes reply objects as one JSON line, members in the order given.
///
/// Replies are built on every request; writing the few fields by hand is
/// faster than an encoder and keeps "id" first for people reading logs.
public struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    /// A writer with room for `capacity` bytes: a reply sized from its
    /// text is written without the buffer growing and copying on the way.
    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ name: String) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    public mutating func string(_ name: String, _ value: String?) {
        key(name)
        if let value { Self.appendString(value, to: &bytes) } else { bytes += Array("null".utf8) }
    }

    public mutating func number(_ name: String, _ value: Double) {
        key(name)
        let rounded = (value * 1000).rounded() / 1000
        bytes += Array((rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)).utf8)
    }

    public mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        bytes += Array((value ? "true" : "false").utf8)
    }

    /// A member whose value is already JSON (a nested object or array).
    public mutating func raw(_ name: String, _ json: [UInt8]) {
        key(name)
        bytes += json
    }

    /// Echoes a request value (any JSON) back, as "id" is.
    public mutating func value(_ name: String, _ value: JSONValue?) {
        key(name)
        Self.append(value ?? .null, to: &bytes)
    }

    /// The finished object, followed by a newline. Consuming, so the bytes
    /// are closed in place rather than copied.
    public consuming func line() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        bytes.append(0x0A)
        return bytes
    }

    /// The finished object without a newline, to nest inside another.
    public consuming func object() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    static func append(_ value: JSONValue, to bytes: inout [UInt8]) {
        switch value {
        case .null: bytes += Array("null".utf8)
        case .bool(let flag): bytes += Array((flag ? "true" : "false").utf8)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { bytes += Array(String(Int(number)).utf8) } else { bytes += Array(String(number).utf8) }
        case .string(let text): appendString(text, to: &bytes)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                append(element, to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                appendString(key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                append(members[key] ?? .null, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            bytes.append(UInt8(ascii: "\""))
            // Answers are long and rarely need escaping: bytes are copied in
            // runs between the few that do, and the runs are found eight
            // bytes at a time.
            var runStart = 0
            func escapes(in range: Range<Int>) {
                for offset in range where needsEscape(utf8[offset]) {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                    appendEscape(for: utf8[offset], to: &bytes)
                    runStart = offset + 1
                }
            }
            var index = 0
            if let base = utf8.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= utf8.count {
                    if mayNeedEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { escapes(in: index..<(index + 8)) }
                    index += 8
                }
            }
            escapes(in: index..<utf8.count)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x5C
    }

    /// Whether any of the eight bytes in `word` needs an escape: a control
    /// byte, DEL, a quote or a backslash. The classic word-at-a-time tests
    /// ("has a byte below n", "has a zero byte" after an XOR) answer for the
    /// whole word exactly, though not for each byte, so a hit is checked
    /// byte by byte.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasByte(below limit: UInt64, _ value: UInt64) -> Bool {
            (value &- ones &* limit) & ~value & highs != 0
        }
        return hasByte(below: 0x20, word) || hasByte(below: 1, word ^ (ones &* 0x22)) || hasByte(below: 1, word ^ (ones &* 0x5C))
            || hasByte(below: 1, word ^ (ones &* 0x7F))
    }

    private static func appendEscape(for byte: UInt8, to bytes: inout [UInt8]) {
        bytes.append(0x5C)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10 }
            bytes.append(UInt8(ascii: "u"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(UInt8(ascii: "0"))
            bytes.append(hex(byte >> 4))
            bytes.append(hex(byte & 0xF))
        }
    }
}

/// Builds a JSON array of objects.
public struct JSONArrayWriter {
    private var bytes: [UInt8] = [UInt8(ascii: "[")]

    public init() {}

    public mutating func append(_ object: [UInt8]) {
        if bytes.count > 1 { bytes.append(UInt8(ascii: ",")) }
        bytes += object
    }

    public consuming func array() -> [UInt8] {
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
