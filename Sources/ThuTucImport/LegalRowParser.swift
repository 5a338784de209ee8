import ThuTucKnowledge

/// Reads the Word export's legal rows (`can_cu_phap_ly`): number, abstract, date, issuer.
///
/// - `number`: the number cell read by ``LegalNumberScanner/number(inCell:)``.
///   A cell cut short ("104", "34/2023") is completed from the abstract when
///   the abstract holds a number that starts with it ("Nghị định số
///   104/2022/NĐ-CP …"); otherwise the reference has no number.
/// - `title`: the abstract (trích yếu) as given; when it is empty or only a
///   type word, the number cell stands in, as for the portal export.
/// - `date`: "19-02-2016" becomes "2016-02-19".
/// - `issuer`: the issuing body as given; the cell is often absent.
public enum LegalRowParser {
    /// The references of one record, in source order, exact repeats removed.
    public static func parse(_ rows: [WordExportRecord.LegalRow]) -> (references: [LegalReference], problems: [ImportProblem]) {
        var references: [LegalReference] = []
        var problems: [ImportProblem] = []
        for row in rows {
            let cell = PortalText.clean(row.number)
            let abstract = PortalText.trimmingTrailingSeparators(PortalText.clean(row.title))
            let title = abstract.isEmpty || LegalBasisParser.typeWords.contains(abstract) ? cell : abstract
            guard !title.isEmpty else { continue }
            var number = LegalNumberScanner.number(inCell: cell)
            if number == nil, let completed = completion(of: cell, in: abstract) {
                number = completed
                problems.append(ImportProblem(.legalNumberCompletedFromTitle, cell + " → " + completed))
            }
            if number == nil { problems.append(ImportProblem(.legalWithoutNumber, title)) }
            var date: String?
            if let text = PortalText.value(row.date) {
                date = isoDate(text)
                if date == nil { problems.append(ImportProblem(.legalDateUnreadable, text)) }
            }
            let reference = LegalReference(title: title, number: number, date: date, issuer: PortalText.value(row.issuer))
            if !references.contains(reference) { references.append(reference) }
        }
        return (references, problems)
    }

    /// The number of `abstract` that the short cell begins ("104" → "104/2022/NĐ-CP").
    private static func completion(of cell: String, in abstract: String) -> String? {
        guard let first = cell.unicodeScalars.first, first.isASCIIDigit else { return nil }
        return LegalNumberScanner.numbers(in: abstract).map(\.number).first { $0.hasPrefix(cell + "/") }
    }

    /// "2016-02-19" for "19-02-2016" or "19/02/2016"; nil for anything else.
    static func isoDate(_ text: String) -> String? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              parts.allSatisfy({ $0.unicodeScalars.allSatisfy(\.isASCIIDigit) }),
              let day = Int(parts[0]), let month = Int(parts[1]), (1...31).contains(day), (1...12).contains(month) else { return nil }
        func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts[2])-\(padded(month))-\(padded(day))"
    }
}
