import Foundation
import ThuTucKnowledge

/// The two shapes of source the importer reads, told apart by their layout.
public enum SourceFormat: String, Codable, Sendable, CaseIterable {
    /// The portal's pages as crawled (`../shared/data/dichvucong/`):
    /// `<ministry-folder>/<code>.json`, tables flattened into strings.
    case portalExport = "portal-export"
    /// The portal's per-procedure Word exports, extracted (`../shared/data/bo-quoc-phong/`):
    /// `<code>.json` with `metadata`, `content` and `tables` (rows already split);
    /// the folder itself is named after the ministry.
    case wordExport = "word-export"

    /// The month written into the procedures when the command line names none:
    /// the portal export was crawled in mid-2026 (per its README); the Word
    /// exports were published on 2026-01-02 and when they were fetched is not recorded.
    public var defaultRetrieved: String {
        switch self {
        case .portalExport: "2026-06"
        case .wordExport: "2026-01"
        }
    }

    /// What the manifest calls the source.
    public var sourceName: String {
        switch self {
        case .portalExport: "Cổng Dịch vụ công quốc gia"
        case .wordExport: "Cổng Dịch vụ công quốc gia, bản Word của từng thủ tục (ChiTietTTHC)"
        }
    }

    /// Recognises the source at `path` by its layout: `*.json` records with the
    /// three Word-export sections, or folders (one per ministry).
    public static func recognise(_ path: String) throws(ImportError) -> SourceFormat {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .sourceMissing(path)
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .unreadableFile(path, "\(error)")
        }
        if let first = names.first(where: { $0.hasSuffix(".json") }) {
            guard let data = fileManager.contents(atPath: path + "/" + first), WordExportRecord.hasSections(data) else {
                throw .sourceUnrecognised(path, "\(first) has no metadata, content and tables objects")
            }
            return .wordExport
        }
        let hasFolder = names.contains { name in
            var isFolder: ObjCBool = false
            return fileManager.fileExists(atPath: path + "/" + name, isDirectory: &isFolder) && isFolder.boolValue
        }
        guard hasFolder else { throw .sourceUnrecognised(path, "it holds neither ministry folders nor <code>.json records") }
        return .portalExport
    }

    /// Reads the record file at `path` and maps it to a procedure.
    func procedure(at path: String, ministry: String, retrieved: String) throws(ImportError) -> (procedure: Procedure, problems: [ImportProblem]) {
        let importer = RecordImporter(ministry: ministry, retrieved: retrieved)
        switch self {
        case .portalExport:
            return try importer.procedure(from: try Self.record(at: path, PortalRecord.decode), file: path)
        case .wordExport:
            return try importer.procedure(from: try Self.record(at: path, WordExportRecord.decode), file: path)
        }
    }

    /// The record stored at `path`, read by `decode`.
    private static func record<Record>(at path: String, _ decode: (Data) throws -> Record) throws(ImportError) -> Record {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path, "\(error)")
        }
        do {
            return try decode(data)
        } catch {
            throw .invalidJSON(path, "\(error)")
        }
    }
}
