import Testing
import ThuTucTerminal

@Suite("Key decoding")
struct KeyDecoderTests {
    @Test("arrows, Home/End and Delete in their CSI and SS3 spellings")
    func sequences() {
        var decoder = KeyDecoder()
        let bytes = Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF\u{1B}[1~\u{1B}[4~\u{1B}[3~\u{1B}[1;5D\u{1B}b".utf8)
        #expect(decoder.feed(bytes) == [.up, .down, .right, .left, .home, .end, .home, .end, .home, .end, .delete, .wordLeft, .wordLeft])
    }

    @Test("control keys")
    func controls() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x01, 0x05, 0x03, 0x04, 0x15, 0x0B, 0x17, 0x7F, 0x08, 0x0D, 0x0C, 0x1A, 0x09]) == [
            .home, .end, .interrupt, .endOfInput, .killToStart, .killToEnd, .killWord, .backspace, .backspace, .enter, .clearScreen, .suspend, .ignored,
        ])
    }

    @Test("a sequence or a character cut between reads comes out whole")
    func splitInput() {
        var decoder = KeyDecoder()
        let bytes = Array("ế\u{1B}[Dê".utf8)
        var keys: [Key] = []
        for byte in bytes { keys += decoder.feed([byte]) }
        #expect(keys == [.text("ế"), .left, .text("ê")])
    }

    @Test("typed text comes as one run; invalid UTF-8 is dropped")
    func text() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("đăng ký".utf8) + [0xFF, 0x80] + Array("!".utf8)) == [.text("đăng ký!")])
    }
}
