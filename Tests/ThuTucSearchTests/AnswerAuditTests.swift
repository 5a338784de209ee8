import Testing
import ThuTucDialogue
import ThuTucKnowledge

/// `thutuc audit` over the real Knowledge/: each kind of finding is caught
/// in the way today's answers used to read for a procedure the issue names,
/// and no longer in that procedure's answers; the everyday procedures have none.
@Suite("Answer audit")
struct AnswerAuditTests {
    private let audit = AnswerAudit(renderer: EngineFixture.assistant.renderer)

    private func procedure(_ code: String) throws -> Procedure {
        try #require(EngineFixture.knowledge.procedure(code: code))
    }

    /// The kinds the audit finds in `text`, read as `intent`'s reply about `code`.
    private func kinds(_ text: String, _ intent: Intent, _ code: String) throws -> Set<AnswerAudit.Kind> {
        Set(audit.check(text, intent: intent, procedure: try procedure(code)).map(\.kind))
    }

    private func findings(_ code: String) throws -> Set<AnswerAudit.Kind> {
        Set(audit.findings(for: try procedure(code)).map(\.kind))
    }

    private let head = "Đổi giấy phép lái xe (mã 3.000347)\n"
    private let link = "\nChi tiết chính thức: https://dichvucong.gov.vn/"

    @Test("\"Miễn phí\" against a note that gives an amount: đổi bằng lái")
    func freeContradicted() throws {
        let old = head + "Phí, lệ phí: Miễn phí (mọi cách nộp).\n  Ghi chú: - Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần." + link
        #expect(try kinds(old, .fee, "3.000347").contains(.freeContradicted))
        #expect(try !findings("3.000347").contains(.freeContradicted))
        // A free channel beside one whose note states the amount is no contradiction of that channel.
        let perChannel = head + "Phí, lệ phí:\n- trực tuyến: 135.000 đồng/lần\n- trực tiếp: Miễn phí" + link
        #expect(try kinds(perChannel, .fee, "3.000347").contains(.freeContradicted))
    }

    @Test("A time without a unit: đăng ký kết hôn")
    func timeWithoutUnit() throws {
        let old = "Thủ tục đăng ký kết hôn (mã 1.000894)\nThời gian giải quyết: 1 (Cổng không ghi đơn vị) (mọi cách nộp)." + link
        #expect(try kinds(old, .time, "1.000894").contains(.timeWithoutUnit))
        #expect(try !kinds("Thời gian giải quyết: nộp sau 15 giờ thì trả trong 1 ngày làm việc.", .time, "1.000894").contains(.timeWithoutUnit))
        #expect(try !findings("1.000894").contains(.timeWithoutUnit))
    }

    @Test("A heading or a note listed as a document: đăng ký thường trú")
    func headingAsDocument() throws {
        let old = "Đăng ký thường trú (mã 1.004222)\nHồ sơ cần chuẩn bị:\n"
            + "9. Trường hợp quy định tại điểm d khoản 4 Điều 20 Luật Cư trú, hồ sơ gồm: (1 bản chính)\n"
            + "10. Lưu ý: Không yêu cầu xuất trình Giấy khai sinh (1 bản chính)" + link
        #expect(try kinds(old, .documents, "1.004222").contains(.headingAsDocument))
        #expect(try !findings("1.004222").contains(.headingAsDocument))
    }

    @Test("A form's file name or the source's numbering: đăng ký thường trú, khai sinh")
    func fileNameOrNumbering() throws {
        let file = "Đăng ký thường trú (mã 1.004222)\n1. Tờ khai thay đổi thông tin cư trú (1 bản chính; mẫu: 1.MuCT01banhnhkmtheoThngts53.doc)" + link
        #expect(try kinds(file, .documents, "1.004222").contains(.fileNameOrNumbering))
        let numbering = "Thủ tục đăng ký khai sinh (mã 1.001193)\n2. 1. Đơn đề nghị (1 bản chính)\n3. h) Giấy tờ khác (1 bản sao)" + link
        #expect(try kinds(numbering, .documents, "1.001193").contains(.fileNameOrNumbering))
        #expect(try !findings("1.004222").contains(.fileNameOrNumbering))
        #expect(try !findings("1.001193").contains(.fileNameOrNumbering))
    }

    @Test("A note repeated: giấy phép xây dựng")
    func repeatedNote() throws {
        let old = "Cấp giấy phép xây dựng mới (mã 1.013225)\nPhí, lệ phí: Miễn phí (mọi cách nộp).\n"
            + "  Ghi chú: Theo quy định của Hội đồng nhân dân cấp tỉnh\n  Ghi chú: Theo quy định của Hội đồng nhân dân cấp tỉnh." + link
        #expect(try kinds(old, .fee, "1.013225").contains(.repeatedNote))
        #expect(try !findings("1.013225").contains(.repeatedNote))
    }

    @Test("A reply over its budget: giấy phép xây dựng's documents, thường trú's")
    func overBudget() throws {
        let long = "Cấp giấy phép xây dựng mới (mã 1.013225)\n" + String(repeating: "1. Giấy chứng nhận quyền sử dụng đất (1 bản chính)\n", count: 40)
        #expect(try kinds(long, .documents, "1.013225").contains(.overBudget))
        #expect(try !findings("1.013225").contains(.overBudget))
        #expect(try !findings("1.004222").contains(.overBudget))
    }

    @Test("The everyday procedures have no finding at all; the others fewer than before this audit's fixes")
    func wholeCatalogue() {
        let report = audit.run()
        #expect(report.everyday.count == EngineFixture.knowledge.overlays.count)
        #expect(report.everydayFindings.isEmpty, "\(report.everydayFindings.prefix(5).map { "\($0.code) \($0.kind.rawValue): \($0.detail)" })")
        // The counts before the fixes, per kind (procedures): docs/ANSWERING.md, "The answer audit".
        let before: [AnswerAudit.Kind: Int] = [
            .freeContradicted: 277, .timeWithoutUnit: 357, .headingAsDocument: 106, .fileNameOrNumbering: 1_541,
            .repeatedNote: 36, .overBudget: 724,
        ]
        for (kind, count) in before {
            #expect(report.counts(kind).procedures < count, "\(kind.rawValue)")
        }
    }
}
