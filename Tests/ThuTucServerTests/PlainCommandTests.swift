import Foundation
import Testing
@testable import ThuTucServer
import ThuTucKnowledge

/// Plain mode obeys a line only when the whole line is a command, so that
/// questions starting with "reset" or "quit" are asked, not obeyed; JSON
/// obeys only "cmd", and refuses arrays; HELP names what each mode accepts.
@Suite("Plain-mode commands and JSON commands")
struct PlainCommandTests {
    static let token = "plain-command-token-0123"

    @Test("a line is a command only when it is the whole line", arguments: [
        ("PING", "PING"), ("ping", "PING"), ("  Quit  ", "QUIT"), ("AUTH some-token", "AUTH"), ("AUTH", "AUTH"), ("stats", "STATS"),
    ])
    func wholeLineCommands(line: String, command: String) {
        #expect(ProtocolHandler.command(in: line.trimmingCharacters(in: .whitespaces)).name == command)
    }

    @Test("longer lines are questions", arguments: [
        "reset mật khẩu tài khoản dịch vụ công", "quit việc có được nhận bảo hiểm thất nghiệp không", "PING me", "help tôi với",
        "why phải nộp", "AUTH a b", "RELOAD /etc", "STATS please",
    ])
    func longerLinesAreQuestions(line: String) {
        #expect(ProtocolHandler.command(in: line).name == nil)
    }

    @Test("'reset …' and 'quit …' questions are answered and the connection stays open")
    func questionsStartingWithCommands() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("đăng ký khai sinh\nreset mật khẩu tài khoản dịch vụ công\nmất bao lâu?\n")
        #expect(try client.readReply().joined().contains("1.001193"))
        let reset = try client.readReply()
        #expect(reset.last?.hasPrefix("200 ") == true)
        #expect(!reset.joined().contains("Đã bắt đầu lại"), "\(reset)")
        _ = try client.readReply()
        try client.send("quit việc có được nhận bảo hiểm thất nghiệp không\nPING\n")
        let quit = try client.readReply()
        #expect(quit.last?.hasPrefix("200 ") == true, "\(quit)")
        #expect(try client.readReply() == ["200 PONG"], "the connection is still open")
        try client.send("quit\n")
        #expect(try client.readReply() == ["221 tạm biệt"])
        #expect(try client.isClosedByServer())
    }

    @Test("AUTH on a server without a token says authentication is not enabled; AUTH alone asks for the token")
    func authMessages() throws {
        let bare = try ServerFixture.start()
        defer { bare.shutDown() }
        let client = try ServerFixture.connect(bare)
        for _ in 0..<4 {
            try client.send("AUTH some-token-0123456789\n")
            #expect(try client.readReply() == ["502 authentication is not enabled on this server (it has no authToken in its configuration)"])
        }
        try client.send(#"{"id":1,"cmd":"AUTH","token":"some-token-0123456789"}"# + "\n")
        let json = try client.readJSON()
        #expect(json.errorCode == "auth_not_enabled", "\(json)")
        try client.expectAlive()

        let guarded = try ServerFixture.start { $0.authToken = Self.token }
        defer { guarded.shutDown() }
        let admin = try ServerFixture.connect(guarded)
        try admin.send("auth\nAUTH \(Self.token)\n")
        #expect(try admin.readReply() == ["501 AUTH needs the token: AUTH <token>"])
        #expect(try admin.readReply() == ["235 authenticated"])
    }

    @Test("JSON: commands only through cmd, arrays are bad requests, WHY points to \"why\": true")
    func jsonCommands() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":1,"session":"j","text":"QUIT"}"# + "\n" + #"{"id":2,"cmd":"PING"}"# + "\n")
        let question = try client.readJSON()
        #expect(question["reply"] is String && question["intent"] is String, "text QUIT is a question: \(question)")
        #expect(try client.readJSON()["reply"] as? String == "PONG", "still open")
        try client.send(#"[{"id":3,"cmd":"PING"}]"# + "\n" + "[1, 2]\n")
        for _ in 0..<2 {
            let array = try client.readJSON()
            #expect(array.errorCode == "bad_request", "\(array)")
        }
        try client.send("[hỏi] đăng ký khai sinh\n")
        #expect(try client.readReply().joined().contains("1.001193"), "a line starting with [ that is not JSON is a question")
        try client.send(#"{"id":4,"cmd":"WHY"}"# + "\n")
        let why = try client.readJSON()
        #expect(why.errorCode == "unknown_command")
        #expect(((why["error"] as? [String: Any])?["message"] as? String)?.contains("\"why\": true") == true, "\(why)")
    }

    @Test("HELP names the commands of the mode it was asked in, and JSON HELP's list works as cmd")
    func helpAgreesWithCommands() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("HELP\n" + #"{"id":1,"cmd":"HELP"}"# + "\n")
        let plain = try client.readReply().joined(separator: "\n")
        #expect(plain.contains("WHY") && plain.contains("AUTH <token>"))
        let jsonHelp = try client.readJSON()["reply"] as? String ?? ""
        let listed = jsonHelp.split(separator: "\n").first { $0.hasPrefix("Commands") } ?? ""
        #expect(!listed.contains("WHY") && jsonHelp.contains("\"why\": true"), "\(jsonHelp)")
        for name in ["PING", "HELP", "RESET", "AUTH", "STATS", "RELOAD", "QUIT"] {
            #expect(listed.contains(name), "\(name) missing from \(listed)")
            try client.send(#"{"id":"\#(name)","cmd":"\#(name)","token":"x"}"# + "\n")
            let reply = try client.readJSON()
            #expect(reply.errorCode != "unknown_command", "\(name): \(reply)")
            if name == "QUIT" { break }
        }
    }
}

/// The statistics classify requests by the intent their log line carries.
@Suite("Request categories")
struct RequestCategoryTests {
    @Test("every intent is a question; commands and errors are told apart")
    func categories() {
        for intent in Intent.allCases {
            #expect(RequestCategory(intent: intent.rawValue).isQuestion, "\(intent.rawValue) would not count as a question")
        }
        #expect(RequestCategory(intent: "clarify") == .clarify && RequestCategory(intent: "fallback") == .fallback)
        #expect(RequestCategory(intent: "cmd:PING") == .command && RequestCategory(intent: "") == .ignored)
        #expect(RequestCategory(intent: "error:bad_json") == .error(.badJSON) && RequestCategory(intent: "error:new_kind") == .error(.other))
        #expect(RequestCategory(intent: "eligibility") == .answered)
    }
}
