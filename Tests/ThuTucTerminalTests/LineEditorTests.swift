import Testing
import ThuTucTerminal

@Suite("Line editing")
struct LineEditorTests {
    static func type(_ text: String, into editor: inout LineEditor) {
        for scalar in text.unicodeScalars { _ = editor.handle(.text(String(scalar))) }
    }

    @Test("ế is one step and one deletion whether precomposed or decomposed", arguments: ["k\u{1EBF}t", "ke\u{0302}\u{0301}t"])
    func clusters(word: String) {
        var editor = LineEditor()
        // Scalar by scalar, as a terminal may deliver a decomposed letter.
        Self.type(word, into: &editor)
        #expect(editor.characters.count == 3)
        _ = editor.handle(.left)
        _ = editor.handle(.backspace)
        #expect(editor.text == "kt" && editor.cursor == 1)
        _ = editor.handle(.text("\u{00EA}"))
        #expect(Array(editor.text.utf8) == Array("k\u{00EA}t".utf8))
    }

    @Test("Home, End, Delete and the kill keys")
    func killKeys() {
        var editor = LineEditor()
        _ = editor.handle(.text("lệ phí hộ chiếu"))
        _ = editor.handle(.killWord)
        #expect(editor.text == "lệ phí hộ ")
        _ = editor.handle(.home)
        _ = editor.handle(.delete)
        #expect(editor.text == "ệ phí hộ " && editor.cursor == 0)
        _ = editor.handle(.wordRight)
        _ = editor.handle(.killToEnd)
        #expect(editor.text == "ệ")
        _ = editor.handle(.end)
        _ = editor.handle(.killToStart)
        #expect(editor.text.isEmpty)
    }

    @Test("Enter submits and clears; Ctrl-C drops; Ctrl-D deletes or ends")
    func outcomes() {
        var editor = LineEditor()
        _ = editor.handle(.text("ab"))
        #expect(editor.handle(.interrupt) == .interrupted(wasEmpty: false))
        #expect(editor.handle(.interrupt) == .interrupted(wasEmpty: true))
        _ = editor.handle(.text("ab"))
        _ = editor.handle(.home)
        #expect(editor.handle(.endOfInput) == .edited && editor.text == "b")
        #expect(editor.handle(.enter) == .submitted("b") && editor.text.isEmpty)
        #expect(editor.handle(.endOfInput) == .endOfInput)
    }

    @Test("Up and Down walk the history and come back to the line being typed")
    func history() {
        var editor = LineEditor(history: ["một", "hai"])
        editor.remember("hai")
        editor.remember("   ")
        #expect(editor.history == ["một", "hai"])
        _ = editor.handle(.text("ba"))
        _ = editor.handle(.up)
        #expect(editor.text == "hai")
        _ = editor.handle(.up)
        _ = editor.handle(.up)
        #expect(editor.text == "một")
        _ = editor.handle(.down)
        _ = editor.handle(.down)
        #expect(editor.text == "ba" && editor.cursor == 2)
    }
}
