/// Splits Vietnamese text into ``Token``s, folding Unicode forms, case and marks.
///
/// NFC and NFD input give the same tokens: precomposed letters are looked up in
/// a table and combining marks attach to the letter before them, in either
/// order. This runs on every question and over the whole catalogue at start-up,
/// so it walks Unicode scalars once, keeps ASCII bytes in reused buffers and
/// never calls Foundation's folding (about 30 times slower here, and it keeps "đ").
public enum TextNormalizer {
    /// Share of words with accents from which a text counts as typed with accents.
    static let accentedShare = 0.4

    /// Tokenises `text`.
    public static func normalize(_ text: String) -> NormalizedText {
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        var previousEnd = 0
        scan(text) { word in
            let folded = String(decoding: word.folded, as: UTF8.self)
            let marked = word.hasDiacritics ? String(decoding: word.marked, as: UTF8.self) : nil
            let typed = String(decoding: bytes[word.range], as: UTF8.self)
            let boundary = tokens.isEmpty ? .none : Self.boundary(in: bytes[previousEnd..<word.range.lowerBound])
            previousEnd = word.range.upperBound
            tokens.append(
                Token(text: typed, folded: folded, marked: marked, kind: word.kind, hasDiacritics: word.hasDiacritics, boundary: boundary)
            )
        }
        var words = 0
        var accented = 0
        for token in tokens where token.kind == .word {
            words += 1
            if token.hasDiacritics { accented += 1 }
        }
        let isAccented = words > 0 && Double(accented) >= accentedShare * Double(words)
        if isAccented {
            for index in tokens.indices where tokens[index].kind == .word && tokens[index].marked == nil {
                tokens[index].marked = tokens[index].folded
            }
        }
        let ending = tokens.isEmpty ? .none : Self.boundary(in: bytes[previousEnd...])
        return NormalizedText(tokens: tokens, isAccented: isAccented, ending: ending)
    }

    /// The strongest break the punctuation in `gap` makes. Only ASCII marks
    /// and a few common Unicode ones count; a "." or "," inside a number
    /// never reaches a gap, since the scanner keeps it in the number.
    static func boundary(in gap: ArraySlice<UInt8>) -> Token.Boundary {
        var strongest = Token.Boundary.none
        var index = gap.startIndex
        while index < gap.endIndex {
            let byte = gap[index]
            let found: Token.Boundary
            switch byte {
            case UInt8(ascii: "?"): found = .question
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: ";"), UInt8(ascii: "\n"): found = .sentence
            case UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "-"): found = .clause
            // "…" (E2 80 A6) ends a sentence; "–" and "—" (E2 80 93/94) and quotes separate clauses.
            case 0xE2 where index + 2 < gap.endIndex && gap[index + 1] == 0x80:
                found = gap[index + 2] == 0xA6 ? .sentence : (gap[index + 2] == 0x93 || gap[index + 2] == 0x94) ? .clause : .none
            default: found = .none
            }
            strongest = max(strongest, found)
            index += 1
        }
        return strongest
    }

    /// The folded words of `text` joined by spaces: the key used for lexicon phrases.
    public static func fold(_ text: String) -> String {
        var output: [UInt8] = []
        scan(text) { word in
            if !output.isEmpty { output.append(0x20) }
            output.append(contentsOf: word.folded)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// One word as the scanner hands it out; the buffers are only valid inside the callback.
    public struct ScannedWord {
        /// Lower-case ASCII without marks.
        public var folded: UnsafeBufferPointer<UInt8>
        /// The canonical accented key; meaningful when ``hasDiacritics`` is true.
        public var marked: UnsafeBufferPointer<UInt8>
        public var kind: Token.Kind
        public var hasDiacritics: Bool
        /// Where the word stands in the text's UTF-8 bytes.
        public var range: Range<Int>
    }

    /// Calls `body` for each word of `text`, without building ``Token``s:
    /// the index reads the whole catalogue through this.
    ///
    /// Decodes UTF-8 by hand rather than through the String's scalar view:
    /// indexing tokenises some ten megabytes at every start.
    public static func scan(_ text: String, _ body: (ScannedWord) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var scanner = Scanner()
            var offset = 0
            while offset < bytes.count {
                let lead = bytes[offset]
                var length = 1
                var value = UInt32(lead)
                if lead >= 0xC0 {
                    length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    value = UInt32(lead) & (0xFF >> (length + 1))
                    for next in 1..<length where offset + next < bytes.count {
                        value = value << 6 | UInt32(bytes[offset + next] & 0x3F)
                    }
                }
                // A String's UTF-8 is always valid, so every value is a scalar.
                scanner.consume(Unicode.Scalar(value) ?? " ", at: offset, body)
                offset += length
            }
            scanner.finish(at: bytes.count, body)
        }
    }

    /// The state of one scan: the word being built.
    private struct Scanner: ~Copyable {
        var letters = ScanBuffer<UInt8>(capacity: 32)
        var marks = ScanBuffer<LetterMark>(capacity: 32)
        var key = ScanBuffer<UInt8>(capacity: 40)
        var tone = Tone.level
        var hasDiacritics = false
        var hasLetter = false
        /// Whether every character so far is an ASCII capital: a roman numeral
        /// is read as one only when written in capitals ("loại II"), as the
        /// catalogue and most people write it.
        var capitalsOnly = true
        var start: Int?
        /// A "." "," or "/" seen right after a digit, kept only if a digit follows.
        var pendingSeparator: (scalar: Unicode.Scalar, index: Int)?

        @inline(__always)
        mutating func consume(_ scalar: Unicode.Scalar, at index: Int, _ body: (ScannedWord) -> Void) {
            let value = scalar.value
            if let separator = pendingSeparator {
                pendingSeparator = nil
                if value >= 0x30 && value <= 0x39 && !hasLetter {
                    append(UInt8(separator.scalar.value), at: separator.index)
                } else {
                    finish(at: separator.index, body)
                }
            }
            if value < 0x80 {
                switch value {
                case 0x61...0x7A:
                    hasLetter = true
                    capitalsOnly = false
                    append(UInt8(value), at: index)
                case 0x30...0x39:
                    capitalsOnly = false
                    append(UInt8(value), at: index)
                case 0x41...0x5A:
                    hasLetter = true
                    append(UInt8(value + 32), at: index)
                case 0x2E, 0x2C, 0x2F:
                    if let last = letters.last, last >= 0x30 && last <= 0x39, !hasLetter {
                        pendingSeparator = (scalar, index)
                    } else {
                        finish(at: index, body)
                    }
                default:
                    finish(at: index, body)
                }
                return
            }
            if let letter = VietnameseLetter.decompose(scalar) {
                hasLetter = true
                hasDiacritics = true
                capitalsOnly = false
                append(letter.base, at: index, mark: letter.mark)
                if letter.tone != .level { tone = letter.tone }
            } else if let combiningTone = Tone(combining: scalar) {
                guard !letters.isEmpty else { return }
                hasDiacritics = true
                tone = combiningTone
            } else if let combiningMark = LetterMark(combining: scalar) {
                guard !letters.isEmpty else { return }
                hasDiacritics = true
                marks.elements[marks.count - 1] = combiningMark
            } else if scalar.properties.generalCategory == .nonspacingMark {
                // Other combining marks (from foreign names) carry no meaning here.
                return
            } else if scalar.properties.isAlphabetic {
                hasLetter = true
                capitalsOnly = false
                if start == nil { start = index }
                for byte in scalar.properties.lowercaseMapping.utf8 {
                    letters.append(byte)
                    marks.append(.none)
                }
            } else {
                finish(at: index, body)
            }
        }

        @inline(__always)
        mutating func append(_ byte: UInt8, at index: Int, mark: LetterMark = .none) {
            if start == nil { start = index }
            letters.append(byte)
            marks.append(mark)
        }

        mutating func finish(at end: Int, _ body: (ScannedWord) -> Void) {
            // Most calls come from the space after a word already finished.
            if letters.isEmpty && pendingSeparator == nil { return }
            if let separator = pendingSeparator {
                pendingSeparator = nil
                finish(at: separator.index, body)
                return
            }
            defer {
                letters.removeAll()
                marks.removeAll()
                tone = .level
                hasDiacritics = false
                hasLetter = false
                capitalsOnly = true
                start = nil
            }
            guard !letters.isEmpty, let start else { return }
            Syllable.normalizeFinalY(letters.elements, marks: UnsafeBufferPointer(marks.elements))
            let kind: Token.Kind
            if hasLetter, capitalsOnly, !hasDiacritics, let digits = RomanNumeral.digits(UnsafeBufferPointer(letters.elements)) {
                letters.removeAll()
                marks.removeAll()
                for digit in digits { append(digit, at: start) }
                kind = .number
            } else if hasLetter {
                kind = .word
            } else if Syllable.isCatalogueCode(UnsafeBufferPointer(letters.elements)) {
                kind = .code
            } else {
                kind = .number
            }
            key.removeAll()
            if hasDiacritics {
                let letters = letters.elements, marks = marks.elements
                for index in letters.indices {
                    key.append(letters[index])
                    if let suffix = marks[index].keySuffix { key.append(suffix) }
                }
                if tone != .level { key.append(UInt8(ascii: "0") + tone.rawValue) }
            }
            body(
                ScannedWord(
                    folded: UnsafeBufferPointer(letters.elements), marked: UnsafeBufferPointer(key.elements), kind: kind,
                    hasDiacritics: hasDiacritics, range: start..<end
                )
            )
        }
    }
}
