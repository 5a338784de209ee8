import Foundation

/// Text hygiene shared by every field of a portal record.
///
/// The portal marks missing values with "Không có thông tin" (or leaves them
/// empty), sprinkles non-breaking spaces, direction marks and Word bullet
/// glyphs (private-use scalars) through its text, and mixes composed and
/// decomposed Vietnamese diacritics. Knowledge/ keeps none of that.
public enum PortalText {
    /// The portal's marker for an empty value.
    public static let notAvailable = "Không có thông tin"

    /// The text in Unicode NFC, so that "Hộ tịch" typed two ways compares equal.
    public static func normalized(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// The text without format and private-use scalars, with whitespace runs
    /// (including NBSP and newlines) collapsed to one space and trimmed.
    ///
    /// This is `collapsingWhitespace()` with the removals folded into the same
    /// pass; it runs on every cell and every row, so Latin and Vietnamese
    /// letters skip the Unicode property tables.
    public static func clean(_ text: some StringProtocol) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .dropped:
                continue
            case .space:
                pendingSpace = !result.isEmpty
            case .kept:
                if pendingSpace {
                    result.append(" ")
                    pendingSpace = false
                }
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether the text means "no value" once cleaned.
    public static func isEmptyValue(_ text: some StringProtocol) -> Bool {
        // Long cells are never the marker; avoid cleaning whole paragraphs to find out.
        var visible = 0
        for scalar in text.unicodeScalars where kind(of: scalar) == .kept {
            visible += 1
            if visible > notAvailableVisibleCount { return false }
        }
        let cleaned = clean(text)
        return cleaned.isEmpty || cleaned == notAvailable
    }

    private enum ScalarKind { case kept, space, dropped }

    private static let notAvailableVisibleCount = notAvailable.unicodeScalars.filter { $0 != " " }.count

    private static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        let value = scalar.value
        if value < 0x80 {
            return value == 0x20 || (value >= 0x09 && value <= 0x0D) ? .space : .kept
        }
        // Latin-1 to Cyrillic and the Latin Extended Additional block (Vietnamese) hold
        // only these three special scalars: NEL and NBSP (spaces), soft hyphen (format).
        if value < 0x0600 || (value >= 0x1E00 && value <= 0x1EFF) {
            switch value {
            case 0x85, 0xA0: return .space
            case 0xAD: return .dropped
            default: return .kept
            }
        }
        if scalar.properties.isWhitespace { return .space }
        switch scalar.properties.generalCategory {
        case .format, .privateUse: return .dropped
        default: return .kept
        }
    }

    /// The cleaned text, or nil when it means "no value".
    public static func value(_ text: some StringProtocol) -> String? {
        let cleaned = clean(text)
        return cleaned.isEmpty || cleaned == notAvailable ? nil : cleaned
    }

    /// The text without trailing separators (";", "," and whitespace) left by a split list.
    static func trimmingTrailingSeparators(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last == ";" || last == "," || last.properties.isWhitespace {
            scalars.removeLast()
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
