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

    @Test("A clarification is answered by number or by the words of a choice")
    func clarification() throws {
        var session = Session()
        let question = assistant.respond(to: "hộ kinh doanh", in: &session)
        try #require(question.intent == .clarify)
        #expect(question.choices.count >= 2)
        let chosen = assistant.respond(to: "2", in: &session)
        #expect(chosen.procedure?.code == question.choices[1].code)

        var second = Session()
        let again = assistant.respond(to: "hộ kinh doanh", in: &second)
        try #require(again.intent == .clarify)
        let byWords = assistant.respond(to: "chấm dứt", in: &second)
        #expect(byWords.procedure?.code == "1.001266")
    }

    @Test("A number out of range asks again; another question drops the pending choice")
    func clarificationEdges() throws {
        var session = Session()
        try #require(assistant.respond(to: "hộ kinh doanh", in: &session).intent == .clarify)
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
