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
public enum LetterMark: UInt8, Sendable {
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
    static func decompose(_ scalar: Unicode.Scalar) -> VietnameseLetter? {
        table[scalar.value]
    }

    /// Built once from the 12 vowel rows below (each: no tone, sắc, huyền, hỏi, ngã, nặng)
    /// and đ; upper case maps to the same lower-case letter.
    private static let table: [UInt32: VietnameseLetter] = {
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
        var table: [UInt32: VietnameseLetter] = [:]
        for row in rows {
            let base = row.base.asciiValue ?? 0
            for forms in [row.lower, row.upper] {
                for (index, scalar) in forms.unicodeScalars.enumerated() {
                    guard let tone = Tone(rawValue: UInt8(index)) else { continue }
                    if tone == .level && row.mark == .none { continue }
                    table[scalar.value] = VietnameseLetter(base: base, mark: row.mark, tone: tone)
                }
            }
        }
        table[0x0111] = VietnameseLetter(base: UInt8(ascii: "d"), mark: .stroke, tone: .level)
        table[0x0110] = VietnameseLetter(base: UInt8(ascii: "d"), mark: .stroke, tone: .level)
        return table
    }()
}
