import ThuTucKnowledge

/// Reads the flattened document table of `thanh_phan_ho_so`.
///
/// Shape: an optional group heading ("* Giấy tờ phải nộp:", "--", or a
/// sentence such as "Ngoài hồ sơ … nộp thêm"), the header
/// "Tên giấy tờMẫu đơn, tờ khaiSố lượng", then rows run together, each ending
/// with its count ("1 bản chính", "0 bản chính,1 bản sao", "1 bản sao"), an
/// optional form file name just before the count. Text between the last count
/// of a group and the next header is the next group's heading.
///
/// Counts are recognised only in their cell form: a single digit glued to the
/// row ("…năm 20240 bản chính" is "năm 2024" + "0 bản chính"), never the
/// zero-padded counts of prose ("nộp 01 bản chính Danh mục…").
///
/// Rows counted "0 bản chính" with no copies are mostly notes ("Trường hợp…",
/// "Lưu ý…", lead-ins ending in ":"). Such a row is a document, with 0
/// originals and 0 copies, only when it names one: after its list marker it
/// starts with a document word ("Giấy", "Tờ khai", "Bản sao", …), it does not
/// end with ":" and it does not say what "phải" (must) happen. Which rows are
/// headings and notes, and what becomes of them, is ``DocumentGroupBuilder``'s
/// to say.
public enum DocumentListParser {
    static let header = "Tên giấy tờMẫu đơn, tờ khaiSố lượng".scalarArray
    static let originalsLabel = " bản chính".scalarArray
    static let copiesLabel = " bản sao".scalarArray
    /// Words that open the name of a document, lowercased; matched as whole words.
    static let documentWords = [
        "giấy", "văn bản", "bản", "đơn", "tờ khai", "tờ trình", "tờ", "hợp đồng", "báo cáo", "báo giá",
        "quyết định", "danh sách", "danh mục", "hồ sơ", "phiếu", "chứng từ", "chứng thư", "chứng chỉ",
        "sổ", "thẻ", "hộ chiếu", "biên bản", "ảnh", "hóa đơn", "hoá đơn", "bảng", "tài liệu", "công văn",
        "thông báo", "kế hoạch", "phương án", "đề án", "dự án", "dự thảo", "căn cước", "lý lịch", "sơ yếu",
        "vận đơn", "mẫu", "phụ lục", "văn bằng", "bằng", "cam kết", "trích lục", "đề nghị", "chương trình",
        "quy trình", "thuyết minh", "sơ đồ", "bản đồ", "bản vẽ", "chứng nhận", "thư",
    ].map(\.scalarArray)
    static let notes = [" phải "].map(\.scalarArray)

    /// A count cell and where it sits.
    struct Count {
        var start: Int
        var end: Int
        var originals: Int
        var copies: Int
    }

    /// The document groups of one record, by ``DocumentGroupBuilder``.
    public static func parse(_ text: String) -> (groups: [DocumentGroup], problems: [ImportProblem]) {
        guard !isEmptyCell(text) else { return ([], []) }
        let scalars = ScalarText(text)
        let headers = scalars.offsets(of: header)
        guard let firstHeader = headers.first else {
            return ([], [ImportProblem(.documentsUnreadable, PortalText.clean(text))])
        }
        var problems: [ImportProblem] = []
        var tables: [DocumentGroupBuilder.Table] = []
        var heading = scalars.string(0..<firstHeader)
        for (index, headerStart) in headers.enumerated() {
            let start = headerStart + header.count
            let end = index + 1 < headers.count ? headers[index + 1] : scalars.count
            var rows: [DocumentGroupBuilder.Row] = []
            var rowStart = start
            for count in counts(in: scalars, from: start, to: end) {
                if let row = row(scalars.string(rowStart..<count.start), originals: count.originals, copies: count.copies) {
                    rows.append(row)
                }
                rowStart = count.end
            }
            let tail = scalars.string(rowStart..<end)
            if index + 1 == headers.count, !isEmptyCell(tail) {
                problems.append(ImportProblem(.documentsTrailingText, PortalText.clean(tail)))
                if let row = row(tail, originals: 0, copies: 0) { rows.append(row) }
            }
            tables.append(DocumentGroupBuilder.Table(heading: groupTitle(heading, problems: &problems), rows: rows))
            heading = tail
        }
        let built = DocumentGroupBuilder.groups(tables)
        return (built.groups, problems + built.problems)
    }

    /// The count cells between `start` and `end`, left to right.
    static func counts(in scalars: ScalarText, from start: Int, to end: Int) -> [Count] {
        var result: [Count] = []
        var offset = start
        while offset < end {
            if let count = count(in: scalars, at: offset, limit: end) {
                result.append(count)
                offset = count.end
            } else {
                offset += 1
            }
        }
        return result
    }

    /// The count cell whose digit is at `offset`: "1 bản chính", "0 bản chính,1 bản sao" or "1 bản sao".
    private static func count(in scalars: ScalarText, at offset: Int, limit: Int) -> Count? {
        guard let digit = scalars.scalar(at: offset)?.digitValue else { return nil }
        // The count is the last digit of a run; "01" is prose's zero-padded "one".
        if scalars.isDigit(at: offset + 1) { return nil }
        if scalars.scalar(at: offset - 1) == "0", !scalars.isDigit(at: offset - 2) { return nil }
        if scalars.matches(originalsLabel, at: offset + 1) {
            var end = offset + 1 + originalsLabel.count
            var copies = 0
            if scalars.scalar(at: end) == ",", let copyDigit = scalars.scalar(at: end + 1)?.digitValue,
               !scalars.isDigit(at: end + 2), scalars.matches(copiesLabel, at: end + 2) {
                copies = copyDigit
                end += 2 + copiesLabel.count
            }
            return end <= limit ? Count(start: offset, end: end, originals: digit, copies: copies) : nil
        }
        if scalars.matches(copiesLabel, at: offset + 1) {
            let end = offset + 1 + copiesLabel.count
            return end <= limit ? Count(start: offset, end: end, originals: 0, copies: digit) : nil
        }
        return nil
    }

    /// One row with its form files split off, or nil when it is empty.
    private static func row(_ text: String, originals: Int, copies: Int) -> DocumentGroupBuilder.Row? {
        let cleaned = PortalText.clean(text)
        guard !isEmptyCell(cleaned) else { return nil }
        let (name, files) = FormFileSplitter.split(cleaned)
        return DocumentGroupBuilder.Row(text: PortalText.clean(name), files: files, originals: originals, copies: copies)
    }

    /// Whether a row without copies names a document rather than making a note.
    static func namesDocument(_ name: String) -> Bool {
        let body = ScalarText(ListMarker.stripped(name).lowercased())
        guard body.count > 0, body.scalars.last != ":" else { return false }
        if notes.contains(where: { body.firstOffset(of: $0) != nil }) { return false }
        return documentWords.contains { word in
            guard body.matches(word, at: 0) else { return false }
            guard let next = body.scalar(at: word.count) else { return true }
            return !next.isLetter
        }
    }

    /// A table's heading, or nil for none ("--") or one that holds another field's text.
    private static func groupTitle(_ heading: String, problems: inout [ImportProblem]) -> String? {
        let text = PortalText.clean(heading)
        guard !isEmptyCell(text) else { return nil }
        if text.contains("Hình thức nộp") || ChannelTableParser.rows(in: text).rows.isEmpty == false {
            problems.append(ImportProblem(.documentsHeadingGarbled, text))
            return nil
        }
        return text
    }

    /// Whether a cell is empty: blank, "Không có thông tin" or only dashes ("--").
    static func isEmptyCell(_ text: String) -> Bool {
        let cleaned = PortalText.clean(text)
        return PortalText.isEmptyValue(cleaned) || cleaned.unicodeScalars.allSatisfy { $0 == "-" }
    }
}
