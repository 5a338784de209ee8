import Foundation
import Testing
import ThuTucDialogue
import ThuTucKnowledge

/// The answers a citizen acts on, over the real Knowledge/: the issue's
/// own examples, each read the way a citizen reads it.
@Suite("Answers a citizen can act on")
struct CitizenAnswerTests {
    private let knowledge = EngineFixture.knowledge

    /// The lines of a reply that state a value, not a note.
    private func headlines(_ text: String) -> [Substring] {
        text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("Ghi chú") }
    }

    @Test("Đổi bằng lái: the note's 135.000 đồng/lần, never \"Miễn phí\"; the expired online rate says it has passed")
    func licenceFee() throws {
        let reply = EngineFixture.ask("lệ phí đổi bằng lái")
        #expect(reply.procedure?.code == "3.000347")
        #expect(reply.text.contains("Phí, lệ phí: 135.000 đồng/lần (mọi cách nộp)."))
        #expect(!headlines(reply.text).contains { $0.contains("Miễn phí") })
        #expect(reply.text.contains("áp dụng đến 31/12/2025, nay đã hết hạn"))
        #expect(reply.facts?.fees?.allSatisfy { $0.amount == 135_000 } == true)
    }

    @Test("Lý lịch tư pháp: the fee the circular sets, named")
    func criminalRecordFee() {
        let reply = EngineFixture.ask("lệ phí lý lịch tư pháp")
        #expect(reply.procedure?.code == "3.000333")
        #expect(reply.text.contains("mức theo Thông tư 244/2016/TT-BTC"))
        #expect(!headlines(reply.text).contains { $0.contains("Miễn phí") })
        #expect(reply.facts?.fees?.allSatisfy { $0.amount == nil } == true)
    }

    @Test("Giấy phép xây dựng: set by the province, its note once")
    func buildingPermitFee() {
        let reply = EngineFixture.ask("lệ phí giấy phép xây dựng")
        #expect(reply.text.contains("mức do tỉnh quy định"))
        #expect(!headlines(reply.text).contains { $0.contains("Miễn phí") })
        #expect(reply.text.components(separatedBy: "Ghi chú: Theo quy định của Hội đồng nhân dân cấp tỉnh").count == 2)
    }

    @Test("Đăng ký kết hôn: free, and the copy of the extract is charged; the time in words with its provision")
    func marriage() {
        let fee = EngineFixture.ask("lệ phí đăng ký kết hôn")
        #expect(fee.text.contains("miễn lệ phí; có thu phí cấp bản sao Trích lục kết hôn"))
        let time = EngineFixture.ask("đăng ký kết hôn mất bao lâu")
        #expect(time.procedure?.code == "1.000894")
        #expect(time.text.contains("Thời gian giải quyết: ngay trong ngày nhận đủ hồ sơ"))
        #expect(time.text.contains("Căn cứ: khoản 2 Điều 18 Luật Hộ tịch 2014."))
        #expect(!time.text.contains("không ghi đơn vị"), "the everyday procedure's time has words, not the portal's bare number")
    }

    @Test("Chứng thực: the page rate with its unit, the dollar fee at a mission")
    func certificationFee() {
        let reply = EngineFixture.ask("lệ phí chứng thực bản sao")
        #expect(reply.procedure?.code == "2.000815")
        #expect(reply.text.contains("2.000 đồng/trang"))
        #expect(reply.text.contains("10 USD/bản, nộp tại cơ quan đại diện của Việt Nam ở nước ngoài"))
        #expect(!reply.text.contains("Ghi chú: /"), "a split unit is no note")
    }

    @Test("Căn cước online: only the appointment is online")
    func identityCardOnline() {
        let reply = EngineFixture.ask("làm căn cước online được không")
        #expect(reply.intent == .method)
        #expect(reply.text.contains("chỉ đăng ký được thời gian, địa điểm"))
        #expect(!reply.text.contains("Có thể nộp hồ sơ trực tuyến"))
    }

    @Test("A time the portal gives without a unit is said to have none, outside the everyday procedures")
    func bareTime() throws {
        let procedure = try #require(knowledge.procedures.first { procedure in
            knowledge.overlays[procedure.code] == nil && procedure.channels.contains { $0.time?.value != nil && $0.time?.unit == nil }
        })
        let text = EngineFixture.assistant.renderer.answer(procedure, intents: [.time]).text
        #expect(text.contains("Cổng Dịch vụ công ghi số này nhưng không ghi đơn vị"))
    }

    @Test("Thường trú: what to bring first, the other cases one line each, within 1,500 characters; a case on request")
    func permanentResidenceDocuments() throws {
        let reply = EngineFixture.ask("đăng ký thường trú cần giấy tờ gì")
        let overlay = try #require(knowledge.overlays["1.004222"])
        #expect(reply.procedure?.code == "1.004222")
        #expect(reply.text.count <= 1_500)
        let lines = reply.text.split(separator: "\n").map(String.init)
        #expect(lines[1] == "Thường cần mang theo:")
        #expect(lines[2] == "1. " + overlay.bring[0])
        #expect(reply.text.contains("7. Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ"))
        #expect(!reply.text.contains("phương tiện"), "the vehicle case is named by its title only")
        var session = Session()
        _ = EngineFixture.assistant.respond(to: "đăng ký thường trú cần giấy tờ gì", in: &session)
        let rental = EngineFixture.assistant.respond(to: "hồ sơ trường hợp 7", in: &session)
        #expect(rental.procedure?.code == "1.004222")
        #expect(rental.text.contains("Hồ sơ trường hợp 7: Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ"))
        #expect(rental.text.contains("1. Hợp đồng, văn bản về việc cho thuê, cho mượn, cho ở nhờ"))
        let unknown = EngineFixture.assistant.respond(to: "hồ sơ trường hợp 12", in: &session)
        #expect(unknown.text.contains("không có trường hợp 12"))
    }

    @Test("Khai sinh: the birth certificate before the abandoned child; the catalogue's list numbered from 1, conditions last")
    func birthDocuments() throws {
        var session = Session()
        let reply = EngineFixture.assistant.respond(to: "đăng ký khai sinh cần giấy tờ gì", in: &session)
        #expect(reply.text.contains("1. Giấy chứng sinh"))
        #expect(!reply.text.contains("bỏ rơi"))
        let overview = EngineFixture.ask("thủ tục đăng ký khai sinh")
        #expect(!overview.text.contains("8 loại giấy tờ"))
        let full = EngineFixture.assistant.respond(to: "hồ sơ trường hợp 1", in: &session)
        let text = full.text
        let certificate = try #require(text.range(of: "Giấy chứng sinh"))
        let abandoned = try #require(text.range(of: "bị bỏ rơi"))
        #expect(certificate.lowerBound < abandoned.lowerBound)
        #expect(text.contains("Chỉ cần trong một số trường hợp:"))
        #expect(text.contains("Giấy tờ phải xuất trình:"))
    }

    @Test("Giấy phép xây dựng: a short reply, not the catalogue's 53 items")
    func buildingPermitDocuments() {
        let reply = EngineFixture.ask("xin giấy phép xây dựng nhà ở cần giấy tờ gì")
        #expect(reply.text.count - (reply.text.split(separator: "\n").first?.count ?? 0) <= 1_500)
        #expect(reply.text.contains("Thường cần mang theo:"))
        #expect(reply.text.contains("Đối với công trình nhà ở riêng lẻ"))
    }

    @Test("Where to go: the place people go, without the catalogue's silence beside it")
    func agency() {
        let reply = EngineFixture.ask("đăng ký kết hôn nộp ở đâu")
        #expect(reply.text.contains("Thường đến:"))
        #expect(!reply.text.contains("không ghi cơ quan thực hiện"))
    }

    @Test("160 characters keep the name and the time asked for")
    func sizeForATime() {
        var session = Session()
        _ = EngineFixture.assistant.respond(to: "đăng ký kết hôn", in: &session)
        let reply = EngineFixture.assistant.respond(to: "mất bao lâu?", in: &session, maxCharacters: 160)
        #expect(reply.text.count <= 160)
        #expect(reply.text.hasPrefix("Thủ tục đăng ký kết hôn"))
        #expect(reply.text.contains("ngay trong ngày nhận đủ hồ sơ; nếu cần xác minh điều kiện kết hôn thì không quá 5 ngày làm việc"))
    }

    @Test("200 characters keep a fee line and the link when they fit")
    func sizeForAFee() throws {
        let reply = EngineFixture.ask("lệ phí đổi bằng lái", maxCharacters: 200)
        let procedure = try #require(knowledge.procedure(code: "3.000347"))
        #expect(reply.text.count <= 200)
        #expect(reply.text.contains("135.000 đồng/lần"))
        #expect(reply.text.hasSuffix(procedure.url))
    }

    @Test("A clarification cut short keeps every choice label and the prompt to answer by number")
    func sizeForAClarification() throws {
        let full = EngineFixture.ask("giấy kiểm dịch động vật vận chuyển ra khỏi tỉnh")
        try #require(full.intent == .clarify)
        for limit in [60, 200] {
            let reply = EngineFixture.ask("giấy kiểm dịch động vật vận chuyển ra khỏi tỉnh", maxCharacters: limit)
            #expect(reply.text.count <= limit)
            #expect(reply.text.contains("1. ") && reply.text.contains("2. "))
            #expect(reply.text.contains("Trên cạn") && reply.text.contains("Thủy sản"))
            #expect(reply.text.contains("Trả lời bằng số"))
        }
    }

    @Test("An apology or a notice cut short still says something, cut at a word")
    func sizeForTextWithoutName() {
        for question in ["xyzzy", "quit việc có được nhận bảo hiểm thất nghiệp không"] {
            let full = EngineFixture.ask(question)
            let reply = EngineFixture.ask(question, maxCharacters: 60)
            #expect(reply.intent == .fallback)
            #expect(reply.text.count <= 60)
            #expect(reply.text.hasSuffix("…"))
            #expect(full.text.hasPrefix(String(reply.text.dropLast())), "\(reply.text)")
            #expect(reply.text.count > 30, "\(reply.text)")
        }
    }

    @Test("40 characters, the smallest size, keep the name's start and the fact's")
    func smallestSize() {
        #expect(ReplyLength.minimum == 40)
        let reply = EngineFixture.ask("lệ phí đổi bằng lái", maxCharacters: 40)
        #expect(reply.text.count <= 40)
        #expect(reply.text.hasPrefix("Đổi giấy phép"))
        #expect(reply.text.contains("Phí"))
        let below = EngineFixture.ask("lệ phí đổi bằng lái", maxCharacters: 10)
        #expect(below.text == reply.text, "a library caller below the minimum gets the minimum")
    }
}
