import Foundation
import Testing
import ThuTucServer

/// Authentication, admin commands, files and logs, over real sockets.
@Suite("Hostile security", .timeLimit(.minutes(1)))
struct HostileSecurityTests {
    static let token = "s3cret-token-for-the-tests"

    /// A server on every IPv4 address, as a deployment behind a gateway
    /// would run, reached over loopback (the token guards it meanwhile).
    static func openServer(log: RequestLog = RequestLog(enabled: false)) throws -> TCPServer {
        try ServerFixture.start(log: log) {
            $0.host = "0.0.0.0"
            $0.authToken = token
        }
    }

    @Test("off loopback, plain clients must AUTH before anything but PING, HELP, QUIT and AUTH")
    func plainAuthFirst() throws {
        let server = try Self.openServer()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        for line in ["đăng ký khai sinh", "RESET", "WHY", "STATS", "RELOAD"] {
            try client.send(line + "\n")
            #expect(try client.readReply() == ["530 send AUTH <token> first"], "\(line)")
        }
        try client.expectAlive("PING needs no token")
        try client.send("HELP\n")
        #expect(try client.readReply().last?.hasPrefix("214 ") == true)
        try client.send("AUTH \(Self.token)\n")
        #expect(try client.readReply() == ["235 authenticated"])
        try client.send("đăng ký khai sinh\n")
        #expect(try client.readReply().joined().contains("1.001193"))
        try client.send("STATS\n")
        #expect(try client.readStats()["procedures"] != nil)
        let stranger = try Hostile.connect(server)
        try stranger.send("đăng ký khai sinh\n")
        #expect(try stranger.readReply() == ["530 send AUTH <token> first"], "AUTH holds for one connection only")
    }

    @Test("off loopback, JSON clients must AUTH first; commands and questions say auth_required")
    func jsonAuthFirst() throws {
        let server = try Self.openServer()
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        for request in [#"{"id":1,"text":"đăng ký khai sinh"}"#, #"{"id":2,"cmd":"RESET","session":"u"}"#, #"{"id":3,"cmd":"STATS"}"#, #"{"id":4,"cmd":"RELOAD"}"#] {
            try client.send(request + "\n")
            #expect(try client.readJSON().errorCode == "auth_required", "\(request)")
        }
        try client.send(#"{"id":5,"cmd":"PING"}"# + "\n")
        #expect(try client.readJSON()["reply"] as? String == "PONG")
        try client.send(#"{"id":6,"cmd":"AUTH","token":"\#(Self.token)"}"# + "\n")
        #expect(try client.readJSON()["reply"] as? String == "authenticated")
        try client.send(#"{"id":7,"session":"u","text":"đăng ký khai sinh"}"# + "\n")
        #expect(try client.readJSON().procedureCode == "1.001193")
        try client.send(#"{"id":8,"cmd":"STATS"}"# + "\n")
        #expect(try client.readJSON()["procedures"] is NSNumber)
    }

    @Test("three wrong tokens close the connection; the server keeps serving others")
    func wrongTokens() throws {
        let server = try Self.openServer()
        defer { server.shutDown() }
        let guesser = try Hostile.connect(server)
        try guesser.send("AUTH wrong-guess-0000000000\n")
        #expect(try guesser.readReply() == ["535 wrong token"])
        try guesser.send(#"{"id":1,"cmd":"AUTH","token":"\#(Self.token)x"}"# + "\n")
        #expect(try guesser.readJSON().errorCode == "auth_failed")
        try guesser.send("AUTH \(Self.token.dropLast())\nPING\n")
        #expect(try guesser.readReply() == ["535 wrong token; closing after 3 failed attempts"])
        #expect(try guesser.isClosedByServer(), "PING after the third failure is not answered")
        let honest = try Hostile.connect(server)
        try honest.send("AUTH \(Self.token)\n")
        #expect(try honest.readReply() == ["235 authenticated"])
        try honest.expectAlive()
    }

    @Test("admin commands need a configured token and AUTH, even on loopback")
    func adminNeedsToken() throws {
        let bare = try ServerFixture.start()
        defer { bare.shutDown() }
        let client = try Hostile.connect(bare)
        try client.send("STATS\nAUTH \(Self.token)\nRELOAD\n")
        #expect(try client.readReply() == ["530 admin commands need an authToken in the configuration and AUTH first"])
        #expect(try client.readReply() == ["502 authentication is not enabled on this server (it has no authToken in its configuration)"])
        #expect(try client.readReply() == ["530 admin commands need an authToken in the configuration and AUTH first"])
        try client.send("đăng ký khai sinh\n")
        #expect(try client.readReply().joined().contains("1.001193"), "questions need no token on loopback")

        let guarded = try ServerFixture.start { $0.authToken = Self.token }
        defer { guarded.shutDown() }
        let admin = try Hostile.connect(guarded)
        try admin.send("STATS\n")
        #expect(try admin.readReply() == ["530 admin commands need an authToken in the configuration and AUTH first"])
        try admin.send("AUTH \(Self.token)\nSTATS\n")
        #expect(try admin.readReply() == ["235 authenticated"])
        #expect(try admin.readStats()["procedures"] != nil)
    }

    @Test("no command reads a file the client names: RELOAD with a path is a question, and JSON path fields are ignored")
    func noClientPaths() throws {
        let served = try KnowledgeCopy(procedures: 120)
        let elsewhere = try KnowledgeCopy(procedures: 200)
        let server = try ServerFixture.start(knowledge: served.path) { $0.authToken = Self.token }
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        try client.send("AUTH \(Self.token)\nRELOAD \(elsewhere.path)\nRELOAD ../../etc\n")
        #expect(try client.readReply() == ["235 authenticated"])
        for _ in 0..<2 {
            let reply = try client.readReply()
            #expect(reply.last?.hasPrefix("200 ") == true && !reply.joined().contains("reloaded"), "a line longer than RELOAD is a question: \(reply)")
        }
        for field in ["path", "knowledge", "directory", "file"] {
            try client.send(#"{"id":1,"cmd":"RELOAD","\#(field)":"\#(elsewhere.path)"}"# + "\n")
            let reply = try client.readJSON()
            #expect((reply["procedures"] as? NSNumber)?.intValue == 120, "\(field) → \(reply)")
        }
        try client.send("STATS\n")
        #expect(try client.readStats()["procedures"] == "120")
        try client.send("/etc/passwd\n../../Config/thutuc.json\n")
        for _ in 0..<2 {
            let reply = try client.readReply().joined(separator: "\n")
            #expect(!reply.contains("root:") && !reply.contains("authToken"), "\(reply)")
        }
    }

    @Test("the request log masks ID numbers, phones and e-mails and never holds session names or tokens")
    func logMasking() throws {
        let log = CapturedLog()
        let server = try Self.openServer(log: log.requestLog())
        defer { server.shutDown() }
        let client = try Hostile.connect(server)
        try client.send("AUTH \(Self.token)\nPING\n")
        #expect(try client.readReply() == ["235 authenticated"])
        #expect(try client.readReply() == ["200 PONG"])
        try client.send("làm lại cccd 079201001234, sđt +84 912 345 678, mail lan.nguyen@gmail.com\n")
        _ = try client.readReply()
        try client.send(#"{"id":1,"session":"zalo:84901234567","text":"cmnd 123456789 gọi 0912.345.678"}"# + "\n")
        _ = try client.readJSON()
        try client.send(#"{"id":2,"session":"zalo:84901234567","text":"mất bao lâu"}"# + "\n")
        _ = try client.readJSON()
        let lines = log.all
        #expect(lines.count == 4, "AUTH, two questions and a follow-up; PING is not logged: \(lines)")
        let text = lines.joined()
        for secret in ["079201001234", "912 345 678", "lan.nguyen", "84901234567", "123456789", "0912.345.678", Self.token] {
            #expect(!text.contains(secret), "the log holds \(secret)")
        }
        #expect(lines.filter { $0.contains("***") }.count == 2)
        let sessionTags = lines.compactMap { $0.split(separator: " ").first { $0.hasPrefix("session=") } }
        #expect(sessionTags.count == 4 && sessionTags[2] == sessionTags[3] && sessionTags[1] != sessionTags[2])
        for line in lines {
            #expect(line.contains(" intent=") && line.contains(" code=") && line.contains(" us=") && line.hasSuffix("\n"), "\(line)")
        }
    }
}
