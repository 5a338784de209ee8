/// Hides personal data citizens type into questions before a question
/// reaches a log: ID-card numbers (9 or 12 digits), phone numbers (10–11
/// digits, "+84 912 345 678", "0912.345.678", "(028) 3829 1234") and e-mail
/// addresses.
///
/// Any run of 8 or more digits counts, with up to three of " .-()" between
/// digit groups and an optional leading "+", wherever it stands (also glued
/// to letters, as in "cccd079201001234"). That also hides long amounts and
/// date ranges ("2020-2024"): in a log, masking too much costs little and
/// masking too little leaks a citizen's number.
public enum LogMasker {
    /// Digits from which a run is treated as personal.
    static let minimumDigits = 8
    /// Separators allowed between two digit groups of one number.
    static let maximumGap = 3
    static let replacement: [UInt8] = Array("***".utf8)

    /// `text` with each such number or address replaced by "***".
    public static func mask(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let ranges = merged(emailRanges(bytes) + numberRanges(bytes))
        guard !ranges.isEmpty else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var position = 0
        for range in ranges {
            output += bytes[position..<range.lowerBound]
            output += replacement
            position = range.upperBound
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")")
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func isLocalPart(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "%")
            || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    private static func isDomainPart(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Runs of at least ``minimumDigits`` digits joined by short separator gaps.
    static func numberRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]) else {
                index += 1
                continue
            }
            var start = index
            if start > 0, bytes[start - 1] == UInt8(ascii: "+") { start -= 1 }
            var digits = 0
            var end = index
            var cursor = index
            while cursor < bytes.count {
                if isDigit(bytes[cursor]) {
                    digits += 1
                    cursor += 1
                    end = cursor
                    continue
                }
                var gapEnd = cursor
                while gapEnd < bytes.count, gapEnd - cursor < maximumGap, isSeparator(bytes[gapEnd]) { gapEnd += 1 }
                guard gapEnd > cursor, gapEnd < bytes.count, isDigit(bytes[gapEnd]) else { break }
                cursor = gapEnd
            }
            if digits >= minimumDigits { ranges.append(start..<end) }
            index = end
        }
        return ranges
    }

    /// local@domain.tld, the domain holding a dot with something after it.
    static func emailRanges(_ bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for at in bytes.indices where bytes[at] == UInt8(ascii: "@") {
            var start = at
            while start > 0, isLocalPart(bytes[start - 1]) { start -= 1 }
            var end = at + 1
            while end < bytes.count, isDomainPart(bytes[end]) { end += 1 }
            // A sentence's full stop or a dash after the address is not part of it.
            while end > at + 1, bytes[end - 1] == UInt8(ascii: ".") || bytes[end - 1] == UInt8(ascii: "-") { end -= 1 }
            let domain = bytes[(at + 1)..<end]
            guard start < at, let dot = domain.lastIndex(of: UInt8(ascii: ".")), dot > at + 1, dot < end - 1 else { continue }
            ranges.append(start..<end)
        }
        return ranges
    }

    /// Sorted ranges with overlaps joined, so each byte is masked once.
    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }
}
