import Foundation
import Testing
import ThuTucServer

/// Line limits, timeouts, the connection limit and back-pressure.
@Suite("Server limits", .timeLimit(.minutes(1)))
struct LimitTests {
    @Test("a line over maxLineBytes gets 413 and the next request is answered")
    func lineTooLong() throws {
        let server = try ServerFixture.start { $0.maxLineBytes = 256 }
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(String(repeating: "a", count: 5000) + "\nPING\n")
        let reply = try client.readReply()
        #expect(reply.last?.hasPrefix("413 ") == true)
        #expect(try client.readReply() == ["200 PONG"])
        try client.send("{\"text\":\"" + String(repeating: "x", count: 5000) + "\"}\n" + #"{"id":1,"cmd":"PING"}"# + "\n")
        #expect(try client.readJSON().errorCode == "line_too_long")
        #expect(try client.readJSON()["reply"] as? String == "PONG")
    }

    @Test("a silent connection gets 421 and is closed")
    func idleTimeout() throws {
        let server = try ServerFixture.start { $0.idleTimeoutSeconds = 0.5 }
        defer { server.shutDown() }
        let start = Date()
        let client = try ServerFixture.connect(server)
        let notice = try #require(try client.readLine())
        let elapsed = Date().timeIntervalSince(start)
        #expect(notice.hasPrefix("421 "))
        #expect(elapsed >= 0.45 && elapsed < 5, "closed after \(elapsed) s")
        #expect(try client.isClosedByServer())
    }

    @Test("activity keeps a connection open past the idle timeout")
    func activityResetsIdleTimer() throws {
        let server = try ServerFixture.start { $0.idleTimeoutSeconds = 0.6 }
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        for _ in 0..<4 {
            usleep(300_000)
            try client.send("PING\n")
            #expect(try client.readReply() == ["200 PONG"])
        }
    }

    @Test("connections beyond maxConnections get 503 and are closed")
    func maxConnections() throws {
        let server = try ServerFixture.start { $0.maxConnections = 2 }
        defer { server.shutDown() }
        let first = try ServerFixture.connect(server)
        let second = try ServerFixture.connect(server)
        let third = try TestClient(port: server.port)
        #expect(try third.readLine()?.hasPrefix("503 ") == true)
        #expect(try third.isClosedByServer())
        try second.send("PING\n")
        #expect(try second.readReply() == ["200 PONG"])
        first.close()
        #expect(ServerFixture.eventually { server.openConnections == 1 })
        let fourth = try ServerFixture.connect(server)
        try fourth.send("PING\n")
        #expect(try fourth.readReply() == ["200 PONG"])
    }

    @Test("a client vanishing mid-reply does not disturb the server")
    func peerClosesMidReply() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let other = try ServerFixture.connect(server)
        for abort in [false, true] {
            let leaving = try ServerFixture.connect(server)
            try leaving.send(String(repeating: "HELP\n", count: 2000))
            if abort { leaving.abort() } else { leaving.close() }
        }
        #expect(ServerFixture.eventually { server.openConnections == 1 })
        try other.send("PING\n")
        #expect(try other.readReply() == ["200 PONG"])
    }

    @Test("a thousand idle connections are held and all answer")
    func manyConnections() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        var clients: [TestClient] = []
        for _ in 0..<1000 { clients.append(try TestClient(port: server.port)) }
        for client in clients { #expect(try client.readLine()?.hasPrefix("220 ") == true) }
        #expect(server.openConnections == 1000)
        for client in clients { try client.send("PING\n") }
        for client in clients { #expect(try client.readReply() == ["200 PONG"]) }
    }
}
