import Testing
import ThuTucDialogue
import ThuTucKnowledge

@Suite("Conversation")
struct DialogueTests {
    private let assistant = EngineFixture.assistant

    @Test("Follow-ups that name no procedure use the one in focus")
    func followUps() {
        var session = Session()
        #expect(assistant.respond(to: "đăng ký khai tử", in: &session).procedure?.code == "1.000656")
        let time = assistant.respond(to: "mất bao lâu?", in: &session)
        #expect(time.procedure?.code == "1.000656")
        #expect(time.intent == .time)
        let fee = assistant.respond(to: "lệ phí?", in: &session)
        #expect(fee.procedure?.code == "1.000656")
        #expect(fee.intent == .fee)
        #expect(assistant.respond(to: "nộp ở đâu", in: &session).intent == .agency)
    }

    @Test("\"còn … thì sao\" asks the previous question about a new topic")
    func continuation() {
        var session = Session()
        _ = assistant.respond(to: "đăng ký thường trú cần giấy tờ gì", in: &session)
        let reply = assistant.respond(to: "còn tạm trú thì sao", in: &session)
        #expect(reply.procedure?.code == "1.004194")
        #expect(reply.intent == .documents)
    }

    @Test("A new topic replaces the focus")
    func newTopic() {
        var session = Session()
        _ = assistant.respond(to: "đăng ký kết hôn", in: &session)
        _ = assistant.respond(to: "cấp phiếu lý lịch tư pháp", in: &session)
        #expect(assistant.respond(to: "mất bao lâu", in: &session).procedure?.code == "3.000333")
    }

    /// Two variants the question leaves open: land animals or aquatic ones.
    private let openQuestion = "giấy kiểm dịch động vật vận chuyển ra khỏi tỉnh"

    @Test("A clarification is answered by number, in any usual form, or by the words of a choice")
    func clarification() throws {
        for (reply, index) in [("2", 1), ("số 2", 1), ("cái thứ hai", 1), ("thứ 1 ạ", 0), ("chọn số một", 0)] {
            var session = Session()
            let question = assistant.respond(to: openQuestion, in: &session)
            try #require(question.intent == .clarify)
            #expect(Set(question.choices.map(\.code)) == ["1.002338", "2.000873"])
            #expect(question.text.contains("Trên cạn") && question.text.contains("Thủy sản"))
            let chosen = assistant.respond(to: reply, in: &session)
            #expect(chosen.procedure?.code == question.choices[index].code, "reply \(reply)")
        }
        var second = Session()
        try #require(assistant.respond(to: openQuestion, in: &second).intent == .clarify)
        #expect(assistant.respond(to: "thủy sản", in: &second).procedure?.code == "2.000873")
    }

    @Test("A number out of range asks again; another question drops the pending choice")
    func clarificationEdges() throws {
        var session = Session()
        try #require(assistant.respond(to: openQuestion, in: &session).intent == .clarify)
        let outOfRange = assistant.respond(to: "9", in: &session)
        #expect(outOfRange.intent == .clarify)
        #expect(session.pending != nil)
        #expect(assistant.respond(to: "đăng ký kết hôn", in: &session).procedure?.code == "1.000894")
        #expect(session.pending == nil)
    }

    @Test("\"bắt đầu lại\" forgets the focus")
    func reset() {
        var session = Session()
        _ = assistant.respond(to: "đăng ký khai sinh", in: &session)
        #expect(assistant.respond(to: "bắt đầu lại", in: &session).procedure == nil)
        #expect(session.focus == nil)
        let orphan = assistant.respond(to: "mất bao lâu", in: &session)
        #expect(orphan.procedure == nil)
        #expect(orphan.intent == .clarify)
    }

    @Test("Sessions do not share their focus")
    func separateSessions() {
        var first = Session(), second = Session()
        _ = assistant.respond(to: "đăng ký khai sinh", in: &first)
        _ = assistant.respond(to: "đăng ký kết hôn", in: &second)
        #expect(assistant.respond(to: "mất bao lâu", in: &first).procedure?.code == "1.001193")
        #expect(assistant.respond(to: "mất bao lâu", in: &second).procedure?.code == "1.000894")
    }
}
