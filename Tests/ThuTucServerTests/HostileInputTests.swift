import Foundation
import Testing
import ThuTucServer

/// Hostile bytes in plain mode: each gets a clear reply, and both that
/// connection and another one keep answering.
@Suite("Hostile input", .timeLimit(.minutes(1)))
struct HostileInputTests {
    @Test("invalid UTF-8 of every kind gets 400 (bad_utf8 for JSON) and the connection goes on")
    func invalidUTF8() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        let malformed: [[UInt8]] = [
            [0xFF, 0xFE],  // never valid
            [0xC0, 0x80],  // overlong NUL
            [0xE0, 0x80, 0xAF],  // overlong "/"
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            Array("đăng ký ".utf8) + [0xE1, 0xBA],  // cut in the middle of "ạ"
            [0x80, 0x80, 0x80],  // continuation bytes alone
        ]
        for line in malformed {
            try client.send(line + [0x0A])
            #expect(try client.readReply() == ["400 the line is not valid UTF-8"], "\(line)")
        }
        try client.send(Array(#"{"id":1,"text":""#.utf8) + [0xFF] + Array(#""}"#.utf8) + [0x0A])
        #expect(try client.readJSON().errorCode == "bad_utf8")
        try client.expectAlive()
        try other.expectAlive()
    }

    @Test("NUL, escape and other control characters are read as spaces in a question")
    func controlCharacters() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        try client.send("đăng\u{0}ký\u{1B}[31m khai\u{7F}sinh\u{8} cần giấy tờ gì\n")
        let reply = try client.readReply()
        #expect(reply.last?.hasPrefix("200 ") == true)
        #expect(reply.joined().contains("1.001193"), "\(reply)")
        #expect(reply.allSatisfy { !$0.contains("\u{0}") && !$0.contains("\u{1B}") })
        try client.send("\u{0}\u{0}\u{0}\n\u{1}\u{2}\u{3}\u{4}\n")
        #expect(try client.readReply().last?.hasPrefix("200 ") == true)
        #expect(try client.readReply().last?.hasPrefix("200 ") == true)
        try client.expectAlive()
    }

    @Test("a 1 MB line without a newline gets 413 at once, costs no memory beyond the limit, and the connection goes on")
    func megabyteLine() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        let megabyte = [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        try client.send(megabyte)
        // Reported as soon as the line passes maxLineBytes, not when it ends.
        #expect(try client.readReply() == ["413 line longer than 8192 bytes; it was ignored"])
        try other.expectAlive("another connection answers while the long line streams in")
        // 192 MB more of the same line: were it buffered, memory would grow by that much.
        let before = Hostile.residentBytes()
        for _ in 0..<192 { try client.send(megabyte) }
        try client.send("\nPING\n")
        #expect(try client.readReply() == ["200 PONG"])
        let growth = Hostile.residentBytes() - before
        #expect(growth < 64 << 20, "memory grew by \(growth >> 20) MB while a 193 MB line was skipped")
        try other.expectAlive()
    }

    @Test("100,000 pipelined lines of mixed kinds get 100,000 replies in order, without holding up another connection")
    func hundredThousandLines() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        let kinds: [(line: String, reply: String)] = [
            ("PING", "200 PONG"),
            (#"{"id":7,"cmd":"PING"}"#, #"{"id":7,"reply":"PONG"}"#),
            ("{\"id\":", #"{"id":null,"error":{"code":"bad_json","message":"unexpected end of input at byte 6"}}"#),
            ("ping\r", "200 PONG"),
            (#"{"cmd":17}"#, #"{"id":null,"error":{"code":"bad_request","message":"'cmd' must be a string"}}"#),
        ]
        let count = 100_000
        var pipeline: [UInt8] = []
        for index in 0..<count { pipeline += Array(kinds[index % kinds.count].line.utf8) + [0x0A] }
        let sent = Hostile.sendInBackground(pipeline, on: client)
        var slowestOther = 0.0
        for index in 0..<count {
            let line = try #require(try client.readLine(), "the server closed after \(index) replies")
            if line != kinds[index % kinds.count].reply {
                Issue.record("reply \(index) was \(line)")
                break
            }
            if index % 25_000 == 12_500 {
                let start = Date()
                try other.expectAlive("a second connection during the pipeline")
                slowestOther = max(slowestOther, Date().timeIntervalSince(start))
            }
        }
        #expect(sent.wait(timeout: .now() + Hostile.readTimeout) == .success)
        #expect(slowestOther < 1, "the other connection waited \(slowestOther) s")
        try client.expectAlive()
    }

    @Test("binary garbage gets replies line by line and the connection still answers after it")
    func binaryGarbage() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        var generator = SplitMix(seed: 2024)
        // Mostly high bytes (invalid UTF-8), a few newlines, no letters that could spell QUIT or AUTH.
        let garbage = (0..<64 * 1024).map { _ -> UInt8 in
            let value = UInt8(truncatingIfNeeded: generator.next())
            return value % 97 == 0 ? 0x0A : value | 0x80
        }
        try client.send(garbage + Array("\nPING\n".utf8))
        let skipped = try client.skipReplies(until: "200 PONG")
        #expect(skipped > 100, "only \(skipped) garbage lines were answered")
        try client.expectAlive()
        try other.expectAlive()
    }
}
