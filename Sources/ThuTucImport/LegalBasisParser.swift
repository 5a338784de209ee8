import ThuTucKnowledge

/// Reads the flattened legal-basis table of `can_cu_phap_ly`.
///
/// After the header "Tên văn bản pháp lýMã văn bản" come (title)(number) pairs
/// run together:
/// "Luật 54/2014/QH1354/2014/QH13Thuế xuất khẩu, thuế nhập khẩu107/2016/QH13…",
/// "73/2025/TT-NHNNSố 73/2025/TT-NHNNLuật Các tổ chức tín dụngLuật số 32/2024/QH15".
///
/// A number inside a title is followed by a space or punctuation ("Nghị định
/// số 123/2015/NĐ-CP ngày …"), or directly by the number cell that repeats it;
/// the entry's own number is followed directly by the next title, by a
/// different number, or by the end, or is glued to the title before it
/// ("…ngoại thương05/2017/QH14 Luật Trồng trọt…").
/// The number cell may carry a prefix ("Số …", "Luật số …", "Nghị định số …");
/// the prefix belongs to the cell, and the reference keeps the bare number.
/// When the title cell is empty or only a type word ("Thông tư"), the number
/// cell's text stands as the title.
public enum LegalBasisParser {
    static let header = "Tên văn bản pháp lýMã văn bản".scalarArray
    /// Words a number cell may open with, longest first.
    static let typeWords = [
        "Thông tư liên tịch", "Văn bản hợp nhất", "Nghị quyết", "Nghị định", "Quyết định", "Thông tư",
        "Pháp lệnh", "Bộ luật", "Luật", "Luất", "Lệnh", "Chỉ thị",
    ]
    static let numberWords = ["Số", "số"].map(\.scalarArray)
    static let trailingPunctuation: Set<Unicode.Scalar> = [".", ";", ",", ":"]

    /// The references of one record, exact repeats removed.
    public static func parse(_ raw: String) -> (references: [LegalReference], problems: [ImportProblem]) {
        guard !PortalText.isEmptyValue(raw) else { return ([], []) }
        let text = PortalText.clean(raw)
        let whole = ScalarText(text)
        guard whole.matches(header, at: 0) else {
            return ([], [ImportProblem(.legalUnreadable, text)])
        }
        let scalars = ScalarText(whole.string(header.count..<whole.count))
        let numbers = LegalNumberScanner.numbers(in: scalars)
        var references: [LegalReference] = []
        var problems: [ImportProblem] = []
        var position = 0
        for (index, match) in numbers.enumerated() {
            guard let entryEnd = entryEnd(of: match, next: index + 1 < numbers.count ? numbers[index + 1] : nil, in: scalars) else {
                continue
            }
            let cellStart = numberCellStart(before: match.start, after: position, in: scalars)
            let title = titleText(scalars.string(position..<cellStart))
            let cell = scalars.string(cellStart..<match.end)
            let reference = LegalReference(title: entryTitle(title, cell: cell, number: match.number), number: match.number)
            if !references.contains(reference) { references.append(reference) }
            position = entryEnd
        }
        let rest = titleText(scalars.string(position..<scalars.count))
        if !rest.isEmpty {
            problems.append(ImportProblem(.legalWithoutNumber, rest))
            let reference = LegalReference(title: rest, number: nil)
            if !references.contains(reference) { references.append(reference) }
        }
        return (references, problems)
    }

    /// Where the entry ends if `match` is an entry's own number, or nil for a number inside a title.
    private static func entryEnd(of match: LegalNumberScanner.Match, next: LegalNumberScanner.Match?, in scalars: ScalarText) -> Int? {
        guard let following = scalars.scalar(at: match.end) else { return match.end }
        if following.isASCIIDigit {
            // "Luật 54/2014/QH1354/2014/QH13": the title's number, then the cell repeating it.
            // Two different numbers glued together are two entries, the second without a title.
            guard let next, next.start == match.end, next.number != match.number else { return nil }
            return match.end
        }
        if following.isLetter {
            // "73/2025/TT-NHNNSố 73/2025/TT-NHNN": the title's number, then its cell.
            if let next, next.number == match.number, isCellPrefix(scalars.string(match.end..<next.start)) { return nil }
            return match.end
        }
        // A number glued to the text before it ("…ngoại thương05/2017/QH14 Luật…") is a
        // number cell even when a space follows; a title's own number follows a space or "số".
        if let before = scalars.scalar(at: match.start - 1), !before.properties.isWhitespace, !before.isASCIIDigit {
            return match.end
        }
        // "…/NĐ-CP." at the end of a cell: tolerate trailing punctuation before the next title.
        var end = match.end
        while let scalar = scalars.scalar(at: end), trailingPunctuation.contains(scalar) { end += 1 }
        guard end > match.end else { return nil }
        guard let after = scalars.scalar(at: end) else { return end }
        return after.isLetter ? end : nil
    }

    /// Where the number cell starts: at the number, or at a prefix such as "Luật số " glued to the title.
    private static func numberCellStart(before numberStart: Int, after position: Int, in scalars: ScalarText) -> Int {
        var start = numberStart
        while start > position, scalars.isWhitespace(at: start - 1) { start -= 1 }
        var sawNumberWord = false
        if let word = numberWords.first(where: { start - $0.count >= position && scalars.matches($0, at: start - $0.count) }) {
            start -= word.count
            sawNumberWord = true
            while start > position, scalars.isWhitespace(at: start - 1) { start -= 1 }
        }
        var sawTypeWord = false
        if let word = typeWords.map(\.scalarArray).first(where: { start - $0.count >= position && scalars.matches($0, at: start - $0.count) }) {
            start -= word.count
            sawTypeWord = true
        }
        guard sawNumberWord || sawTypeWord else { return numberStart }
        let glued = start == position || !scalars.isWhitespace(at: start - 1)
        let spaced = scalars.isWhitespace(at: numberStart - 1)
        if sawNumberWord || (glued && spaced) { return start }
        return numberStart
    }

    /// Whether `text` is only a number-cell prefix ("Số ", "Luật số ", "").
    private static func isCellPrefix(_ text: String) -> Bool {
        var rest = PortalText.clean(text)
        if let word = typeWords.first(where: { rest.hasPrefix($0) }) { rest = PortalText.clean(rest.dropFirst(word.count)) }
        if rest.hasPrefix("Số") || rest.hasPrefix("số") { rest = PortalText.clean(rest.dropFirst(2)) }
        return rest.isEmpty
    }

    /// A title cell without the separators the flattening left around it.
    private static func titleText(_ text: String) -> String {
        var scalars = Array(PortalText.clean(text).unicodeScalars)
        while let first = scalars.first, trailingPunctuation.contains(first) || first == "-" || first.properties.isWhitespace {
            scalars.removeFirst()
        }
        while let last = scalars.last, last == ";" || last == "," || last == ":" || last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The title to keep: the number cell stands in for an empty or type-only title.
    private static func entryTitle(_ title: String, cell: String, number: String) -> String {
        let cellText = PortalText.clean(cell)
        if title.isEmpty { return cellText }
        if typeWords.contains(title) {
            return cellText.hasPrefix(title) ? cellText : title + " " + number
        }
        return title
    }
}
