import Foundation
import Testing
import ThuTucServer

/// The facts JSON replies carry beside the text, read over a real socket
/// as a gateway reads them: no parsing of the reply's text.
@Suite("Facts in JSON replies", .timeLimit(.minutes(1)))
struct FactsTests {
    @Test("a fee question gives each channel's fee as an amount in đồng and as the reply says it")
    func fees() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":1,"text":"lệ phí đổi bằng lái"}"# + "\n")
        let reply = try client.readJSON()
        let facts = try #require(reply["facts"] as? [String: Any])
        #expect(facts["code"] as? String == "3.000347")
        #expect((facts["url"] as? String)?.hasPrefix("https://dichvucong.gov.vn/") == true)
        #expect((facts["levels"] as? [String])?.isEmpty == false)
        let fees = try #require(facts["fees"] as? [[String: Any]])
        #expect(!fees.isEmpty)
        for fee in fees {
            // The cell says "Miễn phí"; the note says 135.000 đồng/lần.
            #expect((fee["amount"] as? NSNumber)?.intValue == 135_000)
            #expect(fee["text"] as? String == "135.000 đồng/lần")
            #expect(["truc-tiep", "truc-tuyen", "buu-chinh"].contains(fee["channel"] as? String ?? ""))
        }
        #expect(facts["documents"] == nil, "only what was asked")
    }

    @Test("a fee the province sets has no amount; a time without a unit has none either")
    func nullWhereTheRecordHasNone() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":1,"session":"a","text":"lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ"}"# + "\n")
        let fees = try #require((try client.readJSON()["facts"] as? [String: Any])?["fees"] as? [[String: Any]])
        #expect(fees.allSatisfy { $0["amount"] is NSNull })
        #expect(fees.allSatisfy { ($0["text"] as? String)?.contains("tỉnh") == true })
        try client.send(#"{"id":2,"session":"b","text":"đăng ký kết hôn mất bao lâu"}"# + "\n")
        let facts = try #require(try client.readJSON()["facts"] as? [String: Any])
        let times = try #require(facts["times"] as? [[String: Any]])
        #expect(times.allSatisfy { ($0["value"] as? NSNumber)?.doubleValue == 1 && $0["unit"] is NSNull })
        let usual = try #require(facts["usualTime"] as? [String: Any])
        #expect((usual["basis"] as? String)?.contains("Luật Hộ tịch") == true)
    }

    @Test("a documents question gives the shown case's documents with copies and form, the cases, and what to bring")
    func documents() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":1,"session":"c","text":"đăng ký thường trú cần giấy tờ gì"}"# + "\n")
        let facts = try #require(try client.readJSON()["facts"] as? [String: Any])
        let cases = try #require(facts["cases"] as? [String])
        #expect(cases.count > 1)
        #expect((facts["bring"] as? [String])?.first?.contains("CT01") == true)
        let documents = try #require(facts["documents"] as? [[String: Any]])
        #expect(documents.allSatisfy { $0["name"] is String && $0["originals"] is NSNumber && $0["copies"] is NSNumber })
        #expect(documents.allSatisfy { $0["case"] as? String == cases[0] })
        try client.send(#"{"id":2,"session":"c","text":"hồ sơ trường hợp 7"}"# + "\n")
        let follow = try #require(try client.readJSON()["facts"] as? [String: Any])
        let rental = try #require(follow["documents"] as? [[String: Any]])
        #expect(rental.allSatisfy { $0["case"] as? String == cases[6] })
        #expect(rental.contains { ($0["name"] as? String)?.contains("cho thuê") == true })
    }

    @Test("a clarification carries no facts, and max_chars below the minimum is refused")
    func noFactsAndTheMinimum() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        try client.send(#"{"id":1,"text":"giấy kiểm dịch động vật vận chuyển ra khỏi tỉnh"}"# + "\n")
        let clarify = try client.readJSON()
        #expect(clarify["intent"] as? String == "clarify")
        #expect(clarify["facts"] is NSNull)
        try client.send(#"{"id":2,"text":"lệ phí làm hộ chiếu","max_chars":39}"# + "\n")
        #expect(try client.readJSON().errorCode == "bad_request")
        try client.send(#"{"id":3,"text":"lệ phí làm hộ chiếu","max_chars":40}"# + "\n")
        let tight = try client.readJSON()
        #expect((tight["reply"] as? String).map { $0.count <= 40 } == true)
        #expect((tight["facts"] as? [String: Any])?["url"] is String, "the link a tight reply leaves out is in the facts")
    }
}
