import Testing
import ThuTucServer

/// The plain, human protocol over a real socket.
@Suite("Plain mode over TCP", .timeLimit(.minutes(1)))
struct PlainModeTests {
    @Test("a connection is greeted with 220")
    func greeting() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try TestClient(port: server.port)
        let line = try #require(try client.readLine())
        #expect(line.hasPrefix("220 ThuTuc"))
    }

    @Test("a question gets a framed 200 reply naming the procedure")
    func question() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("đăng ký khai sinh cần giấy tờ gì\r\n")
        let reply = try client.readReply()
        #expect(reply.count > 1)
        #expect(reply.dropLast().allSatisfy { $0.hasPrefix("200-") })
        #expect(reply.last?.hasPrefix("200 ") == true)
        #expect(reply.joined(separator: "\n").contains("1.001193"))
    }

    @Test("a follow-up question keeps the connection's procedure")
    func followUp() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("đăng ký kết hôn cần giấy tờ gì\n")
        #expect(try client.readReply().joined().contains("1.000894"))
        try client.send("lệ phí bao nhiêu?\n")
        let reply = try client.readReply()
        #expect(reply.last?.hasPrefix("200 ") == true)
        #expect(reply.joined().contains("1.000894"))
    }

    @Test("PING, HELP, RESET and QUIT")
    func commands() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("PING\n")
        #expect(try client.readReply() == ["200 PONG"])
        try client.send("help\n")
        let help = try client.readReply()
        #expect(help.dropLast().allSatisfy { $0.hasPrefix("214-") })
        #expect(help.last?.hasPrefix("214 ") == true)
        #expect(help.joined().contains("PING"))
        try client.send("RESET\n")
        #expect(try client.readReply().last?.hasPrefix("200 ") == true)
        try client.send("\n")
        try client.send("QUIT\n")
        #expect(try client.readReply().first?.hasPrefix("221 ") == true)
        #expect(try client.isClosedByServer())
    }

    @Test("an empty line gets no reply and the next request is answered")
    func emptyLine() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("\n\r\n   \nPING\n")
        #expect(try client.readReply() == ["200 PONG"])
    }

    @Test("after a half-close every pending request is still answered, then the server closes")
    func halfClose() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("PING\nHELP\nPING")
        client.shutdownWrite()
        #expect(try client.readReply() == ["200 PONG"])
        #expect(try client.readReply().last?.hasPrefix("214 ") == true)
        #expect(try client.readReply() == ["200 PONG"])
        #expect(try client.isClosedByServer())
    }

    @Test("requests after QUIT in the same write are not answered")
    func quitPipelined() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("PING\nQUIT\nPING\n")
        #expect(try client.readReply() == ["200 PONG"])
        #expect(try client.readReply().first?.hasPrefix("221 ") == true)
        #expect(try client.isClosedByServer())
    }
}
