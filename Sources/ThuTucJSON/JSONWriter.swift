/// Writes reply objects as one JSON line, members in the order given.
///
/// Replies are built on every request; writing the few fields by hand is
/// faster than an encoder and keeps "id" first for people reading logs.
public struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    public init() {
        bytes.reserveCapacity(1024)
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

    /// The finished object, followed by a newline.
    public func line() -> [UInt8] {
        bytes + [UInt8(ascii: "}"), 0x0A]
    }

    /// The finished object without a newline, to nest inside another.
    public func object() -> [UInt8] {
        bytes + [UInt8(ascii: "}")]
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
            bytes.reserveCapacity(bytes.count + utf8.count + 2)
            bytes.append(UInt8(ascii: "\""))
            // Answers are long and rarely need escaping: bytes are copied in
            // runs between the few that do, not one at a time.
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x7F || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                appendEscape(for: byte, to: &bytes)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
            bytes.append(UInt8(ascii: "\""))
        }
    }

    private static func appendEscape(for byte: UInt8, to bytes: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
        case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
        case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
        case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
        case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes += [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
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

    public func array() -> [UInt8] { bytes + [UInt8(ascii: "]")] }
}
