/// Reads which form a form file is from its file name: "1.MuCT01banhnhkmtheoThngts53.doc"
/// is "Mẫu CT01", "Mau 35 - Phu luc II_36.2025.TT-BNNMT.docx" is "Mẫu số 35",
/// "Phụ lục số 01_TT24.docx" is "Phụ lục số 01".
///
/// The portal's file names lost their diacritics or their vowels ("Mu" for
/// "Mẫu", "Ms" for "Mẫu số") and glue words together. A name is read when
/// a form word ("Mẫu", "Mau", "Mu", "Ms", "Mus", "Phụ lục", "Phu luc",
/// "PHLC") starts a word and is followed by a form code: a number ("35",
/// "1.1", "05.QLT", "3B"), letters and digits ("CT01", "TK01", "TP-LS-28")
/// or a roman numeral ("II", "I.1.8"). Anything else ("Bnkhaivkhvvtliunnuc.docx",
/// "DANH SÁCH THÀNH VIÊN.doc") names no form: the answer then shows none,
/// rather than a file name a citizen cannot use.
public enum FormNamer {
    /// The kinds of form name, in the order they are preferred.
    enum Word {
        case form
        case annex

        /// The Vietnamese word the name starts with.
        var label: String {
            switch self {
            case .form: "Mẫu"
            case .annex: "Phụ lục"
            }
        }
    }

    /// Spellings of the form words, lowercased, longest first; `numbered`
    /// says the spelling already holds "số" ("ms": mẫu số).
    static let spellings: [(text: [Unicode.Scalar], word: Word, numbered: Bool)] = {
        let table: [(String, Word, Bool)] = [
            ("phụ lục", .annex, false), ("phu lục", .annex, false), ("phụ luc", .annex, false), ("phu luc", .annex, false),
            ("phuluc", .annex, false), ("phlc", .annex, false),
            ("mẫu", .form, false), ("mau", .form, false), ("mus", .form, true), ("ms", .form, true), ("mu", .form, false),
        ]
        return table.map { (Array($0.0.unicodeScalars), $0.1, $0.2) }
    }()
    static let numberWords = ["số", "so"].map { Array($0.unicodeScalars) }
    static let romanDigits: Set<Unicode.Scalar> = ["I", "V", "X"]

    /// The form's name, or nil when the file name does not say which form it is.
    public static func name(ofFile file: String) -> String? {
        let stem = withoutExtension(file)
        let original = Array(stem.unicodeScalars)
        let lowered = Array(stem.lowercased().unicodeScalars)
        guard lowered.count == original.count else { return nil }
        var best: (word: Word, text: String)?
        var offset = 0
        while offset < lowered.count {
            if startsWord(original, at: offset), let found = formName(original, lowered, at: offset) {
                if found.word == .form { return found.text }
                if best == nil { best = found }
            }
            offset += 1
        }
        return best?.text
    }

    /// The name of a form whose word starts at `offset`.
    private static func formName(_ original: [Unicode.Scalar], _ lowered: [Unicode.Scalar], at offset: Int) -> (word: Word, text: String)? {
        for spelling in spellings where matches(lowered, spelling.text, at: offset) {
            var cursor = offset + spelling.text.count
            var numbered = spelling.numbered
            cursor = skipSeparators(lowered, from: cursor)
            for word in numberWords where matches(lowered, word, at: cursor) {
                numbered = true
                cursor = skipSeparators(lowered, from: cursor + word.count)
                break
            }
            guard let code = code(original, at: cursor) else { continue }
            let startsWithDigit = code.unicodeScalars.first.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false
            let number = numbered || (spelling.word == .form && startsWithDigit)
            return (spelling.word, spelling.word.label + (number ? " số " : " ") + code)
        }
        return nil
    }

    /// The form code at `offset`: digits with points and suffixes ("1.1",
    /// "05.QLT", "3B"), capitals and digits ("CT01", "TP-LS-28"), or a roman
    /// numeral with optional points ("II", "I.1.8").
    static func code(_ scalars: [Unicode.Scalar], at offset: Int) -> String? {
        guard offset < scalars.count else { return nil }
        var end = offset
        let first = scalars[offset]
        if isDigit(first) {
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            // A point continues the code with digits ("1.1") or a word of
            // capitals ("05.QLT"), not with another code ("2.TT06").
            while end + 1 < scalars.count, scalars[end] == "." {
                var next = end + 1
                if isDigit(scalars[next]) {
                    while next < scalars.count, isDigit(scalars[next]) { next += 1 }
                } else if isCapital(scalars[next]) {
                    while next < scalars.count, isCapital(scalars[next]) { next += 1 }
                    if next < scalars.count, isDigit(scalars[next]) || scalars[next].properties.isLowercase { break }
                } else {
                    break
                }
                end = next
            }
            // One capital glued to the number is part of it ("3B"), a word is not ("35To").
            if end < scalars.count, isCapital(scalars[end]), end + 1 == scalars.count || !scalars[end + 1].properties.isAlphabetic {
                end += 1
            }
        } else if isCapital(first) {
            while end < scalars.count, isCapital(scalars[end]) || isDigit(scalars[end]) { end += 1 }
            // "MauBankhai…": capitals followed by lowercase letters start a word, not a code;
            // "MuCT01banhnh…" is a code with the next word glued on.
            if end < scalars.count, scalars[end].properties.isLowercase, !scalars[offset..<end].contains(where: isDigit) { return nil }
            let isRoman = scalars[offset..<end].allSatisfy { romanDigits.contains($0) }
            // Parts joined by "-" ("TP-LS-28"), by "/" with digits ("ĐKX10/79"), or by "." with digits after a roman numeral ("I.1.8").
            while end + 1 < scalars.count {
                let joiner = scalars[end]
                let next = scalars[end + 1]
                let joins = (joiner == "-" && (isCapital(next) || isDigit(next))) || (joiner == "/" && isDigit(next))
                    || (joiner == "." && isRoman && isDigit(next))
                guard joins else { break }
                end += 1
                while end < scalars.count, isCapital(scalars[end]) || isDigit(scalars[end]) { end += 1 }
            }
            guard isRoman || scalars[offset..<end].contains(where: isDigit) else { return nil }
        } else {
            return nil
        }
        return String(String.UnicodeScalarView(scalars[offset..<end]))
    }

    private static func withoutExtension(_ file: String) -> String {
        let lowered = file.lowercased()
        for ext in FormFileSplitter.extensions where lowered.hasSuffix("." + ext) {
            return String(file.dropLast(ext.count + 1))
        }
        return file
    }

    /// Whether a word starts at `offset`: the text starts there, a non-letter
    /// is before it, or a lowercase letter before a capital ("TT05Mau").
    private static func startsWord(_ scalars: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset > 0 else { return true }
        let before = scalars[offset - 1]
        if !before.properties.isAlphabetic { return true }
        return before.properties.isLowercase && scalars[offset].properties.isUppercase
    }

    private static func matches(_ scalars: [Unicode.Scalar], _ word: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset + word.count <= scalars.count else { return false }
        return scalars[offset..<offset + word.count].elementsEqual(word)
    }

    private static func skipSeparators(_ scalars: [Unicode.Scalar], from offset: Int) -> Int {
        var cursor = offset
        while cursor < scalars.count, scalars[cursor] == " " || scalars[cursor] == "_" || scalars[cursor] == "." { cursor += 1 }
        return cursor
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    private static func isCapital(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isUppercase && scalar.properties.isAlphabetic
    }
}
