import Foundation
import Testing
import ThuTucJSON
@testable import ThuTucServer

/// The pieces of the Redis store that need no server: RESP both ways, the
/// URL, and the "sessions" configuration object.
@Suite("Redis protocol and settings")
struct RedisProtocolTests {
    private func replies(_ text: String, chunk: Int) throws -> [RESPValue] {
        var reader = RESPReader()
        var values: [RESPValue] = []
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            bytes[offset..<end].withUnsafeBytes { reader.append($0) }
            offset = end
            while let value = try reader.next() { values.append(value) }
        }
        #expect(reader.bufferedCount == 0)
        return values
    }

    @Test("replies are read whole whatever pieces they arrive in", arguments: [1, 2, 3, 7, 1000])
    func pieces(chunk: Int) throws {
        let stream = "+OK\r\n-ERR wrong\r\n:42\r\n$5\r\nab\r\nc\r\n$-1\r\n$0\r\n\r\n*2\r\n$1\r\nx\r\n:-3\r\n*-1\r\n"
        #expect(try replies(stream, chunk: chunk) == [
            .simple("OK"), .error("ERR wrong"), .integer(42), .bulk(Array("ab\r\nc".utf8)), .bulk(nil), .bulk([]),
            .array([.bulk([UInt8(ascii: "x")]), .integer(-3)]), .array(nil),
        ])
    }

    @Test("malformed or oversized replies are errors, not crashes", arguments: [
        "?what\r\n", ":twelve\r\n", "$5\r\nabcdeXY", "$99999999999\r\n", "*5000\r\n", String(repeating: "*1\r\n", count: 20) + ":1\r\n",
    ])
    func malformed(text: String) {
        var reader = RESPReader()
        Array(text.utf8).withUnsafeBytes { reader.append($0) }
        #expect(throws: RESPError.self) {
            while try reader.next() != nil {}
        }
    }

    @Test("a header line without its end is bounded")
    func endlessLine() {
        var reader = RESPReader()
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: RESPReader.maximumLineBytes + 10)
        ([UInt8(ascii: "+")] + line).withUnsafeBytes { reader.append($0) }
        #expect(throws: RESPError.self) { _ = try reader.next() }
    }

    @Test("commands are arrays of bulk strings, binary-safe")
    func commands() {
        let command = RESPValue.command([Array("SET".utf8), Array("k\r\n".utf8), [0, 0xFF]])
        #expect(command == Array("*3\r\n$3\r\nSET\r\n$3\r\nk\r\n\r\n$2\r\n".utf8) + [0, 0xFF, 0x0D, 0x0A])
    }

    @Test("Redis URLs: host, port, database, credentials; the description hides the password")
    func urls() throws {
        let plain = try #require(RedisURL("redis://127.0.0.1"))
        #expect(plain == RedisURL(host: "127.0.0.1", port: 6379, database: 0))
        let full = try #require(RedisURL("redis://thutuc:p%40ss:w@redis.internal:6380/3"))
        #expect(full == RedisURL(host: "redis.internal", port: 6380, database: 3, user: "thutuc", password: "p@ss:w"))
        #expect(full.description == "redis://redis.internal:6380/3")
        let passwordOnly = try #require(RedisURL("redis://:secret@[::1]:7000/"))
        #expect(passwordOnly == RedisURL(host: "::1", port: 7000, database: 0, password: "secret"))
        #expect(passwordOnly.description == "redis://[::1]:7000/0")
        for bad in ["http://127.0.0.1", "redis://", "redis://host:0", "redis://host:99999", "redis://host/x", "redis://user@host",
                    "redis://:@host", "redis://[::1", "redis://[::1]x", "redis://:%zz@host", "redis://a b"] {
            #expect(RedisURL(bad) == nil, "accepted \(bad)")
        }
    }

    @Test("the sessions object: defaults, every member, and errors naming the member")
    func configuration() throws {
        #expect(Configuration().sessions.kind == .memory)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sessions-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #"{"sessions": {"store": "redis", "url": "redis://10.0.0.5:6390/2", "prefix": "tt:", "timeoutMilliseconds": 50}, "sessionExpirySeconds": 60}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try Configuration.load(path: path, required: true)
        #expect(loaded.sessions.kind == .redis)
        #expect(loaded.sessions.url == RedisURL(host: "10.0.0.5", port: 6390, database: 2))
        #expect(loaded.sessions.prefix == "tt:")
        #expect(loaded.sessions.timeoutMilliseconds == 50)
        #expect(loaded.sessionExpirySeconds == 60)
        let cases: [(JSONValue, ConfigurationError)] = [
            (.string("redis"), .badValue(path: "t", key: "sessions", expected: #"an object such as {"store": "redis", "url": "redis://127.0.0.1:6379/0"}"#)),
            (.object(["store": .string("disk")]), .badValue(path: "t", key: "sessions.store", expected: #""memory" or "redis""#)),
            (.object(["url": .string("redis://")]), .badValue(path: "t", key: "sessions.url", expected: RedisURL.form)),
            (.object(["timeoutMilliseconds": .number(0)]), .badValue(path: "t", key: "sessions.timeoutMilliseconds", expected: "an integer in 1…60000")),
            (.object(["timeoutMilliseconds": .number(1.5)]), .badValue(path: "t", key: "sessions.timeoutMilliseconds", expected: "an integer in 1…60000")),
            (.object(["ttl": .number(5)]), .unknownKey(path: "t", key: "sessions.ttl")),
        ]
        for (value, expected) in cases {
            var configuration = Configuration()
            #expect(throws: expected) { try configuration.set("sessions", from: value, source: "t") }
        }
    }
}
