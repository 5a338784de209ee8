@preconcurrency import Glibc
import Foundation
import Testing
import ThuTucServer

/// The Redis session store against a real redis-server: conversations that
/// continue on another server, plain mode, pipelining, and every fault the
/// store must survive (Redis absent, stuck, holding garbage), each compared
/// with a single server keeping its sessions in memory.
@Suite(
    "Sessions in Redis", .serialized, .timeLimit(.minutes(2)),
    .enabled(if: RedisProcess.executable != nil, Comment(rawValue: RedisProcess.missing))
)
struct RedisStoreTests {
    static let token = "redis-store-test-token-0123"

    /// A temporary directory for Redis's files, removed afterwards.
    private func withDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thutuc-redis-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        return try body(directory)
    }

    /// Redis, a server keeping its sessions there and a reference server
    /// keeping them in memory, for `body`; all stopped afterwards.
    private func withRedisAndReference(timeoutMilliseconds: Int = 200, _ body: (RedisProcess, TCPServer, TCPServer) throws -> Void) throws {
        try withDirectory { directory in
            let redis = try RedisProcess(directory: directory)
            defer { redis.stop() }
            let shared = try server(port: redis.port, timeoutMilliseconds: timeoutMilliseconds)
            let reference = try ServerFixture.start()
            defer { [shared, reference].forEach { $0.shutDown() } }
            try body(redis, shared, reference)
        }
    }

    /// A server keeping its sessions in the Redis on `port`, with /metrics on a port of its own.
    private func server(port: Int, timeoutMilliseconds: Int = 200, log: RequestLog = RequestLog(enabled: false)) throws -> TCPServer {
        try ServerFixture.start(log: log) {
            $0.metricsPort = 0
            $0.sessions.kind = .redis
            $0.sessions.url = RedisURL(host: "127.0.0.1", port: port, database: 0)
            $0.sessions.prefix = "test:"
            $0.sessions.timeoutMilliseconds = timeoutMilliseconds
            $0.authToken = Self.token
        }
    }

    /// One JSON question on a new connection, reduced to what must match between servers.
    private func ask(_ server: TCPServer, session: String, _ text: String) throws -> [String] {
        let client = try ServerFixture.connect(server, timeout: 5)
        var writer = [String: Any]()
        writer["session"] = session
        writer["text"] = text
        try client.send(String(decoding: try JSONSerialization.data(withJSONObject: writer), as: UTF8.self) + "\n")
        return Self.essence(try client.readJSON())
    }

    static func essence(_ reply: [String: Any]) -> [String] {
        [reply["intent"] as? String ?? "?", reply.procedureCode ?? "-", reply.choiceCodes.joined(separator: ","), reply["reply"] as? String ?? "?"]
    }

    /// STATS over JSON, after AUTH.
    private func stats(_ server: TCPServer) throws -> [String: Any] {
        let client = try ServerFixture.connect(server, timeout: 5)
        try client.send(#"{"cmd":"AUTH","token":"\#(Self.token)"}"# + "\n" + #"{"cmd":"STATS"}"# + "\n")
        _ = try client.readJSON()
        return try client.readJSON()
    }

    /// GET /metrics, as numbers by "name{labels}".
    private func metrics(_ server: TCPServer) throws -> [String: Double] {
        let port = try #require(server.metrics?.port)
        return HTTPProbe.samples(try HTTPProbe.get("/metrics", port: port).body)
    }

    @Test("a JSON conversation moves between servers sharing Redis, answered as one server answers it")
    func sharedConversation() throws {
        try withRedisAndReference { redis, shared, reference in
            let other = try server(port: redis.port)
            defer { other.shutDown() }
            let servers = [shared, other]
            let script = [
                ("s1", "đăng ký kết hôn mất bao lâu"), ("s2", "hộ kinh doanh"), ("s1", "lệ phí?"), ("s2", "2"),
                ("s1", "còn khai sinh thì sao"), ("s2", "mất bao lâu"), ("s3", "hộ kinh doanh"), ("s3", "chấm dứt"),
                ("s1", "bắt đầu lại"), ("s1", "mất bao lâu?"),
            ]
            for (turn, (session, text)) in script.enumerated() {
                let shared = try ask(servers[turn % 2], session: session, text)
                #expect(shared == (try ask(reference, session: session, text)), "turn \(turn): \(text)")
            }
            #expect(try redis.command("EXISTS test:s2") == ":1")
            #expect(try redis.command("EXISTS test:s1") == ":0", "a session left blank is deleted")
        }
    }

    @Test("RESET on one server forgets the conversation on the other; the expiry is the key's time to live")
    func resetAndExpiry() throws {
        try withDirectory { directory in
            let redis = try RedisProcess(directory: directory)
            defer { redis.stop() }
            let first = try server(port: redis.port), second = try server(port: redis.port)
            defer { [first, second].forEach { $0.shutDown() } }
            _ = try ask(first, session: "u", "đăng ký kết hôn")
            let ttl = try #require(try redis.command("PTTL test:u").flatMap { Int($0.dropFirst()) })
            #expect((1_790_000...1_800_000).contains(ttl), "PTTL \(ttl)")
            let client = try ServerFixture.connect(first, timeout: 5)
            try client.send(#"{"id":1,"cmd":"RESET","session":"u"}"# + "\n")
            #expect(try client.readJSON()["session"] as? String == "u")
            #expect(try redis.command("EXISTS test:u") == ":0")
            #expect(try ask(second, session: "u", "lệ phí?")[1] == "-")
        }
    }

    @Test("plain mode keeps the connection's conversation through Redis, and WHY still explains")
    func plainMode() throws {
        try withRedisAndReference { redis, shared, reference in
            let lines = ["hộ kinh doanh", "2", "WHY", "mất bao lâu?", "RESET", "WHY", "lệ phí?"]
            let sharedClient = try ServerFixture.connect(shared, timeout: 5)
            let referenceClient = try ServerFixture.connect(reference, timeout: 5)
            for line in lines {
                try sharedClient.send(line + "\n")
                try referenceClient.send(line + "\n")
                #expect(try sharedClient.readReply() == (try referenceClient.readReply()), "\(line)")
            }
        }
    }

    @Test("pipelined turns on one connection are answered in order, each seeing the one before")
    func pipelined() throws {
        try withRedisAndReference { redis, shared, reference in
            let texts = ["hộ kinh doanh", "2", "mất bao lâu", "lệ phí?", "làm hộ chiếu cần giấy tờ gì", "bao lâu thì có", "còn căn cước thì sao"]
            var batch = ""
            for round in 0..<4 {
                for (index, text) in texts.enumerated() {
                    batch += #"{"id":\#(round * 100 + index),"session":"p\#(round)","text":"\#(text)"}"# + "\n"
                }
            }
            var replies: [[[String]]] = []
            for target in [shared, reference] {
                let client = try ServerFixture.connect(target, timeout: 5)
                try client.send(batch)
                var answers: [[String]] = []
                for round in 0..<4 {
                    for index in texts.indices {
                        let reply = try client.readJSON()
                        #expect((reply["id"] as? NSNumber)?.intValue == round * 100 + index)
                        answers.append(Self.essence(reply))
                    }
                }
                replies.append(answers)
            }
            #expect(replies[0] == replies[1])
        }
    }

    @Test("Redis unreachable at start: answers keep coming, the outage is logged once, and the store recovers")
    func unreachableAtStart() throws {
        try withDirectory { directory in
            let port = try ServiceProcess.freePort()
            let log = CapturedLog()
            let shared = try server(port: port, log: log.requestLog())
            let reference = try ServerFixture.start()
            defer { [shared, reference].forEach { $0.shutDown() } }
            #expect(try ask(shared, session: "a", "đăng ký kết hôn") == (try ask(reference, session: "a", "đăng ký kết hôn")))
            // The focus could not be kept: the follow-up is answered as a new question.
            #expect(try ask(shared, session: "a", "lệ phí?") == (try ask(reference, session: "fresh", "lệ phí?")))
            let down = try stats(shared)
            #expect(down["sessions_store_state"] as? String == "down")
            #expect((down["sessions_store_fallbacks"] as? NSNumber)?.intValue ?? 0 >= 1, "\(down)")
            #expect(down["sessions"] is NSNull)
            let samples = try metrics(shared)
            #expect(samples["thutuc_session_store_up"] == 0 && samples["thutuc_session_store_connections_up"] == 0, "\(samples)")
            #expect(samples["thutuc_session_store_fallbacks_total"] ?? 0 >= 1 && samples["thutuc_session_store_faults_total"] ?? 0 >= 1)
            #expect(samples["thutuc_sessions"] == nil, "Redis holds the sessions: no count of this process's")
            let redis = try RedisProcess(directory: directory, port: port)
            defer { redis.stop() }
            #expect(ServerFixture.eventually(timeout: 10) { (try? stats(shared))?["sessions_store_state"] as? String == "up" })
            #expect(try metrics(shared)["thutuc_session_store_up"] == 1)
            _ = try ask(shared, session: "b", "đăng ký kết hôn")
            #expect(try ask(shared, session: "b", "lệ phí?") == (try ask(reference, session: "a", "lệ phí?")))
            let notes = log.all.filter { $0.contains("sessions: redis://") }
            #expect(notes.filter { $0.contains("unavailable") }.count == 1, "\(notes)")
            #expect(notes.filter { $0.contains("reachable again") }.count == 1, "\(notes)")
        }
    }

    @Test("a Redis that stops answering is treated as down within the timeout, and nothing is lost once it answers again")
    func stuckRedis() throws {
        try withRedisAndReference(timeoutMilliseconds: 100) { redis, shared, reference in
            _ = try ask(shared, session: "k", "đăng ký kết hôn")
            redis.pause()
            let start = Date()
            #expect(try ask(shared, session: "k", "lệ phí?") == (try ask(reference, session: "fresh", "lệ phí?")))
            #expect(try ask(shared, session: "n", "làm hộ chiếu cần giấy tờ gì") == (try ask(reference, session: "n", "làm hộ chiếu cần giấy tờ gì")))
            #expect(Date().timeIntervalSince(start) < 2, "two turns took \(Date().timeIntervalSince(start)) s")
            let during = try stats(shared)
            #expect((during["sessions_store_timeouts"] as? NSNumber)?.intValue ?? 0 >= 1, "\(during)")
            redis.resume()
            #expect(ServerFixture.eventually(timeout: 10) { (try? stats(shared))?["sessions_store_state"] as? String == "up" })
            _ = try ask(reference, session: "k", "đăng ký kết hôn")
            #expect(try ask(shared, session: "k", "lệ phí?") == (try ask(reference, session: "k", "lệ phí?")))
        }
    }

    @Test("a stored value that is not a session is ignored, counted, and replaced")
    func unreadableSession() throws {
        try withRedisAndReference { redis, shared, reference in
            #expect(try redis.command("SET test:g not-a-session") == "+OK")
            #expect(try redis.command("LPUSH test:l wrong-type") == ":1")
            #expect(try ask(shared, session: "g", "lệ phí?") == (try ask(reference, session: "g", "lệ phí?")))
            #expect(try ask(shared, session: "l", "đăng ký kết hôn") == (try ask(reference, session: "l", "đăng ký kết hôn")))
            let figures = try stats(shared)
            #expect((figures["sessions_store_unreadable"] as? NSNumber)?.intValue == 1, "\(figures)")
            #expect((figures["sessions_store_fallbacks"] as? NSNumber)?.intValue == 2)
            #expect((figures["sessions_store_failed_writes"] as? NSNumber)?.intValue == 0, "SET replaces a key of any type")
            // Turns completed through Redis are counted by outcome and time, like any other question.
            let questions = ["requests_answered", "requests_clarify", "requests_fallback"].map { (figures[$0] as? NSNumber)?.intValue ?? 0 }
            #expect(questions.reduce(0, +) == 2 && (figures["answers_last_minute"] as? NSNumber)?.intValue == 2, "\(figures)")
            let samples = try metrics(shared)
            #expect(samples["thutuc_session_store_unreadable_total"] == 1 && samples["thutuc_session_store_fallbacks_total"] == 2, "\(samples)")
            // Plain STATS: the store's lines as the last INFO section, and no count of sessions.
            let client = try ServerFixture.connect(shared, timeout: 5)
            try client.send("AUTH \(Self.token)\nSTATS\n")
            _ = try client.readReply()
            let lines = try client.readReply()
            let section = try #require(lines.firstIndex(of: "200-# Session store"), "\(lines)")
            #expect(Array(lines[section...].prefix(3)) == ["200-# Session store", "200-sessions_store: redis", "200-sessions_store_url: redis://127.0.0.1:\(redis.port)/0"])
            #expect(lines.contains("200-sessions: -") && lines.contains("200-sessions_store_unreadable: 1") && lines.last?.hasPrefix("200 sessions_store_last_fault: ") == true)
            _ = try ask(shared, session: "g", "đăng ký kết hôn")
            #expect(try ask(shared, session: "g", "lệ phí?")[1] == "1.000894")
        }
    }
}
