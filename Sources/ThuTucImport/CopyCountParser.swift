/// Reads the Word export's count cell of a document row: "Bản chính: 1\nBản sao: 0".
///
/// Either line may be missing (it then counts 0); the numbers are digits
/// ("01" is one). Anything else is not a count cell.
public enum CopyCountParser {
    static let originalsLabel = "Bản chính"
    static let copiesLabel = "Bản sao"

    /// The numbers of originals and copies, or nil when the cell is not a count cell.
    public static func parse(_ cell: String) -> (originals: Int, copies: Int)? {
        var originals: Int?
        var copies: Int?
        for rawLine in cell.split(whereSeparator: \.isNewline) {
            let line = PortalText.clean(rawLine)
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let label = PortalText.clean(line[..<colon]).lowercased()
            let digits = PortalText.clean(line[line.index(after: colon)...])
            guard !digits.isEmpty, digits.count <= 3, digits.unicodeScalars.allSatisfy(\.isASCIIDigit),
                  let number = Int(digits) else { return nil }
            if label == originalsLabel.lowercased(), originals == nil {
                originals = number
            } else if label == copiesLabel.lowercased(), copies == nil {
                copies = number
            } else {
                return nil
            }
        }
        guard originals != nil || copies != nil else { return nil }
        return (originals ?? 0, copies ?? 0)
    }
}
