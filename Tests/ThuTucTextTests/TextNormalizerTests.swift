import Testing
@testable import ThuTucText

@Suite("Text normaliser")
struct TextNormalizerTests {
    private func folded(_ text: String) -> [String] {
        TextNormalizer.normalize(text).tokens.map(\.folded)
    }

    private func marked(_ text: String) -> [String?] {
        TextNormalizer.normalize(text).tokens.map(\.marked)
    }

    @Test("NFC and NFD give the same tokens, in either mark order")
    func nfcAndNfd() {
        let nfc = "Đăng ký khai sinh cần những giấy tờ gì"
        let decomposed = "\u{0110}a\u{0306}ng ky\u{0301} khai sinh ca\u{0302}\u{0300}n nhu\u{031B}\u{0303}ng gia\u{0302}\u{0301}y to\u{031B}\u{0300} gi\u{0300}"
        #expect(TextNormalizer.normalize(nfc) == TextNormalizer.normalize(decomposed))
        let dotFirst = "e\u{0323}\u{0302}"  // ệ with the dot below before the circumflex
        let circumflexFirst = "e\u{0302}\u{0323}"
        #expect(marked(dotFirst) == marked(circumflexFirst))
        #expect(marked("ệ") == marked(dotFirst))
    }

    @Test("Folding drops tones, letter marks, case and đ")
    func folding() {
        #expect(folded("ĐĂNG KÝ Thường Trú") == ["dang", "ki", "thuong", "tru"])
        #expect(folded("Người nước ngoài") == ["nguoi", "nuoc", "ngoai"])
        #expect(TextNormalizer.fold("Giấy chứng nhận quyền sử dụng đất") == "giay chung nhan quyen su dung dat")
    }

    @Test("Tone placement and i/y variants share a key")
    func variants() {
        #expect(marked("hoà") == marked("hòa"))
        #expect(marked("thuỷ") == marked("thủy"))
        #expect(marked("kí") == marked("ký"))
        #expect(marked("quí") == marked("quý"))
        #expect(marked("lí lịch") == marked("lý lịch"))
        #expect(marked("đăng") == marked("dăng"))
        #expect(marked("ban") != marked("bán"))
        #expect(marked("bàn") != marked("bán"))
        #expect(folded("yêu") == ["yeu"])
        #expect(folded("tuy") == ["tuy"])
    }

    @Test("Punctuation, emoji and spacing separate words")
    func separators() {
        #expect(folded("khai sinh???😀ạ!!") == ["khai", "sinh", "a"])
        #expect(folded("  hộ\tchiếu\n") == ["ho", "chieu"])
        #expect(folded("").isEmpty)
        #expect(folded("🙂🙂").isEmpty)
    }

    @Test("Words far longer than the scanner's first buffers come out whole")
    func longWords() throws {
        // 5,000 letters, each with a letter mark and a tone: the accented key is 3 bytes a letter.
        let long = String(repeating: "ướ", count: 2_500)
        let tokens = TextNormalizer.normalize("a \(long) b").tokens
        #expect(tokens.map(\.folded) == ["a", String(repeating: "uo", count: 2_500), "b"])
        // A word's key is its letters with their marks, then its tone once.
        let syllable = try #require(marked("ướ").first ?? nil)
        #expect(tokens[1].marked == String(repeating: String(syllable.dropLast()), count: 2_500) + String(syllable.suffix(1)))
        #expect(tokens[1].text == long)
        // The buffers are emptied between words: a short word after a long one is only itself.
        #expect(marked("\(long) á").last == marked("á").last)
        #expect(folded("\(long) á").last == "a")
    }

    @Test("Codes and numbers stay whole")
    func numbers() {
        let tokens = TextNormalizer.normalize("thủ tục 1.001193 lệ phí 50.000 đồng, 14 tuổi.").tokens
        #expect(tokens.map(\.folded) == ["thu", "tuc", "1.001193", "le", "phi", "50.000", "dong", "14", "tuoi"])
        #expect(tokens[2].kind == .code)
        #expect(tokens[5].kind == .number)
        #expect(tokens[7].kind == .number)
        #expect(tokens[0].kind == .word)
        #expect(folded("123/2015/NĐ-CP") == ["123/2015", "nd", "cp"])
    }

    @Test("Roman numerals in capitals read as the digits citizens type")
    func romanNumerals() {
        let tokens = TextNormalizer.normalize("cảng cá loại I, loại II; công trình cấp IV").tokens
        #expect(tokens.map(\.folded) == ["cang", "ca", "loai", "1", "loai", "2", "cong", "trinh", "cap", "4"])
        #expect(tokens[3].kind == .number)
        #expect(tokens[3].text == "I")
        // Lower case, a lone V or X (a hidden name), and other capitals stay words.
        #expect(folded("loại ii, anh X, chị V, CCCD, MIX") == ["loai", "ii", "anh", "x", "chi", "v", "cccd", "mix"])
        // Punctuation around it does not matter; a mark on it makes it a word.
        #expect(folded("– II”, (IV)") == ["2", "4"])
        #expect(folded("Í") == ["i"])
    }

    @Test("A text typed mostly with accents marks its plain words too")
    func accentedMode() {
        let accented = TextNormalizer.normalize("đăng ký khai sinh")
        #expect(accented.isAccented)
        #expect(accented.tokens.map(\.marked) == ["da(ng", "ki1", "khai", "sinh"])
        let plain = TextNormalizer.normalize("dang ky khai sinh o đâu")
        #expect(!plain.isAccented)
        #expect(plain.tokens[0].marked == nil)
        #expect(plain.tokens[5].marked == "da^u")
    }
}

@Suite("Typing-method leftovers")
struct TypingMethodDecoderTests {
    @Test("Telex words decode to Vietnamese")
    func telex() {
        #expect(TypingMethodDecoder.decode("ddawng")?.folded == "dang")
        #expect(TypingMethodDecoder.decode("ddawng")?.marked == "da(ng")
        #expect(TypingMethodDecoder.decode("kys")?.marked == "ki1")
        #expect(TypingMethodDecoder.decode("nguowif")?.marked == "ngu+o+i2")
        #expect(TypingMethodDecoder.decode("tamj")?.marked == "tam5")
        #expect(TypingMethodDecoder.decode("khai") == nil)
    }

    @Test("VNI words decode to Vietnamese")
    func vni() {
        #expect(TypingMethodDecoder.decode("d9a8ng")?.marked == "da(ng")
        #expect(TypingMethodDecoder.decode("ky1")?.marked == "ki1")
        #expect(TypingMethodDecoder.decode("nguo7i2")?.marked == "ngu+o+i2")
        #expect(TypingMethodDecoder.decode("14") == nil)
    }
}

@Suite("Edit distance")
struct EditDistanceTests {
    private func distance(_ a: String, _ b: String, limit: Int = 2) -> Int? {
        EditDistance.distance(Array(a.utf8), Array(b.utf8), limit: limit)
    }

    @Test("Counts edits and swaps, and gives up past the limit")
    func distances() {
        #expect(distance("sinh", "sinh") == 0)
        #expect(distance("sihn", "sinh") == 1)
        #expect(distance("khai", "kai") == 1)
        #expect(distance("tru", "trus") == 1)
        #expect(distance("abc", "xyz") == nil)
        #expect(distance("", "ab") == 2)
        #expect(distance("thuong", "tru", limit: 1) == nil)
    }
}
