import ThuTucKnowledge

/// Reads the Word export's document rows (`thanh_phan_ho_so`): name, form files, counts.
///
/// The rows form one table without a heading, classified and grouped by
/// the portal export's rules (``DocumentGroupBuilder``). The form cell
/// (`so_luong`, "quantity" in the template, but it holds the form's file
/// names) lists one file per line; the count cell is read by
/// ``CopyCountParser``. A row that comes with a form is a document, since
/// the form is a document to fill in ("Trường hợp 1: Hồ sơ đề nghị …" with
/// "Mus03.docx").
public enum DocumentRowParser {
    /// The document groups of one record, by ``DocumentGroupBuilder``.
    public static func parse(_ rows: [WordExportRecord.DocumentRow]) -> (groups: [DocumentGroup], problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        var table: [DocumentGroupBuilder.Row] = []
        for row in rows {
            let name = PortalText.trimmingTrailingSeparators(PortalText.clean(row.name))
            let files = formFiles(row.forms, problems: &problems)
            var counts = (originals: 0, copies: 0)
            if let parsed = CopyCountParser.parse(row.counts) {
                counts = parsed
            } else if !PortalText.isEmptyValue(row.counts) {
                problems.append(ImportProblem(.copyCountUnreadable, PortalText.clean(row.counts)))
            }
            if ListMarker.stripped(name).isEmpty, files.isEmpty { continue }
            table.append(DocumentGroupBuilder.Row(text: name, files: files, originals: counts.originals, copies: counts.copies))
        }
        let built = DocumentGroupBuilder.groups([DocumentGroupBuilder.Table(heading: nil, rows: table)])
        return (built.groups, problems + built.problems)
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
