import Foundation
import Testing
import ThuTucDialogue
import ThuTucKnowledge

/// Answers over the real catalogue: facts from the record, name, code and link always.
@Suite("Answers")
struct AnswerTests {
    private let knowledge = EngineFixture.knowledge

    @Test("Every answer names the procedure and its code and ends with the official link")
    func frame() throws {
        let reply = EngineFixture.ask("đăng ký tạm trú mất bao lâu")
        let procedure = try #require(knowledge.procedure(code: "1.004194"))
        #expect(reply.text.hasPrefix(procedure.name))
        #expect(reply.text.contains("1.004194"))
        #expect(reply.text.hasSuffix(procedure.url))
    }

    @Test("Documents are a numbered checklist with copy counts from the record")
    func documents() throws {
        let reply = EngineFixture.ask("thủ tục 1.000115 cần giấy tờ gì")
        let procedure = try #require(knowledge.procedure(code: "1.000115"))
        let items = procedure.documents.flatMap(\.items)
        #expect(!items.isEmpty)
        for (index, item) in items.enumerated() {
            #expect(reply.text.contains("\(index + 1). "))
            if item.originals > 0 { #expect(reply.text.contains("\(item.originals) bản chính")) }
        }
        #expect(!reply.text.contains("1. - "))
        // An everyday procedure leads with what to bring, in our words.
        let curated = try #require(knowledge.overlays["1.000894"])
        let marriage = EngineFixture.ask("đăng ký kết hôn cần giấy tờ gì")
        for (index, item) in curated.bring.enumerated() { #expect(marriage.text.contains("\(index + 1). \(item)")) }
    }

    @Test("Time and fee are given per way of submitting, from the record")
    func timeAndFee() throws {
        let procedure = try #require(knowledge.procedure(code: "1.001456"))
        let fee = EngineFixture.ask("lệ phí làm hộ chiếu").text
        for channel in procedure.channels {
            if let amount = channel.fee?.amount, amount > 0 {
                #expect(fee.contains(Self.thousands(amount) + " đồng"))
            }
        }
        let time = EngineFixture.ask("làm hộ chiếu mất bao lâu").text
        for channel in procedure.channels {
            if let value = channel.time?.value { #expect(time.contains(String(Int(value)))) }
        }
    }

    /// 160000 → "160.000".
    private static func thousands(_ amount: Int) -> String {
        var groups: [String] = []
        var rest = amount
        while rest >= 1000 {
            groups.insert(String(format: "%03d", rest % 1000), at: 0)
            rest /= 1000
        }
        groups.insert(String(rest), at: 0)
        return groups.joined(separator: ".")
    }

    @Test("Steps come from our overlay where we wrote them, else from the record in our own sentences")
    func steps() throws {
        let curated = try #require(knowledge.overlays["1.004194"])
        let reply = EngineFixture.ask("các bước đăng ký tạm trú")
        #expect(reply.intent == .steps)
        #expect(reply.text.contains(curated.steps[0]))
        let generic = EngineFixture.ask("thủ tục 1.000080 gồm những bước nào")
        #expect(generic.intent == .steps)
        #expect(generic.text.contains("1. "))
        #expect(generic.text.contains("https://"))
    }

    @Test("Agency answers say who and which level; method answers say whether online works")
    func agencyAndMethod() throws {
        let agency = EngineFixture.ask("đăng ký thường trú nộp ở đâu")
        #expect(agency.intent == .agency)
        #expect(agency.text.contains("cấp xã"))
        let method = EngineFixture.ask("đăng ký thường trú làm online được không")
        let procedure = try #require(knowledge.procedure(code: "1.004222"))
        let online = procedure.channels.contains { $0.kind == .online }
        #expect(method.text.contains(online ? "Có thể nộp hồ sơ trực tuyến" : "chưa nhận hồ sơ trực tuyến"))
    }

    @Test("Answers are cut to the channel's size: the name, then what was asked, then the link", arguments: [160, 320])
    func sizes(limit: Int) throws {
        let reply = EngineFixture.ask("đăng ký khai sinh cần giấy tờ gì", maxCharacters: limit)
        let procedure = try #require(knowledge.procedure(code: "1.001193"))
        #expect(reply.text.count <= limit)
        #expect(reply.answer.text.count > limit)
        #expect(reply.text.hasPrefix("Thủ tục đăng ký khai sinh"))
        #expect(reply.text.contains("1. Giấy chứng sinh"))
        #expect(reply.text.contains("…"))
        // The link comes third: where the first document and the name fit with it, it stays.
        #expect(reply.text.hasSuffix(procedure.url) == (limit >= 320))
    }

    @Test("A long name that alone exceeds an SMS still leaves room for the link")
    func tinyLimit() throws {
        let reply = EngineFixture.ask("thủ tục 3.000333", maxCharacters: 160)
        let procedure = try #require(knowledge.procedure(code: "3.000333"))
        #expect(reply.text.count <= 160)
        #expect(reply.text.hasSuffix(procedure.url))
    }

    @Test("A list question lists the field's procedures, the most asked first")
    func list() throws {
        let reply = EngineFixture.ask("các thủ tục về hộ tịch")
        #expect(reply.intent == .list)
        #expect(reply.procedure == nil)
        let inField = knowledge.procedures.filter { $0.field == "Hộ tịch" }
        #expect(reply.text.contains("Hộ tịch"))
        #expect(!reply.choices.isEmpty)
        for choice in reply.choices {
            #expect(inField.contains { $0.code == choice.code })
            #expect(knowledge.overlays[choice.code] != nil)
        }
    }

    @Test("The why view says in Vietnamese what was understood, the candidates and the decision")
    func why() throws {
        let reply = EngineFixture.ask("ddawng kys tamj trus can gi")
        let why = try #require(reply.why).text
        #expect(why.contains("Câu hỏi (đã chuẩn hóa): ddawng kys tamj trus can gi"))
        #expect(why.contains("ddawng → đăng"))
        #expect(why.contains("Hỏi về: hồ sơ, giấy tờ"))
        #expect(why.contains("1. 1.004194"))
        #expect(why.contains("Kết luận: trả lời bằng thủ tục 1.004194"))
    }

    @Test("The why view of a story shows its sentences, the cases asked and a decline's reason")
    func whyOfAStory() throws {
        let story = EngineFixture.ask("Kính gửi quý cơ quan. Chồng tôi là người Hàn Quốc. Con tôi sinh ở Hà Nội thì đăng ký khai sinh ở đâu?")
        let text = try #require(story.why).text
        #expect(text.contains("phần kể"))
        #expect(text.contains("phần hỏi"))
        #expect(text.contains("Trường hợp người hỏi nêu: có yếu tố nước ngoài"))
        let outside = try #require(EngineFixture.ask("xin giấy phép lao động cho người nước ngoài làm việc ở công ty").why).text
        #expect(outside.contains("Kết luận: không nêu thủ tục nào; câu hỏi thuộc lĩnh vực lao động, việc làm"))
    }
}
