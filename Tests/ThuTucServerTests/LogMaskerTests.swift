import Testing
@testable import ThuTucServer

/// Personal data typed into questions never reaches the log.
@Suite("Log masking")
struct LogMaskerTests {
    @Test("ID numbers, phone numbers and e-mail addresses are masked", arguments: [
        ("cmnd 123456789 bị mất", "cmnd *** bị mất"),
        ("số cccd 079201001234 hết hạn", "số cccd *** hết hạn"),
        ("cccd079201001234", "cccd***"),
        ("gọi 0912345678 nhé", "gọi *** nhé"),
        ("sđt 02838291234", "sđt ***"),
        ("số +84 912 345 678 của tôi", "số *** của tôi"),
        ("số +84912345678.", "số ***."),
        ("gọi 0912.345.678 giúp", "gọi *** giúp"),
        ("gọi 0912 345 678 giúp", "gọi *** giúp"),
        ("gọi 0912-345-678, cảm ơn", "gọi ***, cảm ơn"),
        ("máy bàn (028) 3829 1234", "máy bàn (***"),
        ("email nguyen.van.a+hs@truong.edu.vn nhé", "email *** nhé"),
        ("gửi về a_b@gmail.com.", "gửi về ***."),
        ("(0912345678)", "(***)"),
    ])
    func masked(input: String, expected: String) {
        #expect(LogMasker.mask(input) == expected)
    }

    @Test("ordinary numbers, codes and words with @ stay", arguments: [
        "thủ tục 1.001193 mất bao lâu",
        "lệ phí 70.000 đồng",
        "nghị định 104/2022/NĐ-CP ngày 21/12/2022",
        "con tôi 5 tuổi, sinh năm 2019",
        "gặp @admin ở đâu",
        "a@b",
        "đăng ký khai sinh",
        "",
    ])
    func kept(input: String) {
        #expect(LogMasker.mask(input) == input)
    }

    @Test("the log masks before it shortens, so a number at the cut is still hidden")
    func maskBeforeTruncation() {
        let question = String(repeating: "a", count: 115) + " 0912 345 678"
        let excerpt = RequestLog.excerpt(question)
        #expect(!excerpt.contains("0912"))
        #expect(excerpt.hasSuffix("***"))
    }

    @Test("log lines stay single lines without double quotes, and sessions are tagged, not written")
    func lineShape() {
        let lines = CapturedLog()
        let log = lines.requestLog()
        log.record(session: "zalo:84901234567", intent: "documents", code: "1.001193", microseconds: 42, question: "hỏi \"gì\"\nđó 0901234567")
        log.record(session: "zalo:84901234567", intent: "cmd:RESET", code: nil, microseconds: 1)
        let written = lines.all
        #expect(written.count == 2)
        let first = written[0]
        #expect(first.filter { $0 == "\n" }.count == 1 && first.hasSuffix("\n"))
        #expect(!first.contains("84901234567") && !first.contains("0901234567"))
        #expect(first.contains(" intent=documents code=1.001193 us=42 q=\"hỏi 'gì' đó ***\""))
        let tag = first.split(separator: " ")[1]
        #expect(tag.hasPrefix("session=") && tag.count == "session=".count + 12)
        #expect(written[1].contains(String(tag)), "one session keeps one tag")
        #expect(RequestLog(sink: nil).tag("zalo:84901234567") != log.tag("zalo:84901234567"), "tags are keyed per log")
    }
}
