/// Recognises Vietnamese legal document numbers inside run-together text.
///
/// Numbers look like "123/2015/NĐ-CP", "66.7/2025/NQ-CP", "60/2014/QH13",
/// "02/2020/TT-BTP", "10/2023/QĐ-TTg", "18/2009/TTLT-BGDĐT-BTC" or, without a
/// year, "163/QĐ-BTP". In the portal's flattened table a number is often glued
/// to what follows ("…/QH1354/2014/QH13", "…/TT-BCAQuy định…"), so the
/// issuer part is matched against the issuers the catalogue uses, longest
/// first, and the legislature's "QH" takes exactly two digits. An unknown
/// issuer is read as a run of capitals that stops before a capitalised word.
public enum LegalNumberScanner {
    /// Document types, longest first.
    static let types = ["TTLT", "VBHN", "TT", "NĐ", "ND", "QĐ", "QD", "NQ", "PL", "CT", "L"].map(\.scalarArray)
    /// Issuers that appear after the type, longest first. Sub-unit letters
    /// ("QĐ-BCA-C") and truncated issuers ("NĐ-C") go through the capitals rule.
    static let issuers = [
        "BLĐTBXH", "BVHTTDL", "BNNPTNT", "VKSNDTC", "TANDTC", "BNNNMT", "BGTVT", "BKHĐT", "BKHCN",
        "BTNMT", "BTTTT", "BNNMT", "BNTMT", "QLXNC", "KHTNT", "BGDĐT", "NHNN", "UBND", "BHXH", "TCHQ",
        "VPCP", "HĐND", "VPQH", "HĐTP", "QLDA", "NNMT", "BTC", "BCA", "BTP", "BXD", "BQP", "BNG", "BYT",
        "BCT", "BNV", "CTN", "TCT", "TTg", "TTG", "BKH", "CP",
    ].map(\.scalarArray)
    static let legislatures = ["UBTVQH", "QH"].map(\.scalarArray)
    static let separators: Set<Unicode.Scalar> = ["-", "_", "/"]

    /// A number found in text: where it is and its normalised form.
    public struct Match: Sendable, Hashable {
        public var start: Int
        public var end: Int
        /// The number with ASCII look-alikes and separators normalised ("ND-CP" → "NĐ-CP", "TT_BCA" → "TT-BCA").
        public var number: String
    }

    /// Every number in `text`, left to right.
    public static func numbers(in text: String) -> [Match] {
        numbers(in: ScalarText(text))
    }

    static func numbers(in scalars: ScalarText) -> [Match] {
        var matches: [Match] = []
        var offset = 0
        while offset < scalars.count {
            let gluedToPrevious = matches.last?.end == offset
            if scalars.isDigit(at: offset), gluedToPrevious || !scalars.isDigit(at: offset - 1),
               let match = number(in: scalars, runStart: offset) {
                matches.append(match)
                offset = match.end
            } else {
                offset += 1
            }
        }
        return matches
    }

    /// The number in the digit run at `runStart`, skipping a year glued in front
    /// ("…ngày 29/6/202443/2024/QH15", "…năm 201102/2011/QH13").
    private static func number(in scalars: ScalarText, runStart: Int) -> Match? {
        let runEnd = scalars.digitRunEnd(from: runStart)
        var start = runStart
        let yearGlued = runEnd - runStart > 4
            && (scalars.scalar(at: runStart - 1) == "/" || scalars.matches("19".scalarArray, at: runStart) || scalars.matches("20".scalarArray, at: runStart))
        if yearGlued { start += 4 }
        return number(in: scalars, at: start)
    }

    /// "<number>/[<year>/]<type>-<issuer>[-<issuer>…]" or "<number>/<year>/QH<nn>" at `start`.
    private static func number(in scalars: ScalarText, at start: Int) -> Match? {
        var cursor = scalars.digitRunEnd(from: start)
        guard cursor > start, cursor - start <= 4 else { return nil }
        if scalars.scalar(at: cursor) == ".", scalars.isDigit(at: cursor + 1) {
            cursor = scalars.digitRunEnd(from: cursor + 1)
        }
        if let letter = scalars.scalar(at: cursor), letter.value >= 0x61, letter.value <= 0x7A, scalars.scalar(at: cursor + 1) == "/" {
            cursor += 1
        }
        guard scalars.scalar(at: cursor) == "/" else { return nil }
        var parts = [scalars.string(start..<cursor)]
        cursor += 1
        if scalars.digitRunEnd(from: cursor) == cursor + 4, scalars.scalar(at: cursor + 4) == "/" {
            parts.append(scalars.string(cursor..<cursor + 4))
            cursor += 5
        }
        if let end = legislatureEnd(in: scalars, at: cursor) {
            parts.append(scalars.string(cursor..<end))
            return Match(start: start, end: end, number: parts.joined(separator: "/"))
        }
        guard let type = types.first(where: { scalars.matches($0, at: cursor) }),
              let separator = scalars.scalar(at: cursor + type.count), separators.contains(separator),
              let firstIssuerEnd = issuerEnd(in: scalars, at: cursor + type.count + 1) else { return nil }
        var issuerParts = [normalisedType(scalars.string(cursor..<cursor + type.count)), scalars.string(cursor + type.count + 1..<firstIssuerEnd)]
        cursor = firstIssuerEnd
        while let separator = scalars.scalar(at: cursor), separators.contains(separator),
              let end = issuerEnd(in: scalars, at: cursor + 1) {
            issuerParts.append(scalars.string(cursor + 1..<end))
            cursor = end
        }
        parts.append(issuerParts.joined(separator: "-"))
        return Match(start: start, end: cursor, number: parts.joined(separator: "/"))
    }

    /// The end of "QH13" or "UBTVQH15" at `offset`: the legislature number is two digits.
    private static func legislatureEnd(in scalars: ScalarText, at offset: Int) -> Int? {
        for prefix in legislatures where scalars.matches(prefix, at: offset) {
            let digits = offset + prefix.count
            if scalars.isDigit(at: digits), scalars.isDigit(at: digits + 1) { return digits + 2 }
        }
        return nil
    }

    /// The end of an issuer at `offset`: a legislature, a known issuer, or a run of capitals.
    private static func issuerEnd(in scalars: ScalarText, at offset: Int) -> Int? {
        if let end = legislatureEnd(in: scalars, at: offset) { return end }
        if let issuer = issuers.first(where: { scalars.matches($0, at: offset) }) { return offset + issuer.count }
        var end = offset
        while let scalar = scalars.scalar(at: end), scalar.isUppercaseLetter {
            // A capital followed by a lowercase letter starts the next title ("…BTCQuy định").
            if scalars.scalar(at: end + 1)?.isLowercaseLetter == true { break }
            end += 1
        }
        return end > offset ? end : nil
    }

    /// "ND" and "QD" are ASCII spellings of "NĐ" and "QĐ".
    private static func normalisedType(_ type: String) -> String {
        switch type {
        case "ND": "NĐ"
        case "QD": "QĐ"
        default: type
        }
    }
}
