/// The list markers that open a portal list item: bullets ("-", "+", "*",
/// "•") and enumerators ("a)", "1.", "(i)", "1.2.", "đ)", "II.").
///
/// Parsers look past them to see what an item is about; the kept text keeps
/// them, since they carry the source's nesting ("- … gồm:", "+ …").
enum ListMarker {
    static let bullets: Set<Unicode.Scalar> = ["-", "–", "+", "*", "•", "·", "○", "✓"]
    /// An enumerator's body ("1.2.", "iii") is at most this long.
    static let longestEnumerator = 6

    /// How many scalars at the start of `scalars` are markers and spaces.
    static func length(in scalars: ScalarText) -> Int {
        var offset = 0
        while offset < scalars.count {
            let scalar = scalars[offset]
            if scalar.properties.isWhitespace || bullets.contains(scalar) {
                offset += 1
            } else if let end = enumeratorEnd(in: scalars, at: offset) {
                offset = end
            } else {
                break
            }
        }
        return offset
    }

    /// The text without its leading markers.
    static func stripped(_ text: String) -> String {
        let scalars = ScalarText(text)
        return scalars.string(length(in: scalars)..<scalars.count)
    }

    /// The end of "a)", "(1)", "1.", "1.2." or "II." at `offset`.
    private static func enumeratorEnd(in scalars: ScalarText, at offset: Int) -> Int? {
        var cursor = offset
        let opened = scalars.scalar(at: cursor) == "("
        if opened { cursor += 1 }
        let bodyStart = cursor
        while cursor - bodyStart < longestEnumerator, let scalar = scalars.scalar(at: cursor),
              scalar.isASCIIDigit || scalar == "." || isEnumeratorLetter(scalar) {
            cursor += 1
        }
        let body = Array(scalars.scalars[bodyStart..<cursor])
        guard isEnumeratorBody(body) else { return nil }
        if scalars.scalar(at: cursor) == ")" { return cursor + 1 }
        if !opened, body.last == "." { return cursor }
        return nil
    }

    /// Digits and dots, one letter, or a roman numeral: "Giấy" or "Bản" never qualify.
    private static func isEnumeratorBody(_ body: [Unicode.Scalar]) -> Bool {
        let core = body.filter { $0 != "." }
        guard !core.isEmpty else { return false }
        if core.allSatisfy(\.isASCIIDigit) { return true }
        if core.count == 1 { return true }
        return core.allSatisfy { "IVXivx".unicodeScalars.contains($0) }
    }

    private static func isEnumeratorLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x61 && scalar.value <= 0x7A) || scalar == "đ" || "IVX".unicodeScalars.contains(scalar)
    }
}
