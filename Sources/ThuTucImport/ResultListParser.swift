import ThuTucKnowledge

/// Reads `ket_qua_xu_ly`: result documents with their codes, then portal UI.
///
/// Shape: "<name>Mã: KQ.G15.000031<name>Mã: G19-KQ0060102…Từ khóa…Mô tả…Chọn cơ
/// quan thực hiện … Nộp hồ sơ". Everything from "Từ khóa" on is the page's
/// search and submit widgets and is dropped.
///
/// A code is glued to the next name, so it is read as a run of ASCII letters,
/// digits, ".", "_" and "-" and cut after its last digit ("KQ.G10.001245Giấy"
/// → "KQ.G10.001245"); a code without digits ("VBTT") ends before the next
/// capitalised word. Placeholder codes typed into the portal ("vgvj",
/// "rjwegefu") and "Chưa xác định" leave the result without a code.
public enum ResultListParser {
    static let codeMarker = "Mã:".scalarArray
    /// Where the portal's widgets begin, in the order they are looked for: the
    /// first one found ends the results ("Từ khóa" opens them on every page
    /// that has them; the others are fallbacks for pages that lack it).
    static let widgetMarkers = ["Từ khóa", "Chọn cơ quan thực hiện", "-- Chọn"].map(\.scalarArray)

    /// The results of one record, exact repeats removed.
    public static func parse(_ raw: String) -> (results: [ResultDocument], problems: [ImportProblem]) {
        let whole = ScalarText(raw)
        let end = widgetMarkers.lazy.compactMap { whole.firstOffset(of: $0) }.first ?? whole.count
        let scalars = ScalarText(whole.string(0..<end))
        guard !PortalText.isEmptyValue(scalars.string(0..<scalars.count)) else { return ([], []) }
        let markers = scalars.offsets(of: codeMarker)
        guard !markers.isEmpty else {
            return ([], [ImportProblem(.resultsUnreadable, PortalText.clean(scalars.string(0..<scalars.count)))])
        }
        var results: [ResultDocument] = []
        var problems: [ImportProblem] = []
        var nameStart = 0
        for (index, marker) in markers.enumerated() {
            let name = PortalText.clean(scalars.string(nameStart..<marker))
            var cellStart = marker + codeMarker.count
            while scalars.isWhitespace(at: cellStart) { cellStart += 1 }
            let nextMarker = index + 1 < markers.count ? markers[index + 1] : scalars.count
            let code = codeEnd(in: scalars, at: cellStart, limit: nextMarker).map { scalars.string(cellStart..<$0) }
            var validCode: String?
            if let code, isCode(code) {
                validCode = code
            } else if let code {
                problems.append(ImportProblem(.resultCodeInvalid, code))
            } else {
                problems.append(ImportProblem(.resultCodeMissing, PortalText.clean(scalars.string(cellStart..<nextMarker))))
            }
            if !name.isEmpty {
                let result = ResultDocument(name: name, code: validCode)
                if !results.contains(result) { results.append(result) }
            }
            nameStart = code.map { cellStart + $0.unicodeScalars.count } ?? nextName(in: scalars, after: cellStart, limit: nextMarker)
        }
        let trailing = PortalText.clean(scalars.string(nameStart..<scalars.count))
        if !trailing.isEmpty {
            problems.append(ImportProblem(.resultCodeMissing, trailing))
            let result = ResultDocument(name: trailing, code: nil)
            if !results.contains(result) { results.append(result) }
        }
        return (results, problems)
    }

    /// The end of the code cell's ASCII run at `offset`, or nil when the cell holds no code.
    private static func codeEnd(in scalars: ScalarText, at offset: Int, limit: Int) -> Int? {
        var end = offset
        var lastDigitEnd: Int?
        while end < limit, let scalar = scalars.scalar(at: end), isCodeScalar(scalar) {
            if scalar.isUppercaseLetter, end > offset, scalars.scalar(at: end + 1)?.isLowercaseLetter == true, lastDigitEnd == nil {
                break
            }
            end += 1
            if scalar.isASCIIDigit { lastDigitEnd = end }
        }
        // A letter run straight into Vietnamese text ("Chưa…", "Cơ quan…") is the start of a word, not a code.
        if lastDigitEnd == nil, let next = scalars.scalar(at: end), end < limit, next.isLetter, !next.isASCII { return nil }
        let codeEnd = lastDigitEnd ?? end
        return codeEnd > offset ? codeEnd : nil
    }

    /// Where the next name begins when a code cell held words instead of a code:
    /// at the first capital glued to a lowercase letter ("Chưa xác địnhGiấy…"),
    /// or at the next marker, dropping the cell.
    private static func nextName(in scalars: ScalarText, after offset: Int, limit: Int) -> Int {
        var cursor = offset + 1
        while cursor < limit {
            if scalars[cursor].isUppercaseLetter, scalars[cursor - 1].isLowercaseLetter { return cursor }
            cursor += 1
        }
        return limit
    }

    /// Letters, digits and the punctuation codes use.
    private static func isCodeScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || scalar.isASCIIDigit || scalar == "." || scalar == "-" || scalar == "_")
    }

    /// A real code has a digit ("KQ.G15.000031") or is an acronym ("VBTT");
    /// lowercase letters without capitals ("vgvj", "hgvg6") and "Test…" are placeholders.
    static func isCode(_ code: String) -> Bool {
        let scalars = code.unicodeScalars
        if code.lowercased().hasPrefix("test") { return false }
        if scalars.contains(where: \.isLowercaseLetter), !scalars.contains(where: \.isUppercaseLetter) { return false }
        if scalars.contains(where: \.isASCIIDigit) { return true }
        return scalars.count >= 2 && scalars.allSatisfy(\.isUppercaseLetter)
    }
}
