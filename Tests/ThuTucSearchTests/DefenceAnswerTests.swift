import Foundation
import Testing
import ThuTucDialogue
import ThuTucKnowledge

/// Military-service questions over the real Knowledge/, answered from the
/// second source (Bộ Quốc phòng's Word exports): the facts checked here are
/// those of ../shared/data/bo-quoc-phong/1.013133.json and 1.013134.json.
@Suite("Answers: Bộ Quốc phòng")
struct DefenceAnswerTests {
    private let knowledge = EngineFixture.knowledge

    /// The channels both records state in the source: in person, 1 working
    /// day, "Phí : 0 Đồng"; 1.013133 also online, "02 Giờ", no fee stated.
    private static let inPerson = Channel(
        kind: .inPerson, time: ProcessingTime(text: "1 Ngày làm việc", value: 1, unit: .workingDays),
        fee: Fee(text: "Phí : 0 Đồng", amount: 0, note: nil)
    )

    @Test("The committed records hold the source's times, fees, documents and search link")
    func records() throws {
        let first = try #require(knowledge.procedure(code: "1.013133"))
        #expect(first.ministry == "Bộ Quốc phòng")
        #expect(first.levels == [.commune])
        #expect(first.channels == [
            Self.inPerson,
            Channel(kind: .online, time: ProcessingTime(text: "02 Giờ", value: 2, unit: .hours), fee: nil, online: .submit),
        ])
        let firstItems = first.documents.flatMap(\.items)
        #expect(firstItems.count == 2)
        #expect(firstItems.first?.name == "Phiếu tự khai sức khỏe nghĩa vụ quân sự")
        #expect(firstItems.last?.name.hasPrefix("Bản chụp Căn cước công dân hoặc Thẻ Căn cước.") == true)
        #expect(firstItems.map { [$0.originals, $0.copies] } == [[1, 0], [0, 1]])
        #expect(first.url == "https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?keyword=1.013133")

        let moving = try #require(knowledge.procedure(code: "1.013134"))
        #expect(moving.channels == [Self.inPerson])
        #expect(moving.documents.flatMap(\.items).map { [$0.originals, $0.copies] } == [[0, 1], [0, 1]])
    }

    @Test("First registration: what to bring, then the catalogue's documents, numbered, with their counts")
    func firstRegistrationDocuments() throws {
        var session = Session()
        let reply = EngineFixture.assistant.respond(to: "đăng ký nghĩa vụ quân sự lần đầu cần giấy tờ gì", in: &session)
        #expect(reply.procedure?.code == "1.013133")
        #expect(reply.intent == .documents)
        #expect(reply.text.contains("1. Phiếu tự khai sức khỏe nghĩa vụ quân sự"))
        #expect(reply.text.hasSuffix("https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?keyword=1.013133"))
        let full = EngineFixture.assistant.respond(to: "hồ sơ trường hợp 1", in: &session)
        #expect(full.procedure?.code == "1.013133")
        #expect(full.text.contains("1. Phiếu tự khai sức khỏe nghĩa vụ quân sự (1 bản chính)"))
        #expect(full.text.contains("2. Bản chụp Căn cước công dân hoặc Thẻ Căn cước."))
        #expect(full.text.contains("(1 bản sao)"))
        #expect(!full.text.contains("3. "))
    }

    @Test("First registration typed without accents and with NVQS: where to go")
    func firstRegistrationPlace() throws {
        let reply = EngineFixture.ask("dang ky nvqs lan dau o dau")
        #expect(reply.procedure?.code == "1.013133")
        #expect(reply.intent == .agency)
        #expect(reply.text.contains("Ban chỉ huy quân sự cấp Xã"))
        #expect(reply.text.contains("cấp xã"))
    }

    @Test("First registration: time and fee per way of submitting")
    func firstRegistrationTimeAndFee() throws {
        let time = EngineFixture.ask("đăng ký nghĩa vụ quân sự lần đầu mất bao lâu")
        #expect(time.procedure?.code == "1.013133")
        #expect(time.text.contains("trực tiếp: 1 ngày làm việc"))
        #expect(time.text.contains("trực tuyến: 2 giờ"))
        let fee = EngineFixture.ask("đăng ký nvqs lần đầu có mất tiền không")
        #expect(fee.procedure?.code == "1.013133")
        #expect(fee.intent == .fee)
        #expect(fee.text.contains("trực tiếp: Miễn phí"))
        #expect(!fee.text.contains("trực tuyến: Miễn phí"), "the source states no fee for the online channel")
    }

    @Test("Moving house: the move-out registration, not the move-in one, with its time and fee")
    func movingOut() throws {
        let reply = EngineFixture.ask("chuyển đi nghĩa vụ quân sự khi chuyển nhà")
        #expect(reply.procedure?.code == "1.013134")
        #expect(reply.text.contains("Thời gian giải quyết: trong 1 ngày làm việc."))
        #expect(reply.text.contains("Lệ phí: Miễn phí."))
        #expect(reply.text.contains("Cách nộp: trực tiếp."))
        let documents = EngineFixture.ask("chuyển đi nghĩa vụ quân sự khi chuyển nhà cần giấy tờ gì")
        #expect(documents.procedure?.code == "1.013134")
        #expect(documents.text.contains("1. Giấy chứng nhận đăng ký nghĩa vụ quân sự (mang bản chính để đối chiếu)"))
        #expect(documents.text.contains("hồ sơ trường hợp 1"))
    }

    @Test("Everyday words of the field reach the catalogue's procedures", arguments: [
        ("đăng ký đi bộ đội lần đầu ở đâu", "1.013133"),
        ("về nơi ở mới thì đăng ký chuyển đến nghĩa vụ quân sự thế nào", "1.013137"),
        ("đi làm xa có phải báo ban chỉ huy quân sự xã không", "1.013138"),
        ("mất thẻ thương binh thì làm lại thế nào", "1.013186"),
        ("xuất ngủ về thì đăng ký quân nhân dự bị ở đâu", "1.013135"),
    ])
    func everydayWords(question: String, code: String) {
        #expect(EngineFixture.ask(question).procedure?.code == code)
    }

    @Test("The police's own absence report stays the police's")
    func policeAbsenceIsNotMilitary() {
        #expect(EngineFixture.ask("khai báo tạm vắng cần giấy tờ gì").procedure?.code == "1.003677")
    }
}
