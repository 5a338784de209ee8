import Foundation
import Testing
import ThuTucTerminal

@Suite("Wrapping, styles and the edit line")
struct TextLayoutTests {
    @Test("words are never cut; list items hang under their text; long words stand alone")
    func wrapping() {
        let text = "Giấy tờ:\n12. Văn bản ủy quyền được chứng thực theo quy định\n  - bản sao hợp lệ\nhttps://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd"
        let wrapped = TextWrapper(width: 20).wrap(StyledText(text)).text
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines == [
            "Giấy tờ:", "12. Văn bản ủy quyền", "    được chứng thực", "    theo quy định", "  - bản sao hợp lệ",
            "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd",
        ], "\(lines)")
        #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
    }

    @Test("decomposed letters and wide characters are measured in columns")
    func widths() {
        #expect(DisplayWidth.of("ke\u{0302}\u{0301}t") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("\u{0301}") == 0)
    }

    @Test("styles become SGR sequences, reset at line ends, and nothing without attributes")
    func styles() {
        var text = StyledText("Thủ tục A (mã 1)\nhttps://x.vn/a")
        text.style(occurrencesOf: "Thủ tục A", as: .bold)
        text.style(wordsStartingWith: "https://", as: .dim)
        #expect(text.rendered(attributes: false) == "Thủ tục A (mã 1)\nhttps://x.vn/a")
        #expect(text.rendered(attributes: true) == "\u{1B}[0m\u{1B}[1mThủ tục A\u{1B}[0m (mã 1)\n\u{1B}[0m\u{1B}[2mhttps://x.vn/a\u{1B}[0m")
    }

    @Test("a line longer than the row scrolls sideways to keep the cursor in view")
    func lineView() {
        let view = LineView(prompt: "> ", columns: 10)
        #expect(view.render(Array("abc"), cursor: 1) == "\r> abc\u{1B}[K\r\u{1B}[3C")
        // Seven columns of room: the cursor at the end shows the last seven characters.
        #expect(view.render(Array("abcdefghijkl"), cursor: 12) == "\r> fghijkl\u{1B}[K\r\u{1B}[9C")
    }

    @Test("the history file keeps the last lines, mode 0600")
    func historyFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("thutuc-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = HistoryFile(path: path, limit: 3)
        #expect(try file.load().isEmpty)
        for line in ["một", "hai", "ba", "bốn", "năm"] { try file.append(line) }
        #expect(try file.load() == ["ba", "bốn", "năm"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ba\nbốn\nnăm\n", "cut back to the limit")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        #expect(HistoryFile.inHomeDirectory(environment: ["HOME": "/home/x"])?.path == "/home/x/.thutuc_history")
    }
}
