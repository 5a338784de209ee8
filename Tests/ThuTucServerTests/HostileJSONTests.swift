import Foundation
import Testing
import ThuTucServer

/// Hostile JSON requests: half-written, wrong types, huge numbers, deep
/// nesting. Each gets one error line naming the problem, and the connection
/// and another one keep answering.
@Suite("Hostile JSON", .timeLimit(.minutes(1)))
struct HostileJSONTests {
    /// Sends `line`, expects an error with `code` whose message names
    /// `mentioning` (and `id` echoed when given).
    static func expectError(
        _ client: TestClient, _ line: String, code: String, id: Int? = nil, mentioning: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try client.send(line + "\n")
        let reply = try client.readJSON()
        #expect(reply.errorCode == code, "\(line) → \(reply)", sourceLocation: sourceLocation)
        let message = (reply["error"] as? [String: Any])?["message"] as? String ?? ""
        #expect(!message.isEmpty, "no message for \(line)", sourceLocation: sourceLocation)
        if let mentioning { #expect(message.contains(mentioning), "\(message)", sourceLocation: sourceLocation) }
        if let id { #expect((reply["id"] as? NSNumber)?.intValue == id, sourceLocation: sourceLocation) }
    }

    @Test("half-written JSON gets bad_json", arguments: [
        "{", #"{"id":1,"text":"#, #"{"id":1,"text":"đăng ký"#, #"{"id":1,"text":"a"#, #"{"id":1,"text":"a",}"#,
        #"{"id":1 "text":"a"}"#, #"{"text":"a"}}"#, #"{"text":"\u12"}"#, #"{"text":"\ud800"}"#, "{'text':'a'}", "{text:1}",
    ])
    func halfWritten(line: String) throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        try Self.expectError(client, line, code: "bad_json")
        try client.expectAlive()
        try other.expectAlive()
    }

    @Test("wrong types get bad_request naming the field, with the id echoed")
    func wrongTypes() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        let cases: [(String, String)] = [
            (#"{"id":1,"text":17}"#, "'text'"),
            (#"{"id":2,"text":null}"#, "'text'"),
            (#"{"id":3,"text":["a"]}"#, "'text'"),
            (#"{"id":4,"text":"a","session":5}"#, "'session'"),
            (#"{"id":5,"text":"a","session":""}"#, "'session'"),
            (#"{"id":6,"text":"a","session":"\#(String(repeating: "s", count: 257))"}"#, "'session'"),
            (#"{"id":7,"text":"a","max_chars":"200"}"#, "'max_chars'"),
            (#"{"id":8,"text":"a","max_chars":12.5}"#, "'max_chars'"),
            (#"{"id":9,"text":"a","why":"yes"}"#, "'why'"),
            (#"{"id":10,"cmd":["PING"]}"#, "'cmd'"),
            (#"{"id":11,"cmd":"AUTH","token":12345678901234567}"#, "'token'"),
        ]
        for (line, field) in cases {
            try Self.expectError(client, line, code: "bad_request", id: Int(line.dropFirst(6).prefix { $0.isNumber }), mentioning: field)
        }
        // An array is JSON in the wrong shape, not a question.
        try Self.expectError(client, "[1,2,3]", code: "bad_request")
        try Self.expectError(client, #"{"id":{"a":1},"cmd":"PING"}"#, code: "bad_request")
        try Self.expectError(client, #"{"id":12,"cmd":"DANCE"}"#, code: "unknown_command", id: 12)
        try client.expectAlive()
        try other.expectAlive()
    }

    @Test("huge and odd numbers are rejected or echoed exactly, never trapped on")
    func hugeNumbers() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        for line in [#"{"id":1e400,"cmd":"PING"}"#, #"{"id":-1e400,"cmd":"PING"}"#, "{\"id\":\(String(repeating: "9", count: 80)),\"cmd\":\"PING\"}"] {
            try Self.expectError(client, line, code: "bad_json", mentioning: "number")
        }
        for maxChars in ["1e300", "-40", "9223372036854775808", "39", "100001"] {
            try Self.expectError(client, #"{"id":1,"text":"a","max_chars":\#(maxChars)}"#, code: "bad_request", id: 1, mentioning: "'max_chars'")
        }
        // Big but finite ids are valid JSON numbers: echoed, and the reply is still valid JSON.
        for id in ["1e300", "-0", "123456789012345678901234567890", "0.000001", "-9007199254740993"] {
            try client.send(#"{"id":\#(id),"cmd":"PING"}"# + "\n")
            let reply = try client.readJSON()
            #expect(reply["reply"] as? String == "PONG", "id \(id)")
            #expect(reply["id"] is NSNumber, "id \(id) → \(reply)")
        }
        try client.expectAlive()
        try other.expectAlive()
    }

    @Test("deep nesting is refused at depth 16 without recursing further")
    func deepNesting() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        // Each line just fits in maxLineBytes (8192), so the depth limit is what answers.
        try Self.expectError(client, "{\"a\":" + String(repeating: "[", count: 4000) + String(repeating: "]", count: 4000) + "}", code: "bad_json", mentioning: "nesting")
        try Self.expectError(client, String(repeating: "{\"a\":", count: 1300) + "1" + String(repeating: "}", count: 1300), code: "bad_json", mentioning: "nesting")
        try Self.expectError(client, "{\"text\":\"a\",\"x\":" + String(repeating: "[", count: 8150), code: "bad_json", mentioning: "nesting")
        // Shallow nesting in an ignored field is fine.
        try client.send(#"{"id":3,"cmd":"PING","extra":[[[{"a":[1]}]]]}"# + "\n")
        #expect(try client.readJSON()["reply"] as? String == "PONG")
        try client.expectAlive()
        try other.expectAlive()
    }

    @Test("NUL and escapes inside JSON strings are harmless, and replies escape them")
    func escapes() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        try client.send(#"{"id":"\u0000\n\"","session":"s\u0000\u001b","text":"đăng ký\u0000khai sinh\u001b[0m"}"# + "\n")
        let line = try #require(try client.readLine())
        #expect(!line.contains("\u{0}") && !line.contains("\u{1B}"), "raw control characters in \(line)")
        let reply = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(reply["id"] as? String == "\u{0}\n\"")
        #expect(reply["session"] as? String == "s\u{0}\u{1B}")
        #expect(reply.procedureCode == "1.001193")
        // A raw control character inside a JSON string is not JSON.
        try Self.expectError(client, "{\"text\":\"a\u{1}b\"}", code: "bad_json")
        try client.expectAlive()
        try other.expectAlive()
    }

    @Test("a JSON line over maxLineBytes gets line_too_long and the next request is answered")
    func longJSONLine() throws {
        let server = try ServerFixture.start { $0.maxLineBytes = 1024 }
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let other = try Hostile.connect(server)
        try client.send("  {\"id\":1,\"text\":\"" + String(repeating: "ă", count: 100_000) + "\"}\n" + #"{"id":2,"cmd":"PING"}"# + "\n")
        #expect(try client.readJSON().errorCode == "line_too_long")
        #expect(try client.readJSON()["reply"] as? String == "PONG")
        try other.expectAlive()
    }
}
