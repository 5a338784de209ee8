/// A pull reader over one JSON text: the caller walks objects and arrays and
/// takes each value as the type it expects, with no intermediate tree.
///
/// Loading the catalogue reads some ten megabytes of JSON; building
/// ``JSONValue`` trees (a dictionary per object) for it cost more than
/// everything else at start-up. ``JSONReader`` builds its trees with this
/// cursor too. Input must already be valid UTF-8, nesting is bounded, and
/// every malformed input is an error.
public struct JSONCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` on a cursor over `input`, then checks nothing but whitespace follows.
    public static func read<Value>(_ input: ArraySlice<UInt8>, _ body: (inout JSONCursor) throws -> Value) throws -> Value {
        try input.withUnsafeBufferPointer { try read($0, body) }
    }

    /// The same over raw bytes, valid for the duration of the call.
    public static func read<Value>(_ buffer: UnsafeBufferPointer<UInt8>, _ body: (inout JSONCursor) throws -> Value) throws -> Value {
        var cursor = JSONCursor(buffer)
        cursor.skipWhitespace()
        let value = try body(&cursor)
        cursor.skipWhitespace()
        guard cursor.position == buffer.count else { throw cursor.error("unexpected text after the JSON value") }
        return value
    }

    /// Reads any value into a tree.
    public mutating func value() throws -> JSONValue {
        guard let first = peek() else { throw error("unexpected end of input") }
        switch first {
        case UInt8(ascii: "{"):
            var members: [String: JSONValue] = [:]
            try object { key, cursor in members[key.string] = try cursor.value() }
            return .object(members)
        case UInt8(ascii: "["):
            var elements: [JSONValue] = []
            try array { elements.append(try $0.value()) }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            let word = try literal()
            return word == "null" ? .null : .bool(word == "true")
        default:
            return .number(try number())
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

    /// A number in JSON's grammar (no leading zeros or plus sign, finite).
    public mutating func number() throws -> Double {
        guard let first = peek(), first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) else { throw error("expected a number") }
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        func digits() -> Int {
            let begin = position
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 { position += 1 }
            return position - begin
        }
        let integer = position
        guard digits() > 0 else { throw error("invalid number") }
        if bytes[integer] == UInt8(ascii: "0"), position - integer > 1 { throw error("invalid number") }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("invalid number") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") { position += 1 }
            guard digits() > 0 else { throw error("invalid number") }
        }
        guard position - start <= 64 else { throw error("number too long") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error("number out of range") }
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
        case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"): _ = try literal()
        default: _ = try number()
        }
    }

    /// `true`, `false` or `null`.
    private mutating func literal() throws -> String {
        let start = position
        while position < bytes.count, bytes[position] >= UInt8(ascii: "a"), bytes[position] <= UInt8(ascii: "z") { position += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard word == "true" || word == "false" || word == "null" else { throw error("invalid literal") }
        return word
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
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            if byte < 0x20 { throw error("control character in string") }
            position += 1
        }
        throw error("unterminated string")
    }

    /// The slow path for strings with escapes, from just after the opening quote.
    private mutating func escapedString(from start: Int) throws -> JSONKey {
        var output = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return JSONKey(bytes: UnsafeBufferPointer(start: nil, count: 0), decoded: String(decoding: output, as: UTF8.self))
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { throw error("unexpected end of input") }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""): output.append(0x22)
                case UInt8(ascii: "\\"): output.append(0x5C)
                case UInt8(ascii: "/"): output.append(0x2F)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"): output.append(contentsOf: String(Character(try escapedScalar())).utf8)
                default: throw error("invalid escape")
                }
            case 0x00..<0x20:
                throw error("control character in string")
            default:
                output.append(byte)
            }
        }
        throw error("unterminated string")
    }

    /// The scalar of a `\uXXXX` escape (and its low surrogate, when it is a pair).
    private mutating func escapedScalar() throws -> Unicode.Scalar {
        var value = try hex4()
        if (0xD800...0xDBFF).contains(value) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") else {
                throw error("unpaired surrogate")
            }
            position += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate") }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(value) {
            throw error("unpaired surrogate")
        }
        guard let scalar = Unicode.Scalar(value) else { throw error("invalid escape") }
        return scalar
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
            default: throw error("invalid \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
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
