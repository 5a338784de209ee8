import Testing
import ThuTucJSON

@Suite("JSON reader")
struct JSONReaderTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONReader.parse(Array(text.utf8))
    }

    @Test("Objects, arrays, strings with escapes, numbers and literals")
    func values() throws {
        let value = try parse(#" {"id": 7, "text": "đăng ký\n\"khai sinh\" \u00e0 \ud83d\ude00", "why": true, "x": null, "list": [1.5, -2e3, []]} "#)
        #expect(value["id"] == .number(7))
        #expect(value["text"]?.string == "đăng ký\n\"khai sinh\" à 😀")
        #expect(value["why"] == .bool(true))
        #expect(value["x"] == .null)
        #expect(value["list"] == .array([.number(1.5), .number(-2000), .array([])]))
    }

    @Test("Malformed input is an error with its offset, never a crash", arguments: [
        "", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "1e", "\"abc", "\"\\x\"", "\"\\ud800\"",
        "1e999", "{} {}", "\"a\u{01}b\"", String(repeating: "[", count: 100) + String(repeating: "]", count: 100),
    ])
    func malformed(text: String) {
        #expect(throws: JSONReaderError.self) { try parse(text) }
    }

    @Test("Nesting up to the limit is read; one deeper is refused")
    func depth() throws {
        let limit = JSONReader.maximumDepth
        _ = try parse(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        #expect(throws: JSONReaderError.self) {
            try parse(String(repeating: "[", count: limit + 1) + String(repeating: "]", count: limit + 1))
        }
    }

    @Test("The cursor reads typed fields and skips what it is told to")
    func cursor() throws {
        let bytes = Array(#"{"name": "Khai sinh", "levels": ["xa", "tinh"], "extra": {"deep": [1, {"x": "y"}]}, "n": 3}"#.utf8)
        var name = "", levels: [String] = [], number = 0.0
        try JSONCursor.read(bytes[...]) { cursor in
            try cursor.object { key, cursor in
                if key == "name" {
                    name = try cursor.string()
                } else if key == "levels" {
                    levels = try cursor.strings()
                } else if key == "n" {
                    number = try cursor.number()
                } else {
                    try cursor.skip()
                }
            }
        }
        #expect(name == "Khai sinh")
        #expect(levels == ["xa", "tinh"])
        #expect(number == 3)
    }

    @Test("The writer escapes what JSON requires and the reader reads it back")
    func roundTrip() throws {
        var writer = JSONWriter()
        writer.string("text", "a\"b\\c\nd\u{0001}é")
        writer.number("n", 0.5)
        writer.bool("ok", false)
        let line = writer.line()
        #expect(line.last == 0x0A)
        let value = try JSONReader.parse(line.dropLast())
        #expect(value["text"]?.string == "a\"b\\c\nd\u{0001}é")
        #expect(value["n"] == .number(0.5))
        #expect(value["ok"] == .bool(false))
    }

    @Test("Every ASCII character at every offset of a long string is escaped as needed and read back")
    func escapesAtEveryOffset() throws {
        let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
        for offset in 0..<9 {
            let text = String(repeating: "đ", count: offset) + ascii + "Đăng ký khai sinh \u{7F}\"\\" + ascii
            var writer = JSONWriter()
            writer.string("text", text)
            let line = writer.line()
            #expect(line.dropLast().allSatisfy { $0 >= 0x20 && $0 != 0x7F }, "raw control byte in \(offset)")
            let value = try JSONReader.parse(line.dropLast())
            #expect(value["text"]?.string == text)
        }
    }
}
