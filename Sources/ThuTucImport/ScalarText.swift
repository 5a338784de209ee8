/// A string held as an array of Unicode scalars so that parsers can look ahead
/// and back by integer offsets.
///
/// The portal's tables arrive with their cells run together, so every parser
/// here works by trying a pattern at each offset; `String.Index` arithmetic
/// would make that both slow and hard to read. Patterns are compared scalar by
/// scalar, which is exact because records are NFC-normalised before parsing.
struct ScalarText: Sendable {
    let scalars: [Unicode.Scalar]

    init(_ string: String) {
        scalars = Array(string.unicodeScalars)
    }

    var count: Int { scalars.count }

    subscript(offset: Int) -> Unicode.Scalar { scalars[offset] }

    /// The scalar at `offset`, or nil past either end.
    func scalar(at offset: Int) -> Unicode.Scalar? {
        offset >= 0 && offset < scalars.count ? scalars[offset] : nil
    }

    /// Whether `pattern` occurs at `offset`.
    func matches(_ pattern: [Unicode.Scalar], at offset: Int) -> Bool {
        guard offset >= 0, offset + pattern.count <= scalars.count else { return false }
        var index = 0
        while index < pattern.count {
            if scalars[offset + index] != pattern[index] { return false }
            index += 1
        }
        return true
    }

    /// The offset of the first occurrence of `pattern` at or after `start`.
    func firstOffset(of pattern: [Unicode.Scalar], from start: Int = 0) -> Int? {
        guard let first = pattern.first, pattern.count <= scalars.count else { return nil }
        var offset = max(start, 0)
        while offset + pattern.count <= scalars.count {
            if scalars[offset] == first, matches(pattern, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    /// Every offset where `pattern` starts, left to right, without overlaps.
    func offsets(of pattern: [Unicode.Scalar]) -> [Int] {
        var result: [Int] = []
        var start = 0
        while let found = firstOffset(of: pattern, from: start) {
            result.append(found)
            start = found + pattern.count
        }
        return result
    }

    func isDigit(at offset: Int) -> Bool {
        scalar(at: offset).map(\.isASCIIDigit) ?? false
    }

    func isWhitespace(at offset: Int) -> Bool {
        scalar(at: offset)?.properties.isWhitespace ?? false
    }

    /// The end of the run of ASCII digits that starts at `offset` (== `offset` when there is none).
    func digitRunEnd(from offset: Int) -> Int {
        var end = offset
        while isDigit(at: end) { end += 1 }
        return end
    }

    /// The text of `range` (clamped to the text) as a String.
    func string(_ range: Range<Int>) -> String {
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[lower..<upper])
        return String(result)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }

    var isUppercaseLetter: Bool { properties.isUppercase }

    var isLowercaseLetter: Bool { properties.isLowercase }

    var isLetter: Bool { properties.isAlphabetic }

    /// The digit's value, for ASCII digits.
    var digitValue: Int? { isASCIIDigit ? Int(value - 0x30) : nil }
}

extension String {
    /// The string's scalars, for building scan patterns.
    var scalarArray: [Unicode.Scalar] { Array(unicodeScalars) }
}
