import ThuTucKnowledge

/// Turns document rows, as either source lists them, into groups of
/// documents with their headings and notes.
///
/// The sources put three kinds of row in their document tables, all with
/// a count cell:
///
/// - **documents** — kept, without the source's numbering ("1.", "a)",
///   "(iv)", "- "), with their "+"/"-" sub-items split off as details
///   ("… bao gồm: + Giấy chứng nhận …; + …") and their form files named
///   (``FormNamer``);
/// - **headings** of a case or section ("- Trường hợp thuê nhà ở xã hội:",
///   "Trường hợp … , hồ sơ gồm:") — a row that ends with ":" (or "gồm")
///   and opens like a heading ("Trường hợp", "Đối với", "Hồ sơ", "Nộp
///   cho", …), or any row counted 0 and 0 that ends so: it starts a new
///   group with that title, whatever its count says;
/// - **notes** ("Lưu ý: …", and rows counted 0 and 0 that name no
///   document): kept as the group's notes.
///
/// A heading with no document after it before the next heading gives no
/// group; its notes go to the group before.
///
/// A group is a **case** unless its heading names a section of the dossier
/// everyone files ("Giấy tờ phải nộp", "Hồ sơ của người nhận con nuôi", or
/// no heading) and no case ("trường hợp", "đối với");
/// a document is **conditional** when it opens with its condition
/// ("Trường hợp …", "Đối với …", "Nếu …") or says "(nếu có)".
enum DocumentGroupBuilder {
    /// A row before it is classified.
    struct Row {
        /// The cell text with the form's file names taken off.
        var text: String
        /// The form files of the row, as the source gives them.
        var files: [String]
        var originals: Int
        var copies: Int
        /// Whether the source gave counts at all (a trailing text has none).
        var counted: Bool = true
    }

    /// A source table: its heading (nil for none) and its rows.
    struct Table {
        var heading: String?
        var rows: [Row]
    }

    enum Kind: Equatable {
        case document
        case heading
        case note
    }

    /// How a heading opens, lowercased.
    static let headingOpenings = [
        "trường hợp", "trong trường hợp", "đối với", "hồ sơ", "thành phần hồ sơ", "nộp cho", "giấy tờ phải", "các giấy tờ",
        "giấy tờ xuất trình", "xuất trình", "tài liệu phải",
    ]
    /// How a heading may end instead of ":", lowercased.
    static let headingEndings = ["hồ sơ gồm", "bao gồm", "gồm có", "gồm các giấy tờ sau", "gồm những giấy tờ sau"]
    /// How a section heading opens, lowercased: a part of the dossier everyone files, not a case.
    static let sectionOpenings = [
        "giấy tờ phải", "các giấy tờ", "giấy tờ xuất trình", "giấy tờ nộp", "xuất trình", "thành phần hồ sơ", "hồ sơ",
        "người có yêu cầu", "người yêu cầu", "tài liệu phải", "bản chính", "bản sao",
    ]
    /// Words that make a heading a case even when it opens like a section ("Hồ sơ … trong trường hợp …").
    static let caseWords = ["trường hợp", "đối với"]
    /// How a conditional document opens, lowercased.
    static let conditionOpenings = ["trường hợp", "trong trường hợp", "đối với", "nếu "]
    static let conditionMarks = ["(nếu có)", "(nếu có ", "nếu có)"]
    /// How a note opens, lowercased, after list markers.
    static let noteOpenings = ["lưu ý", "ghi chú", "chú ý", "lưu ý:"]

    /// The groups of `tables`, and what was dropped or could not be read.
    static func groups(_ tables: [Table]) -> (groups: [DocumentGroup], problems: [ImportProblem]) {
        var groups: [DocumentGroup] = []
        var problems: [ImportProblem] = []
        var current: DocumentGroup?
        func close() {
            guard let group = current else { return }
            current = nil
            if !group.items.isEmpty {
                groups.append(group)
            } else {
                if let title = group.title { problems.append(ImportProblem(.documentsHeadingWithoutItems, title)) }
                if !group.notes.isEmpty {
                    if groups.isEmpty {
                        groups.append(DocumentGroup(title: group.title, items: [], notes: group.notes))
                    } else {
                        groups[groups.count - 1].notes += group.notes.filter { !groups[groups.count - 1].notes.contains($0) }
                    }
                }
            }
        }
        for table in tables {
            close()
            // A table headed by a note ("Lưu ý: …") continues the group before, the note its own.
            if let heading = table.heading, isNote(heading) {
                let note = ListMarker.stripped(PortalText.clean(heading))
                if groups.isEmpty {
                    current = DocumentGroup(title: nil, items: [], notes: [note])
                } else {
                    if !groups[groups.count - 1].notes.contains(note) { groups[groups.count - 1].notes.append(note) }
                    current = DocumentGroup(title: nil, items: [])
                }
            } else {
                current = group(titled: table.heading.flatMap(title(of:)))
            }
            for row in table.rows {
                switch kind(of: row) {
                case .heading:
                    close()
                    current = group(titled: title(of: row.text))
                case .note:
                    let note = ListMarker.stripped(row.text)
                    problems.append(ImportProblem(.documentNoteKept, note))
                    if current?.notes.contains(note) == false { current?.notes.append(note) }
                case .document:
                    // The source sometimes lists a document twice in one group: once is enough.
                    if let item = document(row, problems: &problems), current?.items.contains(item) == false {
                        current?.items.append(item)
                    }
                }
            }
        }
        close()
        return (groups.filter { !$0.items.isEmpty || !$0.notes.isEmpty }, problems)
    }

    /// An empty group with `title`, a case unless the title names a section.
    private static func group(titled title: String?) -> DocumentGroup {
        let lowered = title?.lowercased() ?? ""
        let isSection = sectionOpenings.contains { lowered.hasPrefix($0) } && !caseWords.contains { lowered.contains($0) }
        let isCase = title != nil && !isSection
        return DocumentGroup(title: title, items: [], isCase: isCase)
    }

    /// Whether a text opens as a note does ("Lưu ý: …").
    static func isNote(_ text: String) -> Bool {
        let lowered = ListMarker.stripped(PortalText.clean(text)).lowercased()
        return noteOpenings.contains { lowered.hasPrefix($0) }
    }

    /// What a row is.
    static func kind(of row: Row) -> Kind {
        let body = ListMarker.stripped(row.text)
        if isNote(body) { return .note }
        let lowered = body.lowercased()
        let uncounted = row.originals == 0 && row.copies == 0
        if row.files.isEmpty, endsLikeHeading(lowered) {
            if uncounted || headingOpenings.contains(where: { lowered.hasPrefix($0) }) { return .heading }
        }
        if uncounted, row.files.isEmpty, !DocumentListParser.namesDocument(body) { return .note }
        return .document
    }

    /// Whether text ends as a heading does: with ":" or "… gồm".
    private static func endsLikeHeading(_ lowered: String) -> Bool {
        let trimmed = lowered.trimmingTrailing { $0 == " " || $0 == "." }
        return trimmed.hasSuffix(":") || headingEndings.contains { trimmed.hasSuffix($0) }
    }

    /// A heading as a title: without the source's numbering and the words
    /// that lead into a list ("…, hồ sơ gồm:").
    static func title(of heading: String) -> String? {
        let trimmed = withoutLeadIn(PortalText.clean(ListMarker.stripped(PortalText.clean(heading))))
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Endings that only lead into the list after them, lowercased, longest first.
    static let leadIns = [
        ", trong đó bao gồm", ", hồ sơ bao gồm", ", hồ sơ gồm có", ", hồ sơ gồm", " hồ sơ bao gồm", " hồ sơ gồm", ", bao gồm", " bao gồm",
        ", gồm có", " gồm có", ", gồm", " gồm",
    ]

    /// `text` without a final colon, full stop or semicolon, and without a lead-in ending ("… bao gồm").
    static func withoutLeadIn(_ text: String) -> String {
        var trimmed = text.trimmingTrailing { $0 == ":" || $0 == " " || $0 == "." || $0 == ";" }
        let lowered = trimmed.lowercased()
        if let leadIn = leadIns.first(where: { lowered.hasSuffix($0) }), leadIn.count < trimmed.count {
            trimmed = String(trimmed.dropLast(leadIn.count)).trimmingTrailing { $0 == " " || $0 == "," }
        }
        return trimmed
    }

    /// The document of a row: numbering dropped, sub-items split off, forms
    /// named (as the row itself names its form when it does: "theo mẫu
    /// ĐKX10/79" reads better than a file name stripped of its "Đ").
    private static func document(_ row: Row, problems: inout [ImportProblem]) -> RequiredDocument? {
        var forms: [String] = []
        let named = row.files.isEmpty ? nil : FormNamer.name(ofFile: row.text)
        for file in row.files {
            if let form = named ?? FormNamer.name(ofFile: file) {
                if !forms.contains(form) { forms.append(form) }
            } else {
                problems.append(ImportProblem(.formFileUnnamed, file))
            }
        }
        let form = forms.isEmpty ? nil : forms.joined(separator: "; ")
        // A stray point or comma of the cell before ("….02 bộ bản vẽ") is no part of the name.
        let stripped = String(ListMarker.stripped(row.text).drop { ".,;:".contains($0) || $0 == " " })
        if hasEnumerator(row.text) {
            problems.append(ImportProblem(.documentNumberingDropped, row.text))
        }
        let (name, details) = SubItemSplitter.split(stripped)
        var cleanName = withoutLeadIn(PortalText.trimmingTrailingSeparators(name))
        if cleanName.isEmpty {
            guard let form else { return nil }
            problems.append(ImportProblem(.documentNameMissing, form))
            cleanName = form
        }
        let lowered = cleanName.lowercased()
        let conditional = conditionOpenings.contains(where: { lowered.hasPrefix($0) }) || conditionMarks.contains(where: { lowered.contains($0) })
        return RequiredDocument(
            name: cleanName, form: form, originals: row.originals, copies: row.copies, details: details, conditional: conditional
        )
    }

    /// Whether the row's markers hold an enumerator ("1.", "a)"), not only bullets.
    private static func hasEnumerator(_ text: String) -> Bool {
        let marker = String(text.prefix(ListMarker.length(in: ScalarText(text))))
        return marker.contains { $0.isNumber || $0 == ")" || $0 == "." }
    }
}

extension String {
    /// The text without the trailing characters `drop` matches.
    func trimmingTrailing(_ drop: (Character) -> Bool) -> String {
        var text = Substring(self)
        while let last = text.last, drop(last) { text = text.dropLast() }
        return String(text)
    }
}
