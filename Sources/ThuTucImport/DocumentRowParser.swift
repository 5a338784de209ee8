import ThuTucKnowledge

/// Reads the Word export's document rows (`thanh_phan_ho_so`): name, form files, counts.
///
/// The rows form one unnamed group. The form cell (`so_luong`, "quantity" in
/// the template, but it holds the form's file names) lists one file per line;
/// several are joined with "; " as for the portal export. The count cell is
/// read by ``CopyCountParser``.
///
/// Rows counted 0 and 0 follow the portal export's rule
/// (``DocumentListParser/namesDocument(_:)``): kept only when they name a
/// document. A row that comes with a form is kept too, since the form is a
/// document to fill in ("Trường hợp 1: Hồ sơ đề nghị …" with "Mus03.docx").
public enum DocumentRowParser {
    /// The document group of one record, or none when no row is kept.
    public static func parse(_ rows: [WordExportRecord.DocumentRow]) -> (groups: [DocumentGroup], problems: [ImportProblem]) {
        var items: [RequiredDocument] = []
        var problems: [ImportProblem] = []
        for row in rows {
            var name = PortalText.trimmingTrailingSeparators(PortalText.clean(row.name))
            let forms = formFiles(row.forms, problems: &problems)
            let form = forms.isEmpty ? nil : forms.joined(separator: "; ")
            var counts = (originals: 0, copies: 0)
            if let parsed = CopyCountParser.parse(row.counts) {
                counts = parsed
            } else if !PortalText.isEmptyValue(row.counts) {
                problems.append(ImportProblem(.copyCountUnreadable, PortalText.clean(row.counts)))
            }
            if ListMarker.stripped(name).isEmpty {
                guard let form else { continue }
                problems.append(ImportProblem(.documentNameMissing, form))
                name = form
            } else if counts == (0, 0), form == nil, !DocumentListParser.namesDocument(name) {
                problems.append(ImportProblem(.documentNoteDropped, name))
                continue
            }
            items.append(RequiredDocument(name: name, form: form, originals: counts.originals, copies: counts.copies))
        }
        return (items.isEmpty ? [] : [DocumentGroup(title: nil, items: items)], problems)
    }

    /// The file names of a form cell, one per line; a line without a form's extension is reported and left out.
    static func formFiles(_ cell: String, problems: inout [ImportProblem]) -> [String] {
        var files: [String] = []
        for rawLine in cell.split(whereSeparator: \.isNewline) {
            let line = PortalText.clean(rawLine)
            guard !line.isEmpty else { continue }
            let lowered = line.lowercased()
            if FormFileSplitter.extensions.contains(where: { lowered.hasSuffix("." + $0) }) {
                files.append(line)
            } else {
                problems.append(ImportProblem(.formNotAFileName, line))
            }
        }
        return files
    }
}
