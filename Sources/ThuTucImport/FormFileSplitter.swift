/// Separates a required document's name from the form file name glued to it.
///
/// The "Mẫu đơn, tờ khai" cell sits between the name and the count with no
/// separator: "…theo Nghị định số 33/2026/NĐ-CPMẫu số 26.docx". A form is
/// recognised by its extension at the end of the row; it starts at the first
/// point where two cells meet, which shows as text no Vietnamese sentence
/// produces: punctuation directly followed by a letter (".Mẫu", ";Phụ lục"),
/// a lowercase letter directly followed by a capital ("sảnMau"), a legal
/// number directly followed by more text ("…/TT-BNNMTthuyết minh.pdf"), or a
/// known form prefix glued to a word ("NĐ-CPMẫu"). The first such point wins
/// because file names themselves contain the same shapes ("MauBankhaichung",
/// "Mau so 03.TACN"); a candidate whose form part would contain ";" is skipped,
/// since that semicolon ends a sentence of the name. Several forms in one row
/// ("Mau05.docxMau07.docx") are all kept. A word glued to a digit
/// ("mẫu1.000312.docx") is a joint only when the row has no other, because
/// units look the same ("4x6cm", "10m3"). Failing all these, a document
/// word glued to a lowercase letter ("quy địnhvăn bản đề nghị.docx") is the
/// joint.
public enum FormFileSplitter {
    /// File extensions of forms, each before any it extends ("docx" before "doc").
    static let extensions = ["docx", "doc", "pdf", "xlsx", "xls"]
    /// How form file names begin, as typed on the portal.
    static let formPrefixes = ["Mẫu", "MẪU", "Mau", "MAU", "Mus", "Phụ lục", "Phụ Lục", "PHỤ LỤC", "Phu luc", "Phuluc", "Phlc", "mẫu", "mau"]
        .map(\.scalarArray)
    static let formPrefixInitials = Set(formPrefixes.compactMap(\.first))
    /// Scalars a joint can follow: the end of a cell.
    static let cellEnds: Set<Unicode.Scalar> = [".", ";", ":", ")", "”", "]", ","]

    /// The name without its forms, and the forms' file names in order.
    public static func split(_ text: String) -> (name: String, forms: [String]) {
        let scalars = ScalarText(text)
        guard let extensionStart = trailingExtensionStart(in: scalars, end: scalars.count) else { return (text, []) }
        // A form never contains ";": a joint before the last one would put a sentence end in the form.
        let lastSemicolon = scalars.scalars.lastIndex(of: ";") ?? -1
        let earliest = max(ListMarker.length(in: scalars) + 2, lastSemicolon + 1)
        guard earliest < extensionStart else { return (text, []) }
        let numberEnds = Set(LegalNumberScanner.numbers(in: scalars).map(\.end))
        var weak: Int?
        for offset in earliest..<extensionStart {
            guard let strength = joint(in: scalars, at: offset, afterNumber: numberEnds.contains(offset)) else { continue }
            if strength == .strong { return parts(of: scalars, at: offset) }
            if weak == nil { weak = offset }
        }
        if let weak { return parts(of: scalars, at: weak) }
        return gluedDocumentWord(in: scalars, from: earliest, to: extensionStart).map { parts(of: scalars, at: $0) } ?? (text, [])
    }

    /// The last place before the extension where a document word is glued
    /// to a lowercase letter ("theo quy địnhvăn bản đề nghị.docx",
    /// "chăn nuôibáo cáo.pdf"): a file named after its document, typed in
    /// lowercase so that no capital marks the joint.
    private static func gluedDocumentWord(in scalars: ScalarText, from start: Int, to end: Int) -> Int? {
        let lowered = ScalarText(scalars.string(0..<scalars.count).lowercased())
        guard lowered.count == scalars.count else { return nil }
        var found: Int?
        for offset in max(start, 1)..<end {
            guard let before = scalars.scalar(at: offset - 1), before.isLowercaseLetter,
                  DocumentListParser.documentWords.contains(where: { lowered.matches($0, at: offset) }) else { continue }
            found = offset
        }
        return found
    }

    /// How sure a joint is: a word glued to a number ("mẫu1.000312.docx") is
    /// used only when no other joint exists, since units do the same ("10m3").
    enum Strength { case strong, weak }

    private static func parts(of scalars: ScalarText, at joint: Int) -> (name: String, forms: [String]) {
        (scalars.string(0..<joint), files(in: ScalarText(scalars.string(joint..<scalars.count))))
    }

    /// Whether cells meet at `offset`, and how surely: the scalar before ends
    /// one, the scalar at `offset` starts another. `afterNumber` says a legal number ends there.
    static func joint(in scalars: ScalarText, at offset: Int, afterNumber: Bool = false) -> Strength? {
        guard let before = scalars.scalar(at: offset - 1), let current = scalars.scalar(at: offset),
              !before.properties.isWhitespace, !current.properties.isWhitespace else { return nil }
        let opensWord = current.isLetter || current.isASCIIDigit
        if afterNumber { return opensWord ? .strong : nil }
        let startsForm = formPrefixInitials.contains(current) && formPrefixes.contains { scalars.matches($0, at: offset) }
        if cellEnds.contains(before), opensWord {
            // "1,5", "1.5" and "05.QLT" are numbers and codes: after a digit, only
            // a point followed by a form prefix ("2020.Mẫu số 01.docx") opens a cell.
            if scalars.isDigit(at: offset - 2), before == "." || before == "," {
                return before == "." && startsForm ? .strong : nil
            }
            return .strong
        }
        if before.isLowercaseLetter, current.isUppercaseLetter { return .strong }
        // "(mẫu số 11…" is the name speaking of a form, not the form cell.
        if startsForm, before.isLetter || before.isASCIIDigit { return .strong }
        if before.isLowercaseLetter, current.isASCIIDigit, endsWord(in: scalars, at: offset) { return .weak }
        return nil
    }

    /// Whether a Vietnamese word ends at `offset`: two letters or more, one of
    /// them accented ("mẫu", "luật"), so neither the "m" of "10m3" nor the
    /// "Mau" of a file name "Mau01.doc" counts.
    private static func endsWord(in scalars: ScalarText, at offset: Int) -> Bool {
        var start = offset
        while let scalar = scalars.scalar(at: start - 1), scalar.isLetter { start -= 1 }
        let word = scalars.scalars[start..<offset]
        return word.count >= 2 && word.contains { !$0.isASCII } && !scalars.isDigit(at: start - 1)
    }

    /// Where ".docx" (or another extension) starts if the text before `end` ends with one.
    private static func trailingExtensionStart(in scalars: ScalarText, end: Int) -> Int? {
        for ext in extensions {
            let dotted = Array(("." + ext).unicodeScalars)
            let start = end - dotted.count
            guard start > 0 else { continue }
            let candidate = scalars.string(start..<end).lowercased()
            if candidate == "." + ext { return start }
        }
        return nil
    }

    /// The file names of a form cell, split after each extension that is directly followed by another name.
    private static func files(in scalars: ScalarText) -> [String] {
        var files: [String] = []
        var start = 0
        var offset = 1
        while offset < scalars.count {
            if scalars[offset] == ".", let length = extensionLength(in: scalars, at: offset + 1) {
                let end = offset + 1 + length
                if end < scalars.count, !scalars[end].properties.isWhitespace, !scalars[end].isLowercaseLetter {
                    files.append(scalars.string(start..<end))
                    start = end
                    offset = end
                    continue
                }
            }
            offset += 1
        }
        files.append(scalars.string(start..<scalars.count))
        return files.map { PortalText.clean($0) }.filter { !$0.isEmpty }
    }

    /// The length of an extension (case-insensitive) at `offset`, longest first.
    private static func extensionLength(in scalars: ScalarText, at offset: Int) -> Int? {
        for ext in extensions {
            let length = ext.unicodeScalars.count
            if scalars.string(offset..<offset + length).lowercased() == ext { return length }
        }
        return nil
    }
}
