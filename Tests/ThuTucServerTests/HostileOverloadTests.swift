@preconcurrency import Glibc
import Foundation
import Testing
import ThuTucServer

/// Too many clients, clients that never read, clients that write a byte at a
/// time, clients that vanish, and floods of sessions: each is cut off or
/// bounded, and nobody else waits for it.
@Suite("Hostile overload", .timeLimit(.minutes(1)))
struct HostileOverloadTests {
    @Test("a flood of connections past maxConnections gets 503 and a close; those admitted keep answering")
    func connectionFlood() throws {
        let server = try ServerFixture.start { $0.maxConnections = 8 }
        defer { server.shutDown() }
        var admitted: [TestClient] = []
        var refused = 0
        for _ in 0..<60 {
            let client = try TestClient(port: server.port, timeout: Hostile.readTimeout)
            let first = try #require(try client.readLine())
            if first.hasPrefix("220 ") {
                admitted.append(client)
            } else {
                #expect(first == "503 busy: too many connections, try again later")
                #expect(try client.isClosedByServer())
                refused += 1
            }
        }
        #expect(admitted.count == 8)
        #expect(refused == 52)
        #expect(server.openConnections == 8)
        for client in admitted { try client.expectAlive() }
        for client in admitted { client.abort() }
        #expect(ServerFixture.eventually(timeout: Hostile.readTimeout) { server.openConnections == 0 })
        try Hostile.connect(server).expectAlive("a place frees up once the flood is gone")
    }

    @Test("a client that never reads its replies is cut off after writeTimeoutSeconds while others are answered")
    func neverReads() throws {
        let server = try ServerFixture.start {
            $0.maxPendingReplyBytes = 8192
            $0.writeTimeoutSeconds = 0.6
        }
        defer { server.shutDown() }
        let other = try Hostile.connect(server)
        let silent = try TestClient(port: server.port, timeout: Hostile.readTimeout, receiveBuffer: 4096)
        #expect(ServerFixture.eventually(timeout: Hostile.readTimeout) { server.openConnections == 2 })
        let start = Date()
        // Replies far bigger than every buffer on the way; the server stops reading once 8 KB wait.
        _ = Hostile.sendInBackground(Array(String(repeating: "HELP\n", count: 20_000).utf8), on: silent)
        var slowest = 0.0
        while server.openConnections == 2, Date().timeIntervalSince(start) < Hostile.readTimeout {
            let asked = Date()
            try other.expectAlive("answered while the silent client's replies pile up")
            slowest = max(slowest, Date().timeIntervalSince(asked))
            usleep(50_000)
        }
        let elapsed = Date().timeIntervalSince(start)
        #expect(server.openConnections == 1, "the silent client is still connected after \(elapsed) s")
        #expect(elapsed >= 0.55 && elapsed < 3, "cut off after \(elapsed) s")
        #expect(slowest < 0.5, "the other connection waited \(slowest) s")
        #expect(try !silent.readToEnd(), "cut off with a reset: the backlog is worthless")
    }

    @Test("a slowloris writer trickling a line is closed after lineTimeoutSeconds, though it keeps the idle timer fresh")
    func slowlorisPlain() throws {
        let server = try ServerFixture.start {
            $0.lineTimeoutSeconds = 0.6
            $0.idleTimeoutSeconds = 2
        }
        defer { server.shutDown() }
        let other = try Hostile.connect(server)
        let slow = try Hostile.connect(server)
        let start = Date()
        var notice: String?
        for byte in "PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP".utf8 {
            do {
                try slow.send([byte])
            } catch {
                break
            }
            if slow.hasPendingInput() {
                notice = try slow.readLine()
                break
            }
            try other.expectAlive()
            usleep(100_000)
        }
        if notice == nil { notice = try slow.readLine() }
        let elapsed = Date().timeIntervalSince(start)
        #expect(notice == "421 line not finished within 0.6 s; closing")
        #expect(elapsed >= 0.55 && elapsed < 1.6, "closed after \(elapsed) s")
        #expect(try slow.isClosedByServer())
        try other.expectAlive()
    }

    @Test("a slowloris JSON line gets a line_timeout error and a close")
    func slowlorisJSON() throws {
        let server = try ServerFixture.start { $0.lineTimeoutSeconds = 0.4 }
        defer { server.shutDown() }
        let other = try Hostile.connect(server)
        let slow = try Hostile.connect(server)
        try slow.send(#"  {"id":1,"text":"đăng"#)
        let start = Date()
        let reply = try slow.readJSON()
        #expect(reply.errorCode == "line_timeout")
        #expect(reply["id"] is NSNull)
        #expect(Date().timeIntervalSince(start) >= 0.35)
        #expect(try slow.isClosedByServer())
        try other.expectAlive()
    }

    @Test("a line sent in pieces within lineTimeoutSeconds, and complete lines sent slowly, are answered")
    func slowButHonest() throws {
        let server = try ServerFixture.start { $0.lineTimeoutSeconds = 0.5 }
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        for _ in 0..<4 {
            try client.send("PI")
            usleep(200_000)
            try client.send("NG\n")
            #expect(try client.readReply() == ["200 PONG"])
            usleep(200_000)
        }
        try client.expectAlive()
    }

    @Test("clients vanishing mid-reply, with a reset or a close, are harmless: SIGPIPE is ignored")
    func abruptDisconnects() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        var action = sigaction()
        #expect(sigaction(SIGPIPE, nil, &action) == 0)
        #expect(unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self), "SIGPIPE is not ignored")
        let other = try Hostile.connect(server)
        for round in 0..<20 {
            let leaving = try Hostile.connect(server)
            try leaving.send(String(repeating: "HELP\n", count: 500) + "đăng ký khai sinh\n")
            if round % 3 == 0 { _ = try leaving.readLine() }
            if round % 2 == 0 { leaving.abort() } else { leaving.close() }
        }
        #expect(ServerFixture.eventually(timeout: Hostile.readTimeout) { server.openConnections == 1 })
        try other.expectAlive()
    }

    @Test("a flood of new sessions stays within maxSessions")
    func sessionFlood() throws {
        let server = try ServerFixture.start {
            $0.maxSessions = 50
            $0.authToken = "session-flood-token-0123"
        }
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        let count = 5000
        var batch = ""
        for index in 0..<count { batch += #"{"id":\#(index),"cmd":"RESET","session":"flood-\#(index)"}"# + "\n" }
        try client.send(batch)
        for index in 0..<count {
            let reply = try client.readJSON()
            guard (reply["id"] as? NSNumber)?.intValue == index else {
                Issue.record("reply \(index): \(reply)")
                break
            }
        }
        try client.send(#"{"cmd":"AUTH","token":"session-flood-token-0123"}"# + "\n" + #"{"cmd":"STATS"}"# + "\n")
        #expect(try client.readJSON()["reply"] as? String == "authenticated")
        let stats = try client.readJSON()
        #expect((stats["sessions"] as? NSNumber)?.intValue == 50, "\(stats)")
        try client.expectAlive()
    }
}
