/// Reads words left over from the Telex and VNI typing methods ("ddawng kys",
/// "d9a8ng ky1") back into Vietnamese.
///
/// Both methods leave ASCII letters that are often valid unaccented syllables
/// too ("khai", "ban"), so this only proposes a reading: the caller accepts it
/// when the result is a known word and the raw token is not.
public enum TypingMethodDecoder {
    /// A Vietnamese reading of `token` (a folded word with no diacritics), or nil
    /// when neither method's keys occur in it.
    public static func decode(_ token: String) -> Token? {
        let bytes = Array(token.utf8)
        guard bytes.count >= 2, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let hasDigit = bytes.contains { $0 >= 0x30 && $0 <= 0x39 }
        let decoded = hasDigit ? vni(bytes) : telex(bytes)
        guard let decoded else { return nil }
        let tokens = TextNormalizer.normalize(decoded).tokens
        guard tokens.count == 1, let result = tokens.first, result.hasDiacritics, result.kind == .word else { return nil }
        return result
    }

    private static let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), o = UInt8(ascii: "o")
    private static let u = UInt8(ascii: "u"), d = UInt8(ascii: "d"), w = UInt8(ascii: "w")
    private static let vowels: Set<UInt8> = Set("aeiouy".utf8)

    /// Telex: aa â, aw ă, ee ê, oo ô, ow ơ, uw/w ư, dd đ; a final s f r x j is the tone.
    private static func telex(_ input: [UInt8]) -> String? {
        var bytes = input
        var tone: Unicode.Scalar?
        if let last = bytes.last, let mark = telexTone(last), bytes.dropLast().contains(where: vowels.contains) {
            tone = mark
            bytes.removeLast()
        }
        var scalars = String.UnicodeScalarView()
        var changed = tone != nil
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            if byte == d, next == d {
                scalars.append("đ")
                index += 2
                changed = true
                continue
            }
            if byte == a || byte == e || byte == o, next == byte {
                scalars.append(Unicode.Scalar(byte))
                scalars.append("\u{0302}")
                index += 2
                changed = true
                continue
            }
            if byte == a, next == w {
                scalars.append("a")
                scalars.append("\u{0306}")
                index += 2
                changed = true
                continue
            }
            if (byte == o || byte == u), next == w {
                // "uow" is ươ: the horn goes on both letters.
                if byte == o, scalars.last == "u" {
                    scalars.append("\u{031B}")
                }
                scalars.append(Unicode.Scalar(byte))
                scalars.append("\u{031B}")
                index += 2
                changed = true
                continue
            }
            if byte == w {
                scalars.append("u")
                scalars.append("\u{031B}")
                index += 1
                changed = true
                continue
            }
            scalars.append(Unicode.Scalar(byte))
            index += 1
        }
        guard changed else { return nil }
        return placing(tone, in: scalars)
    }

    private static func telexTone(_ byte: UInt8) -> Unicode.Scalar? {
        switch byte {
        case UInt8(ascii: "s"): "\u{0301}"
        case UInt8(ascii: "f"): "\u{0300}"
        case UInt8(ascii: "r"): "\u{0309}"
        case UInt8(ascii: "x"): "\u{0303}"
        case UInt8(ascii: "j"): "\u{0323}"
        default: nil
        }
    }

    /// VNI: 6 circumflex, 7 horn, 8 breve, 9 after d for đ, 1–5 tones.
    private static func vni(_ bytes: [UInt8]) -> String? {
        var scalars = String.UnicodeScalarView()
        var tone: Unicode.Scalar?
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "1"): tone = "\u{0301}"
            case UInt8(ascii: "2"): tone = "\u{0300}"
            case UInt8(ascii: "3"): tone = "\u{0309}"
            case UInt8(ascii: "4"): tone = "\u{0303}"
            case UInt8(ascii: "5"): tone = "\u{0323}"
            case UInt8(ascii: "6"):
                guard let last = scalars.last, "aeo".unicodeScalars.contains(last) else { return nil }
                scalars.append("\u{0302}")
            case UInt8(ascii: "7"):
                guard let last = scalars.last, last == "o" || last == "u" else { return nil }
                // "uo7" is ươ: the horn goes on both letters.
                if last == "o", scalars.count >= 2 {
                    let previous = scalars[scalars.index(scalars.endIndex, offsetBy: -2)]
                    if previous == "u" {
                        scalars.removeLast()
                        scalars.append("\u{031B}")
                        scalars.append("o")
                    }
                }
                scalars.append("\u{031B}")
            case UInt8(ascii: "8"):
                guard scalars.last == "a" else { return nil }
                scalars.append("\u{0306}")
            case UInt8(ascii: "9"):
                guard scalars.last == "d" else { return nil }
                scalars.removeLast()
                scalars.append("đ")
            case UInt8(ascii: "0"):
                return nil
            default:
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return placing(tone, in: scalars)
    }

    /// The word with its tone mark after the vowel that carries it, so that the
    /// reading shows as people write it ("tạm", "người"); the engine itself
    /// reads the tone wherever it stands.
    private static func placing(_ tone: Unicode.Scalar?, in word: String.UnicodeScalarView) -> String {
        guard let tone else { return String(word) }
        let scalars = Array(word)
        let letterMarks: Set<Unicode.Scalar> = ["\u{0302}", "\u{0306}", "\u{031B}"]
        let vowels = scalars.indices.filter { "aeiouy".unicodeScalars.contains(scalars[$0]) }
        guard let lastVowel = vowels.last else { return String(word) + String(tone) }
        let marked = vowels.filter { $0 + 1 < scalars.count && letterMarks.contains(scalars[$0 + 1]) }
        var carrier: Int
        if let last = marked.last {
            carrier = last
        } else if vowels.count >= 2 && !scalars[(lastVowel + 1)...].contains(where: { !letterMarks.contains($0) }) {
            carrier = vowels[vowels.count - 2]
        } else {
            carrier = lastVowel
        }
        while carrier + 1 < scalars.count && letterMarks.contains(scalars[carrier + 1]) { carrier += 1 }
        var result = String.UnicodeScalarView(scalars[...carrier])
        result.append(tone)
        result.append(contentsOf: scalars[(carrier + 1)...])
        return String(result)
    }
}
