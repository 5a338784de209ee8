import Testing
import ThuTucText

/// Whitespace trimming and collapsing, which the lexicon, the overlays and
/// the choice labels run every name through.
@Suite("Whitespace")
struct WhitespaceTests {
    @Test("Runs of any whitespace become one space, none at either end")
    func collapsesRuns() {
        #expect("  Đăng ký \t khai\u{00A0}\u{00A0}sinh \n".collapsingWhitespace() == "Đăng ký khai sinh")
        #expect("Cấp\u{2003}lại\u{3000}giấy\u{202F}phép".collapsingWhitespace() == "Cấp lại giấy phép")
        #expect("\r\n\t \u{00A0}".collapsingWhitespace() == "")
        #expect("".collapsingWhitespace() == "")
    }

    @Test("Letters of every form come through unchanged, combining marks included")
    func keepsLetters() {
        let precomposed = "Thủ tục đăng ký thường trú (cấp xã)"
        let decomposed = "Thu\u{0309} tu\u{0323}c"
        #expect(precomposed.collapsingWhitespace() == precomposed)
        #expect(decomposed.collapsingWhitespace().unicodeScalars.elementsEqual(decomposed.unicodeScalars))
        #expect("  😀  ký  ".collapsingWhitespace() == "😀 ký")
        // A substring collapses as its own text.
        let text = "xx  giấy   tờ xx"
        #expect(text.dropFirst(2).dropLast(2).collapsingWhitespace() == "giấy tờ")
    }

    @Test("Trimming keeps inner whitespace as it is")
    func trims() {
        #expect("\u{00A0} Sổ  hộ khẩu \n".trimmingWhitespace() == "Sổ  hộ khẩu")
        #expect(" \t ".trimmingWhitespace() == "")
    }
}
