import Foundation
import Testing
import ThuTucServer

/// JSON lines over a real socket: fields, commands, pipelining, sessions.
@Suite("JSON mode over TCP", .timeLimit(.minutes(1)))
struct JSONModeTests {
    @Test("a question's reply carries id, session, intent, procedure, choices and reply")
    func questionFields() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":"q-1","session":"user-7","text":"đăng ký khai sinh cần giấy tờ gì"}"# + "\n")
        let reply = try client.readJSON()
        #expect(reply["id"] as? String == "q-1")
        #expect(reply["session"] as? String == "user-7")
        #expect(reply["intent"] as? String == "documents")
        #expect(reply.procedureCode == "1.001193")
        #expect(reply["choices"] is [Any])
        #expect(reply["confidence"] is NSNumber)
        #expect((reply["reply"] as? String)?.contains("1.001193") == true)
    }

    @Test("numeric ids are echoed as numbers")
    func numericID() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":42,"cmd":"PING"}"# + "\n")
        let reply = try client.readJSON()
        #expect((reply["id"] as? NSNumber)?.intValue == 42)
        #expect(reply["reply"] as? String == "PONG")
    }

    @Test("PING, HELP, RESET, an unknown command and QUIT")
    func commands() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":1,"cmd":"PING"}"# + "\n")
        #expect(try client.readJSON()["reply"] as? String == "PONG")
        try client.send(#"{"id":2,"cmd":"help"}"# + "\n")
        let help = try client.readJSON()
        #expect((help["id"] as? NSNumber)?.intValue == 2)
        #expect((help["reply"] as? String)?.contains("PING") == true)
        try client.send(#"{"id":3,"cmd":"RESET","session":"s-1"}"# + "\n")
        let reset = try client.readJSON()
        #expect(reset["session"] as? String == "s-1")
        #expect(reset["reply"] is String)
        try client.send(#"{"id":4,"cmd":"DANCE"}"# + "\n")
        #expect(try client.readJSON().errorCode == "unknown_command")
        try client.send(#"{"id":5,"cmd":"STATS"}"# + "\n")
        #expect(try client.readJSON().errorCode == "auth_required")
        try client.send(#"{"id":6,"cmd":"QUIT"}"# + "\n")
        let bye = try client.readJSON()
        #expect((bye["id"] as? NSNumber)?.intValue == 6)
        #expect(bye["reply"] as? String == "bye")
        #expect(try client.isClosedByServer())
    }

    @Test("a malformed request gets an error line and the connection goes on")
    func badJSON() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send("{\"id\":1,\"text\":\n")
        #expect(try client.readJSON().errorCode == "bad_json")
        try client.send(#"{"id":2,"text":17}"# + "\n")
        let wrongType = try client.readJSON()
        #expect((wrongType["id"] as? NSNumber)?.intValue == 2)
        #expect(wrongType.errorCode == "bad_request")
        try client.send(#"{"id":3,"cmd":"PING"}"# + "\n")
        #expect(try client.readJSON()["reply"] as? String == "PONG")
    }

    @Test("50 requests in one write get 50 replies in order")
    func pipelining() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        let questions = ["đăng ký khai sinh cần giấy tờ gì", "mất bao lâu?", "lệ phí bao nhiêu?"]
        var batch = ""
        for id in 0..<50 {
            if id % 5 == 0 {
                batch += #"{"id":\#(id),"session":"pipe-\#(id % 3)","text":"\#(questions[(id / 5) % questions.count])"}"# + "\n"
            } else {
                batch += #"{"id":\#(id),"cmd":"PING"}"# + "\n"
            }
        }
        try client.send(batch)
        for id in 0..<50 {
            let reply = try client.readJSON()
            #expect((reply["id"] as? NSNumber)?.intValue == id)
            if id % 5 == 0 {
                #expect(reply["session"] as? String == "pipe-\(id % 3)")
                #expect(reply["intent"] is String)
            } else {
                #expect(reply["reply"] as? String == "PONG")
            }
        }
    }

    @Test("two sessions interleaved on one connection keep separate focus")
    func interleavedSessions() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":"a1","session":"A","text":"đăng ký khai sinh"}"# + "\n")
        try client.send(#"{"id":"b1","session":"B","text":"đăng ký kết hôn"}"# + "\n")
        let first = try client.readJSON(), second = try client.readJSON()
        #expect(first.procedureCode == "1.001193")
        #expect(second.procedureCode == "1.000894")
        try client.send(#"{"id":"a2","session":"A","text":"mất bao lâu?"}"# + "\n" + #"{"id":"b2","session":"B","text":"mất bao lâu?"}"# + "\n")
        let a2 = try client.readJSON(), b2 = try client.readJSON()
        #expect(a2["id"] as? String == "a2")
        #expect(a2["intent"] as? String == "time")
        #expect(a2.procedureCode == "1.001193")
        #expect(b2["id"] as? String == "b2")
        #expect(b2["intent"] as? String == "time")
        #expect(b2.procedureCode == "1.000894")
    }

    @Test("a clarification is answered by its number")
    func clarificationByNumber() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        let candidates = ["giấy kiểm dịch động vật vận chuyển ra khỏi tỉnh", "cấp giấy phép", "cấp lại giấy phép", "giấy phép"]
        var found: (session: String, choices: [String])?
        for (index, question) in candidates.enumerated() where found == nil {
            let session = "clarify-\(index)"
            try client.send(#"{"id":\#(index),"session":"\#(session)","text":"\#(question)"}"# + "\n")
            let reply = try client.readJSON()
            if reply["intent"] as? String == "clarify", reply.choiceCodes.count >= 2 {
                found = (session, reply.choiceCodes)
            }
        }
        let clarification = try #require(found, "none of \(candidates) asked for clarification")
        try client.send(#"{"id":"pick","session":"\#(clarification.session)","text":"2"}"# + "\n")
        let picked = try client.readJSON()
        #expect(picked["id"] as? String == "pick")
        #expect(picked.procedureCode == clarification.choices[1])
    }
}
