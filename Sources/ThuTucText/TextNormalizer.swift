/// Splits Vietnamese text into ``Token``s, folding Unicode forms, case and marks.
///
/// NFC and NFD input give the same tokens: precomposed letters are looked up in
/// a table and combining marks attach to the letter before them, in either
/// order. This runs on every question, so it walks Unicode scalars once and
/// builds ASCII byte buffers instead of calling Foundation's folding (which is
/// about 30 times slower here and keeps "đ").
public enum TextNormalizer {
    /// Share of words with accents from which a text counts as typed with accents.
    static let accentedShare = 0.4

    /// Tokenises `text`.
    public static func normalize(_ text: String) -> NormalizedText {
        var builder = Builder()
        for scalar in text.unicodeScalars {
            builder.consume(scalar)
        }
        builder.finish()
        var tokens = builder.tokens
        let words = tokens.filter { $0.kind == .word }
        let accented = words.filter(\.hasDiacritics).count
        let isAccented = !words.isEmpty && Double(accented) >= accentedShare * Double(words.count)
        if isAccented {
            for index in tokens.indices where tokens[index].kind == .word && tokens[index].marked == nil {
                tokens[index].marked = tokens[index].folded
            }
        }
        return NormalizedText(tokens: tokens, isAccented: isAccented)
    }

    /// The folded words of `text` joined by spaces: the key used for lexicon phrases.
    public static func fold(_ text: String) -> String {
        normalize(text).foldedText
    }

    /// Accumulates one token at a time.
    private struct Builder {
        var tokens: [Token] = []
        var text = String.UnicodeScalarView()
        var letters: [UInt8] = []
        var marks: [LetterMark] = []
        var tone = Tone.level
        var hasDiacritics = false
        var hasLetter = false
        /// A "." "," or "/" seen right after a digit, kept only if a digit follows.
        var pendingSeparator: Unicode.Scalar?

        mutating func consume(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if let separator = pendingSeparator {
                pendingSeparator = nil
                if value >= 0x30 && value <= 0x39 && !hasLetter {
                    append(byte: UInt8(separator.value), scalar: separator)
                } else {
                    finish()
                }
            }
            switch value {
            case 0x61...0x7A, 0x30...0x39:
                if value >= 0x61 { hasLetter = true }
                append(byte: UInt8(value), scalar: scalar)
            case 0x41...0x5A:
                hasLetter = true
                append(byte: UInt8(value + 32), scalar: scalar)
            case 0x2E, 0x2C, 0x2F:
                if let last = letters.last, last >= 0x30 && last <= 0x39, !hasLetter {
                    pendingSeparator = scalar
                } else {
                    finish()
                }
            default:
                if let letter = VietnameseLetter.decompose(scalar) {
                    hasLetter = true
                    hasDiacritics = true
                    append(byte: letter.base, scalar: scalar, mark: letter.mark)
                    if letter.tone != .level { tone = letter.tone }
                } else if let combiningTone = Tone(combining: scalar) {
                    guard !letters.isEmpty else { return }
                    text.append(scalar)
                    hasDiacritics = true
                    tone = combiningTone
                } else if let combiningMark = LetterMark(combining: scalar) {
                    guard !letters.isEmpty else { return }
                    text.append(scalar)
                    hasDiacritics = true
                    marks[marks.count - 1] = combiningMark
                } else if scalar.properties.isAlphabetic && !scalar.properties.isWhitespace {
                    hasLetter = true
                    let lower = scalar.properties.lowercaseMapping
                    for byte in lower.utf8 {
                        letters.append(byte)
                        marks.append(.none)
                    }
                    text.append(scalar)
                } else if scalar.properties.generalCategory == .nonspacingMark {
                    // Other combining marks (from foreign names) carry no meaning here.
                    return
                } else {
                    finish()
                }
            }
        }

        mutating func append(byte: UInt8, scalar: Unicode.Scalar, mark: LetterMark = .none) {
            letters.append(byte)
            marks.append(mark)
            text.append(scalar)
        }

        mutating func finish() {
            pendingSeparator = nil
            defer {
                text = String.UnicodeScalarView()
                letters.removeAll(keepingCapacity: true)
                marks.removeAll(keepingCapacity: true)
                tone = .level
                hasDiacritics = false
                hasLetter = false
            }
            guard !letters.isEmpty else { return }
            Syllable.normalizeFinalY(&letters, marks: &marks)
            let folded = String(decoding: letters, as: UTF8.self)
            let kind: Token.Kind
            if hasLetter {
                kind = .word
            } else if Syllable.isCatalogueCode(letters) {
                kind = .code
            } else {
                kind = .number
            }
            var marked: String?
            if hasDiacritics {
                var key: [UInt8] = []
                key.reserveCapacity(letters.count + 4)
                for (byte, mark) in zip(letters, marks) {
                    key.append(byte)
                    if let suffix = mark.keySuffix { key.append(suffix) }
                }
                if tone != .level { key.append(UInt8(ascii: "0") + tone.rawValue) }
                marked = String(decoding: key, as: UTF8.self)
            }
            tokens.append(
                Token(text: String(text), folded: folded, marked: marked, kind: kind, hasDiacritics: hasDiacritics)
            )
        }
    }
}
