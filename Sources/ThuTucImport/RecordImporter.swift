import Foundation
import ThuTucKnowledge

/// Maps one record, of the portal export or of a Word export
/// (`RecordImporter+WordExport.swift`), to a ``Procedure``, collecting what it
/// could only partly read.
///
/// A record fails only when it lacks what identifies it (code, name, field,
/// page address, level); every other gap is kept as far as it goes and
/// reported as an ``ImportProblem``.
public struct RecordImporter: Sendable {
    /// The ministry whose folder the record came from ("Bộ Tư pháp").
    public var ministry: String
    /// When the source was retrieved ("2026-06"; for a Word export, published).
    public var retrieved: String

    public init(ministry: String, retrieved: String) {
        self.ministry = ministry
        self.retrieved = retrieved
    }

    /// The procedure of `record`, read from `file` (used in messages and to check the code).
    public func procedure(from rawRecord: PortalRecord, file: String) throws(ImportError) -> (procedure: Procedure, problems: [ImportProblem]) {
        let record = rawRecord.normalized()
        var problems: [ImportProblem] = []
        let code = try Self.code(record.code, file: file, field: "ma_thu_tuc", problems: &problems)
        guard let name = PortalText.value(record.name).map({ Self.withoutOwnCode($0, code: code) }) else {
            throw .missingField(file, "ten_thu_tuc")
        }
        guard let field = PortalText.value(record.field) else { throw .missingField(file, "linh_vuc") }
        let url = PortalText.clean(record.url)
        guard url.hasPrefix("https://") else { throw .invalidURL(file, url) }
        let levels = try Self.levels(record.levels, file: file, field: "cap_thuc_hien", problems: &problems)

        let subjects = PortalListSplitter.names(record.subjects)
        let authorities = PortalListSplitter.names(record.authorities)
        let agencies = PortalListSplitter.names(record.agencies)
        problems += subjects.problems + authorities.problems + agencies.problems
        var address = PortalText.value(record.address)
        if let text = address, PortalListSplitter.containsGluedLabel(ScalarText(text)) {
            problems.append(ImportProblem(.listEntryGarbled, text))
            address = nil
        }
        let channels = ChannelTableParser.parse(record.channels, name: name, steps: record.steps)
        let documents = DocumentListParser.parse(record.documents)
        let legal = LegalBasisParser.parse(record.legal)
        let results = ResultListParser.parse(record.results)
        problems += channels.problems + documents.problems + legal.problems + results.problems

        let procedure = Procedure(
            code: code, name: name, decision: PortalText.value(record.decision), type: PortalText.value(record.type),
            field: field, ministry: ministry, levels: levels, subjects: subjects.names,
            authorities: authorities.names, agencies: agencies.names, address: address,
            channels: channels.channels, documents: documents.groups, legal: legal.references,
            results: results.results, url: url, retrieved: retrieved
        )
        return (procedure, problems)
    }

    /// The record's code, checked against the catalogue's shape and the file's name.
    static func code(_ text: String, file: String, field: String, problems: inout [ImportProblem]) throws(ImportError) -> String {
        let code = PortalText.clean(text)
        guard isCode(code) else { throw .invalidCode(file, field: field, code) }
        if let fileCode = fileStem(file), fileCode != code {
            problems.append(ImportProblem(.codeDiffersFromFileName, fileCode))
        }
        return code
    }

    /// The known levels of a list such as "Cấp Bộ, Cấp Tỉnh" (any capitalisation), sorted; at least one.
    static func levels(_ text: String, file: String, field: String, problems: inout [ImportProblem]) throws(ImportError) -> [Level] {
        var levels: [Level] = []
        for label in PortalListSplitter.split(text) {
            if let level = Level(label: label) {
                if !levels.contains(level) { levels.append(level) }
            } else {
                problems.append(ImportProblem(.levelUnknown, label))
            }
        }
        guard !levels.isEmpty else { throw .noLevel(file, field: field, PortalText.clean(text)) }
        return levels.sorted()
    }

    /// Whether `code` has the catalogue's shape: a digit, a point, six digits.
    static func isCode(_ code: String) -> Bool {
        let scalars = Array(code.unicodeScalars)
        guard scalars.count == 8, scalars[1] == "." else { return false }
        return scalars.enumerated().allSatisfy { index, scalar in index == 1 || scalar.isASCIIDigit }
    }

    /// `name` without a last bracket that only repeats the procedure's own
    /// code, as ten of the portal's names end ("Cấp giấy phép môi trường
    /// (cấp Bộ) (1.010719)"): every answer shows the code already, and a
    /// clarification label cut from where two such names differ read
    /// "Bộ) (1.010732".
    static func withoutOwnCode(_ name: String, code: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        let inside = name[name.index(after: open)..<name.index(before: name.endIndex)]
        guard inside.trimmingCharacters(in: .whitespaces) == code else { return name }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// "1.000080" for ".../bo-tu-phap/1.000080.json".
    private static func fileStem(_ file: String) -> String? {
        guard let name = file.split(separator: "/").last, name.hasSuffix(".json") else { return nil }
        return PortalText.normalized(String(name.dropLast(".json".count)))
    }
}
