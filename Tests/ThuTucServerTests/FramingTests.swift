import Testing
@testable import ThuTucServer

/// The byte-level pieces of the protocol: reply framing and line framing.
@Suite("Framing")
struct FramingTests {
    /// The framing written the slow, obvious way over Unicode scalars. (Over
    /// Characters, as first written, "\r\n" is one Character that is not
    /// "\n", so CRLF text was never split and left unframed lines.)
    static func referenceFrame(_ code: Int, _ text: String) -> [UInt8] {
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { $0.filter { $0 != "\r" } }
        var output: [UInt8] = []
        for (index, line) in lines.enumerated() {
            output += Array(String(code).utf8)
            output.append(index == lines.count - 1 ? UInt8(ascii: " ") : UInt8(ascii: "-"))
            output += Array(String(String.UnicodeScalarView(line)).utf8)
            output.append(0x0A)
        }
        return output
    }

    @Test("frame matches the reference on edge cases and on generated text")
    func frameMatchesReference() {
        var cases = ["", "PONG", "a\nb", "a\n", "\n", "\n\n", "a\r\nb\r\n", "x\ry", "\r", "đăng ký\nmất bao lâu?\n1. Giấy tờ"]
        let alphabet = ["a", "\n", "\r", "đ", " ", "ệ", "\r\n", "{"]
        var generator = SplitMix(seed: 7)
        for _ in 0..<500 {
            cases.append((0..<Int(generator.next() % 24)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }.joined())
        }
        for text in cases {
            #expect(ProtocolHandler.frame(.answer, text) == Self.referenceFrame(200, text), "\(text.debugDescription)")
        }
        #expect(ProtocolHandler.frame(.closing, "x") == Array("421 x\n".utf8))
        #expect(ProtocolHandler.frame(.answer, "a\r\nb") == Array("200-a\n200 b\n".utf8), "every CRLF line is framed")
    }

    @Test("a 1 MB line without a newline never holds more than the limit, and the stream recovers")
    func framerBoundsLongLine() {
        var framer = LineFramer(limit: 256)
        let chunk = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        var events: [LineFramer.Event] = []
        for _ in 0..<16 {
            events += framer.feed(chunk)
            #expect(framer.bufferedCount <= 256)
            #expect(framer.isMidLine)
        }
        #expect(events == [.overflow(firstByte: UInt8(ascii: "x"))])
        #expect(framer.feed(Array("\nPING\r\n".utf8)) == [.line(Array("PING".utf8))])
        #expect(!framer.isMidLine)
    }

    @Test("a line of exactly the limit passes; one byte more overflows and reports a JSON start")
    func framerLimitEdge() {
        var framer = LineFramer(limit: 8)
        #expect(framer.feed(Array("12345678\n".utf8)) == [.line(Array("12345678".utf8))])
        #expect(framer.feed(Array(" {234567".utf8)) == [])
        #expect(framer.pendingFirstByte == UInt8(ascii: "{"))
        #expect(framer.feed(Array("89\nok\n".utf8)) == [.overflow(firstByte: UInt8(ascii: "{")), .line(Array("ok".utf8))])
    }

    @Test("the framer counts line ends and knows when a line is in progress")
    func framerProgress() {
        var framer = LineFramer(limit: 100)
        #expect(!framer.isMidLine)
        _ = framer.feed(Array("PI".utf8))
        #expect(framer.isMidLine && framer.lineEnds == 0)
        _ = framer.feed(Array("NG\nPI".utf8))
        #expect(framer.isMidLine && framer.lineEnds == 1)
        #expect(framer.feed(Array("NG\n\n".utf8)).count == 2)
        #expect(!framer.isMidLine && framer.lineEnds == 3)
        _ = framer.feed(Array("tail\r".utf8))
        #expect(framer.finish() == [.line(Array("tail".utf8))])
        #expect(!framer.isMidLine)
    }
}

/// A tiny deterministic generator, so generated cases are the same every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
