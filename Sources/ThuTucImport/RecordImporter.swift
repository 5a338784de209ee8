import ThuTucKnowledge

/// Maps one portal record to a ``Procedure``, collecting what it could only partly read.
///
/// A record fails only when it lacks what identifies it (code, name, field,
/// page address, level); every other gap is kept as far as it goes and
/// reported as an ``ImportProblem``.
public struct RecordImporter: Sendable {
    /// The ministry whose folder the record came from ("Bộ Tư pháp").
    public var ministry: String
    /// When the source was retrieved ("2026-06").
    public var retrieved: String

    public init(ministry: String, retrieved: String) {
        self.ministry = ministry
        self.retrieved = retrieved
    }

    /// The procedure of `record`, read from `file` (used in messages and to check the code).
    public func procedure(from rawRecord: PortalRecord, file: String) throws(ImportError) -> (procedure: Procedure, problems: [ImportProblem]) {
        let record = rawRecord.normalized()
        var problems: [ImportProblem] = []
        let code = PortalText.clean(record.code)
        guard Self.isCode(code) else { throw .invalidCode(file, code) }
        if let fileCode = fileStem(file), fileCode != code {
            problems.append(ImportProblem(.codeDiffersFromFileName, fileCode))
        }
        guard let name = PortalText.value(record.name) else { throw .missingField(file, "ten_thu_tuc") }
        guard let field = PortalText.value(record.field) else { throw .missingField(file, "linh_vuc") }
        let url = PortalText.clean(record.url)
        guard url.hasPrefix("https://") else { throw .invalidURL(file, url) }

        var levels: [Level] = []
        for label in PortalListSplitter.split(record.levels) {
            if let level = Level(label: label) {
                if !levels.contains(level) { levels.append(level) }
            } else {
                problems.append(ImportProblem(.levelUnknown, label))
            }
        }
        guard !levels.isEmpty else { throw .noLevel(file, PortalText.clean(record.levels)) }

        let subjects = PortalListSplitter.names(record.subjects)
        let authorities = PortalListSplitter.names(record.authorities)
        let agencies = PortalListSplitter.names(record.agencies)
        problems += subjects.problems + authorities.problems + agencies.problems
        var address = PortalText.value(record.address)
        if let text = address, PortalListSplitter.containsGluedLabel(ScalarText(text)) {
            problems.append(ImportProblem(.listEntryGarbled, text))
            address = nil
        }
        let channels = ChannelTableParser.parse(record.channels)
        let documents = DocumentListParser.parse(record.documents)
        let legal = LegalBasisParser.parse(record.legal)
        let results = ResultListParser.parse(record.results)
        problems += channels.problems + documents.problems + legal.problems + results.problems

        let procedure = Procedure(
            code: code, name: name, decision: PortalText.value(record.decision), type: PortalText.value(record.type),
            field: field, ministry: ministry, levels: levels.sorted(), subjects: subjects.names,
            authorities: authorities.names, agencies: agencies.names, address: address,
            channels: channels.channels, documents: documents.groups, legal: legal.references,
            results: results.results, url: url, retrieved: retrieved
        )
        return (procedure, problems)
    }

    /// Whether `code` has the catalogue's shape: a digit, a point, six digits.
    static func isCode(_ code: String) -> Bool {
        let scalars = Array(code.unicodeScalars)
        guard scalars.count == 8, scalars[1] == "." else { return false }
        return scalars.enumerated().allSatisfy { index, scalar in index == 1 || scalar.isASCIIDigit }
    }

    /// "1.000080" for ".../bo-tu-phap/1.000080.json".
    private func fileStem(_ file: String) -> String? {
        guard let name = file.split(separator: "/").last, name.hasSuffix(".json") else { return nil }
        return PortalText.normalized(String(name.dropLast(".json".count)))
    }
}
