import Foundation
import ThuTucKnowledge

/// Imports a portal export directory (`<ministry-folder>/<code>.json`) into a Knowledge directory.
///
/// Folders and files are read in name order and procedures are written sorted
/// by code, so the output depends only on the source and ``retrieved``.
public struct CatalogImporter: Sendable {
    /// When the export the project ships was crawled, per its README ("mid-2026").
    public static let defaultRetrieved = "2026-06"

    /// The export directory.
    public var source: String
    /// The Knowledge directory to write.
    public var knowledge: String
    /// The retrieval month written into every procedure and the manifest.
    public var retrieved: String

    public init(source: String, knowledge: String, retrieved: String = CatalogImporter.defaultRetrieved) {
        self.source = source
        self.knowledge = knowledge
        self.retrieved = retrieved
    }

    /// The procedures of one ministry folder.
    public struct MinistryFile: Sendable {
        public var folder: String
        public var ministry: String
        public var procedures: [Procedure]
    }

    /// Imports and writes; record failures are in the report, not thrown.
    public func run() throws(ImportError) -> ImportReport {
        let (files, report) = try read()
        try KnowledgeWriter(directory: knowledge).write(
            files.map { ($0.folder, $0.ministry, $0.procedures) }, retrieved: retrieved
        )
        return report
    }

    /// Imports without writing: the procedures per folder and the report.
    public func read() throws(ImportError) -> (files: [MinistryFile], report: ImportReport) {
        guard Self.isMonth(retrieved) else { throw .invalidRetrieved(retrieved) }
        let folders = try ministryFolders()
        var report = ImportReport()
        var files: [MinistryFile] = []
        var firstFileByCode: [String: String] = [:]
        for (folder, ministry) in folders {
            let importer = RecordImporter(ministry: ministry, retrieved: retrieved)
            let paths = recordFiles(in: source + "/" + folder)
            let outcomes = ConcurrentMap.map(paths) { path in
                Result { () throws(ImportError) in try importer.procedure(from: try Self.record(at: path), file: path) }
            }
            var procedures: [Procedure] = []
            for (path, outcome) in zip(paths, outcomes) {
                do throws(ImportError) {
                    let (procedure, problems) = try outcome.get()
                    if let first = firstFileByCode[procedure.code] {
                        throw .duplicateCode(path, code: procedure.code, first: first)
                    }
                    firstFileByCode[procedure.code] = path
                    report.add(problems, code: procedure.code)
                    report.figures.add(procedure)
                    procedures.append(procedure)
                } catch {
                    report.failures.append(error)
                }
            }
            procedures.sort { $0.code < $1.code }
            report.ministries.append(ImportReport.MinistryCount(folder: folder, ministry: ministry, read: paths.count, written: procedures.count))
            files.append(MinistryFile(folder: folder, ministry: ministry, procedures: procedures))
        }
        return (files, report)
    }

    /// The ministry folders of the source, sorted, each with its ministry's name.
    private func ministryFolders() throws(ImportError) -> [(String, String)] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .sourceMissing(source)
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: source)
        } catch {
            throw .unreadableFile(source, "\(error)")
        }
        var folders: [(String, String)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: source + "/" + name, isDirectory: &isFolder), isFolder.boolValue else { continue }
            guard let ministry = Ministry.name(forFolder: name) else { throw .unknownMinistryFolder(source + "/" + name) }
            folders.append((name, ministry))
        }
        return folders
    }

    /// The `*.json` files of a folder, sorted, as paths.
    private func recordFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
    }

    /// The record stored at `path`.
    private static func record(at path: String) throws(ImportError) -> PortalRecord {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadableFile(path, "\(error)")
        }
        do {
            return try PortalRecord.decode(data)
        } catch {
            throw .invalidJSON(path, "\(error)")
        }
    }

    /// Whether `value` is "YYYY-MM" with a month from 01 to 12.
    public static func isMonth(_ value: String) -> Bool {
        let scalars = Array(value.unicodeScalars)
        guard scalars.count == 7, scalars[4] == "-",
              scalars.enumerated().allSatisfy({ $0.offset == 4 || $0.element.isASCIIDigit }),
              let month = Int(String(value.suffix(2))) else { return false }
        return (1...12).contains(month)
    }
}
