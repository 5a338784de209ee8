import ThuTucKnowledge

/// Maps one Word-export record to a ``Procedure``, by the same rules as a
/// portal record: it fails only when it lacks what identifies it (code, name,
/// field, level); every other gap is kept as far as it goes and reported. The
/// lists (levels, subjects, agencies, authorities) use the portal's comma
/// convention and its splitter; the result is one free-text cell and stays whole.
extension RecordImporter {
    /// The portal's procedure search, which the record's code is appended to.
    ///
    /// The export carries no page address, and the portal's procedure pages
    /// (`/thu-tuc-hanh-chinh/<id>`) are keyed by an internal id the export
    /// lacks; its search page takes the code as `keyword`.
    public static let searchURL = "https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?keyword="

    /// The procedure of `record`, read from `file` (used in messages and to check the code).
    public func procedure(from record: WordExportRecord, file: String) throws(ImportError) -> (procedure: Procedure, problems: [ImportProblem]) {
        var problems: [ImportProblem] = []
        let code = try Self.code(record.code, file: file, field: "mã_thủ_tục", problems: &problems)
        guard let name = PortalText.value(record.name) else { throw .missingField(file, "tên_thủ_tục") }
        guard let field = PortalText.value(record.field) else { throw .missingField(file, "lĩnh_vực") }
        let levels = try Self.levels(record.levels, file: file, field: "cấp_thực_hiện", problems: &problems)

        let subjects = PortalListSplitter.names(record.subjects)
        let authorities = PortalListSplitter.names(record.authorities)
        let agencies = PortalListSplitter.names(record.agencies)
        problems += subjects.problems + authorities.problems + agencies.problems
        let channels = ChannelRowParser.parse(record.channels, name: name, steps: record.steps)
        let documents = DocumentRowParser.parse(record.documents)
        let legal = LegalRowParser.parse(record.legal)
        problems += channels.problems + documents.problems + legal.problems
        // One free-text cell, not a table: split at its commas it would cut sentences
        // ("Hồ sơ … được Biên phòng cửa khẩu cảng đi, Hải quan cửa khẩu cảng đi niêm phong …").
        let results = PortalText.value(record.results).map { [ResultDocument(name: $0, code: nil)] } ?? []

        // "Quyết định số 6225/QĐ-BQP" → "6225/QĐ-BQP", the portal export's form.
        var decision = PortalText.value(record.decision)
        if let cell = decision {
            decision = LegalNumberScanner.number(inCell: cell)
            if decision == nil {
                decision = cell
                problems.append(ImportProblem(.decisionWithoutNumber, cell))
            }
        }

        let procedure = Procedure(
            code: code, name: name, decision: decision, type: PortalText.value(record.type),
            field: field, ministry: ministry, levels: levels, subjects: subjects.names,
            authorities: authorities.names, agencies: agencies.names, address: PortalText.value(record.address),
            channels: channels.channels, documents: documents.groups, legal: legal.references,
            results: results, url: Self.searchURL + code, retrieved: retrieved
        )
        return (procedure, problems)
    }
}
