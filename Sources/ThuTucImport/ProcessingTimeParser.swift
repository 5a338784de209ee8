import ThuTucKnowledge

/// Reads one "Thời gian" cell of the channel table ("3 Ngày làm việc", "8 Giờ", "1").
///
/// The portal writes a number, optionally followed by a unit; a bare number
/// ("1") is kept with no unit rather than guessing one. Anything else
/// ("Không quy định") is kept as text with no value.
public enum ProcessingTimeParser {
    /// Unit labels as the portal writes them, longest first so that
    /// "Ngày làm việc" wins over "Ngày".
    static let units: [(label: [Unicode.Scalar], unit: ProcessingTime.Unit)] = [
        ("Ngày làm việc".scalarArray, .workingDays),
        ("Ngày".scalarArray, .days),
        ("Giờ".scalarArray, .hours),
        ("Tháng".scalarArray, .months),
    ]

    /// The time a cell states; `cell` is the cell text without surrounding cells.
    public static func parse(_ cell: String) -> ProcessingTime {
        let text = PortalText.clean(cell)
        let scalars = ScalarText(text)
        guard let (value, numberEnd) = number(in: scalars, at: 0) else {
            return ProcessingTime(text: text, value: nil, unit: nil)
        }
        if numberEnd == scalars.count {
            return ProcessingTime(text: text, value: value, unit: nil)
        }
        guard scalars[numberEnd] == " " else { return ProcessingTime(text: text, value: nil, unit: nil) }
        for (label, unit) in units where scalars.matches(label, at: numberEnd + 1) && numberEnd + 1 + label.count == scalars.count {
            return ProcessingTime(text: text, value: value, unit: unit)
        }
        return ProcessingTime(text: text, value: nil, unit: nil)
    }

    /// The length of the unit label (with its leading space) at `offset`, if one starts there.
    static func unitLength(in scalars: ScalarText, at offset: Int) -> Int? {
        guard scalars.scalar(at: offset) == " " else { return nil }
        for (label, _) in units where scalars.matches(label, at: offset + 1) {
            return label.count + 1
        }
        return nil
    }

    /// A decimal number ("3", "1.5", "1,5") at `offset`, and where it ends.
    static func number(in scalars: ScalarText, at offset: Int) -> (Double, Int)? {
        let integerEnd = scalars.digitRunEnd(from: offset)
        guard integerEnd > offset else { return nil }
        var end = integerEnd
        if let separator = scalars.scalar(at: integerEnd), separator == "." || separator == ",",
           scalars.isDigit(at: integerEnd + 1) {
            end = scalars.digitRunEnd(from: integerEnd + 1)
        }
        let literal = scalars.string(offset..<end).replacingComma()
        guard let value = Double(literal) else { return nil }
        return (value, end)
    }
}

extension String {
    /// The text with a decimal comma turned into a point, for `Double(_:)`.
    fileprivate func replacingComma() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "," ? "." : $0 }))
    }
}
