/// The five Vietnamese tone marks, plus none (thanh ngang).
public enum Tone: UInt8, Sendable, CaseIterable {
    case level = 0
    case acute = 1  // sắc
    case grave = 2  // huyền
    case hook = 3  // hỏi
    case tilde = 4  // ngã
    case dot = 5  // nặng

    /// The combining scalar that carries this tone in decomposed text.
    init?(combining scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0301, 0x0341: self = .acute
        case 0x0300, 0x0340: self = .grave
        case 0x0309: self = .hook
        case 0x0303: self = .tilde
        case 0x0323: self = .dot
        default: return nil
        }
    }
}

/// The marks that change a vowel's letter (â ă ê ô ơ ư) or d into đ.
public enum LetterMark: UInt8, Sendable, BitwiseCopyable {
    case none = 0
    case circumflex  // â ê ô
    case breve  // ă
    case horn  // ơ ư
    case stroke  // đ

    init?(combining scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0302: self = .circumflex
        case 0x0306: self = .breve
        case 0x031B: self = .horn
        default: return nil
        }
    }

    /// The ASCII suffix written after a marked letter in a ``Token/marked`` key.
    var keySuffix: UInt8? {
        switch self {
        case .none, .stroke: nil
        case .circumflex: UInt8(ascii: "^")
        case .breve: UInt8(ascii: "(")
        case .horn: UInt8(ascii: "+")
        }
    }
}

/// One letter split into its ASCII base, its letter mark and its tone.
struct VietnameseLetter: Sendable {
    var base: UInt8
    var mark: LetterMark
    var tone: Tone

    /// Looks a precomposed scalar up; nil for anything that is not a Vietnamese letter with marks.
    @inline(__always)
    static func decompose(_ scalar: Unicode.Scalar) -> VietnameseLetter? {
        let value = scalar.value
        guard value >= tableStart, value < tableStart + UInt32(table.count) else { return nil }
        let packed = table[Int(value - tableStart)]
        guard packed != 0 else { return nil }
        return VietnameseLetter(
            base: UInt8(packed & 0xFF),
            mark: LetterMark(rawValue: UInt8((packed >> 8) & 0xF)) ?? .none,
            tone: Tone(rawValue: UInt8((packed >> 12) & 0xF)) ?? .level
        )
    }

    /// First scalar the table covers (À); the last is ỹ (U+1EF9).
    private static let tableStart: UInt32 = 0x00C0

    /// A flat array over U+00C0…U+1EF9, one packed entry per scalar (base |
    /// mark << 8 | tone << 12; 0 for scalars that are not Vietnamese letters):
    /// an array index is several times faster than a dictionary lookup, and
    /// this runs for every accented letter of every question.
    private static let table: [UInt16] = {
        let rows: [(base: Character, mark: LetterMark, lower: String, upper: String)] = [
            ("a", .none, "aáàảãạ", "AÁÀẢÃẠ"),
            ("a", .breve, "ăắằẳẵặ", "ĂẮẰẲẴẶ"),
            ("a", .circumflex, "âấầẩẫậ", "ÂẤẦẨẪẬ"),
            ("e", .none, "eéèẻẽẹ", "EÉÈẺẼẸ"),
            ("e", .circumflex, "êếềểễệ", "ÊẾỀỂỄỆ"),
            ("i", .none, "iíìỉĩị", "IÍÌỈĨỊ"),
            ("o", .none, "oóòỏõọ", "OÓÒỎÕỌ"),
            ("o", .circumflex, "ôốồổỗộ", "ÔỐỒỔỖỘ"),
            ("o", .horn, "ơớờởỡợ", "ƠỚỜỞỠỢ"),
            ("u", .none, "uúùủũụ", "UÚÙỦŨỤ"),
            ("u", .horn, "ưứừửữự", "ƯỨỪỬỮỰ"),
            ("y", .none, "yýỳỷỹỵ", "YÝỲỶỸỴ"),
        ]
        var table = [UInt16](repeating: 0, count: Int(0x1EFA - tableStart))
        func store(_ scalar: Unicode.Scalar, base: UInt8, mark: LetterMark, tone: Tone) {
            guard scalar.value >= tableStart, Int(scalar.value - tableStart) < table.count else { return }
            table[Int(scalar.value - tableStart)] = UInt16(base) | UInt16(mark.rawValue) << 8 | UInt16(tone.rawValue) << 12
        }
        for row in rows {
            let base = row.base.asciiValue ?? 0
            for forms in [row.lower, row.upper] {
                for (index, scalar) in forms.unicodeScalars.enumerated() {
                    guard let tone = Tone(rawValue: UInt8(index)) else { continue }
                    if tone == .level && row.mark == .none { continue }
                    store(scalar, base: base, mark: row.mark, tone: tone)
                }
            }
        }
        store("\u{0111}", base: UInt8(ascii: "d"), mark: .stroke, tone: .level)
        store("\u{0110}", base: UInt8(ascii: "d"), mark: .stroke, tone: .level)
        return table
    }()
}
