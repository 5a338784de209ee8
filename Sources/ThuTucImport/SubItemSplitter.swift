/// Splits a document row into the document and the sub-items the source
/// runs into it: "Một trong những giấy tờ … bao gồm:  + Giấy chứng nhận …
/// + Giấy chứng nhận …" is the document "Một trong những giấy tờ … bao
/// gồm:" with two details.
///
/// A sub-item starts with a bullet ("+", "-", "–", "•") or an enumerator
/// ("a)", "(1)", "(iv)") after the end of a clause (":", ";", ".") and a
/// space, and only once the row has introduced a list with ":": so the
/// dash of "kinh tế - kỹ thuật" or a "(1)" inside a sentence splits nothing.
enum SubItemSplitter {
    static let bullets: Set<Unicode.Scalar> = ["+", "-", "–", "•"]
    static let clauseEnds: Set<Unicode.Scalar> = [":", ";", "."]

    static func split(_ text: String) -> (name: String, details: [String]) {
        let scalars = ScalarText(text)
        guard let colon = scalars.scalars.firstIndex(of: ":") else { return (text, []) }
        var starts: [Int] = []
        var offset = colon + 1
        while offset < scalars.count {
            if let length = markerLength(in: scalars, at: offset), followsClauseEnd(scalars, at: offset) {
                starts.append(offset)
                offset += length
            } else {
                offset += 1
            }
        }
        guard !starts.isEmpty else { return (text, []) }
        let name = PortalText.clean(scalars.string(0..<starts[0]))
        var details: [String] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] : scalars.count
            let detail = DocumentGroupBuilder.withoutLeadIn(PortalText.clean(ListMarker.stripped(scalars.string(start..<end))))
            if !detail.isEmpty, !details.contains(detail) { details.append(detail) }
        }
        return details.isEmpty ? (text, []) : (name, details)
    }

    /// The length of a bullet or enumerator and its space at `offset`.
    private static func markerLength(in scalars: ScalarText, at offset: Int) -> Int? {
        guard let scalar = scalars.scalar(at: offset) else { return nil }
        if bullets.contains(scalar) {
            var end = offset + 1
            while scalars.scalar(at: end) == scalar { end += 1 }
            return scalars.isWhitespace(at: end) ? end - offset + 1 : nil
        }
        let marker = ScalarText(scalars.string(offset..<min(offset + 8, scalars.count)))
        let length = ListMarker.length(in: marker)
        guard length > 1, length < marker.count || offset + length == scalars.count else { return nil }
        // An enumerator, not a bullet: it holds ")" ("a)", "(iv)").
        return marker.scalars[0..<length].contains(")") ? length : nil
    }

    /// Whether only spaces, or nothing, stand between `offset` and the end
    /// of a clause before it ("…; + Giấy", "…nợ;- Toàn bộ").
    private static func followsClauseEnd(_ scalars: ScalarText, at offset: Int) -> Bool {
        var cursor = offset - 1
        while scalars.isWhitespace(at: cursor) { cursor -= 1 }
        guard let before = scalars.scalar(at: cursor) else { return false }
        return clauseEnds.contains(before)
    }
}
