/// A pull reader over one JSON text: the caller walks objects and arrays and
/// takes each value as the type it expects, with no intermediate tree.
///
/// Loading the catalogue reads some ten megabytes of JSON; building
/// ``JSONValue`` trees (a dictionary per object) for it cost more than
/// everything else at start-up. Like ``JSONReader``, input must already be
/// valid UTF-8, nesting is bounded, and every malformed input is an error.
public struct JSONCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` on a cursor over `input`, then checks nothing but whitespace follows.
    public static func read<Value>(_ input: ArraySlice<UInt8>, _ body: (inout JSONCursor) throws -> Value) throws -> Value {
        try input.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            cursor.skipWhitespace()
            let value = try body(&cursor)
            cursor.skipWhitespace()
            guard cursor.position == buffer.count else { throw cursor.error("unexpected text after the JSON value") }
            return value
        }
    }

    func error(_ message: String) -> JSONReaderError {
        JSONReaderError(offset: position, message: message)
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while position < bytes.count {
            let byte = bytes[position]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            position += 1
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8, _ what: String) throws {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { throw error("expected \(what)") }
        position += 1
    }

    private mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < bytes.count ? bytes[position] : nil
    }

    /// Consumes `null` if it is next.
    public mutating func takeNull() -> Bool {
        guard peek() == UInt8(ascii: "n"), position + 4 <= bytes.count,
            bytes[position + 1] == UInt8(ascii: "u"), bytes[position + 2] == UInt8(ascii: "l"), bytes[position + 3] == UInt8(ascii: "l")
        else { return false }
        position += 4
        return true
    }

    /// Reads an object, calling `member` with each key; `member` must consume the value.
    public mutating func object(_ member: (JSONKey, inout JSONCursor) throws -> Void) throws {
        try expect(UInt8(ascii: "{"), "an object")
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONReader.maximumDepth else { throw error("nesting deeper than \(JSONReader.maximumDepth)") }
        if peek() == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try rawString()
            try expect(UInt8(ascii: ":"), "':'")
            try member(key, &self)
            guard let next = peek() else { throw error("unexpected end of input") }
            position += 1
            if next == UInt8(ascii: ",") { continue }
            guard next == UInt8(ascii: "}") else { throw error("expected ',' or '}'") }
            return
        }
    }

    /// Reads an array, calling `element` for each element; `element` must consume it.
    public mutating func array(_ element: (inout JSONCursor) throws -> Void) throws {
        try expect(UInt8(ascii: "["), "a list")
        depth += 1
        defer { depth -= 1 }
        guard depth <= JSONReader.maximumDepth else { throw error("nesting deeper than \(JSONReader.maximumDepth)") }
        if peek() == UInt8(ascii: "]") {
            position += 1
            return
        }
        while true {
            try element(&self)
            guard let next = peek() else { throw error("unexpected end of input") }
            position += 1
            if next == UInt8(ascii: ",") { continue }
            guard next == UInt8(ascii: "]") else { throw error("expected ',' or ']'") }
            return
        }
    }

    /// Reads a list of strings.
    public mutating func strings() throws -> [String] {
        var result: [String] = []
        try array { result.append(try $0.string()) }
        return result
    }

    public mutating func string() throws -> String {
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string") }
        return try rawString().string
    }

    public mutating func optionalString() throws -> String? {
        takeNull() ? nil : try string()
    }

    public mutating func number() throws -> Double {
        guard let first = peek(), first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) else { throw error("expected a number") }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            guard (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
            else { break }
            position += 1
        }
        guard position - start <= 64 else { throw error("number too long") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error("invalid number") }
        return value
    }

    public mutating func optionalNumber() throws -> Double? {
        takeNull() ? nil : try number()
    }

    /// Skips any value (for members a reader does not know, after reporting them).
    public mutating func skip() throws {
        guard let first = peek() else { throw error("unexpected end of input") }
        switch first {
        case UInt8(ascii: "{"): try object { _, cursor in try cursor.skip() }
        case UInt8(ascii: "["): try array { try $0.skip() }
        case UInt8(ascii: "\""): _ = try rawString()
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let start = position
            while position < bytes.count, bytes[position] >= UInt8(ascii: "a"), bytes[position] <= UInt8(ascii: "z") { position += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
            guard word == "true" || word == "false" || word == "null" else { throw error("invalid literal") }
        default: _ = try number()
        }
    }

    /// A string token; escapes force the slow path through ``JSONReader``.
    private mutating func rawString() throws -> JSONKey {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                return JSONKey(bytes: UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)]), decoded: nil)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start - 1) }
            if byte < 0x20 { throw error("control character in string") }
            position += 1
        }
        throw error("unterminated string")
    }

    private mutating func escapedString(from quote: Int) throws -> JSONKey {
        var end = quote + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        guard end < bytes.count else { throw error("unterminated string") }
        let value = try JSONReader.parse(UnsafeBufferPointer(rebasing: bytes[quote...end]))
        position = end + 1
        return JSONKey(bytes: UnsafeBufferPointer(start: nil, count: 0), decoded: value.string)
    }
}

/// A member name or string value as it stands in the input.
public struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>
    let decoded: String?

    public var string: String {
        decoded ?? String(decoding: bytes, as: UTF8.self)
    }

    /// Compares with a literal name without making a String.
    public static func == (key: JSONKey, name: StaticString) -> Bool {
        if let decoded = key.decoded { return decoded == name.description }
        guard key.bytes.count == name.utf8CodeUnitCount else { return false }
        let start = name.utf8Start
        for index in 0..<key.bytes.count where key.bytes[index] != start[index] { return false }
        return true
    }
}
