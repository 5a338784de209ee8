import Foundation
import ThuTucKnowledge

/// Imports one or more source directories into a Knowledge directory.
///
/// Each source is a portal export (`<ministry-folder>/<code>.json`) or a Word
/// export (one ministry's `<code>.json`), see ``SourceFormat``. Sources are
/// read in name order, folders and files in name order, and procedures are
/// written sorted by code, so the output depends only on the sources and
/// their months, not on the order they are given in.
public struct CatalogImporter: Sendable {
    /// The sources; the catalogue is exactly what they hold.
    public var sources: [CatalogSource]
    /// The Knowledge directory to write.
    public var knowledge: String

    public init(sources: [CatalogSource], knowledge: String) {
        self.sources = sources
        self.knowledge = knowledge
    }

    /// The procedures of one ministry folder.
    public struct MinistryFile: Sendable {
        public var folder: String
        public var ministry: String
        /// The name of the source the folder came from.
        public var source: String
        public var procedures: [Procedure]
    }

    /// What a run did: a report per source, and the output files it removed.
    public struct Outcome: Sendable {
        public var reports: [ImportReport]
        /// `procedures/*.jsonl` files whose ministry is in none of the sources.
        public var removed: [String]
    }

    /// Imports and writes; record failures are in the reports, not thrown.
    public func run() throws(ImportError) -> Outcome {
        let (files, reports) = try read()
        let manifestSources = zip(orderedSources, reports).map { source, report in
            KnowledgeManifest.Source(
                name: source.name, format: source.format, title: source.format.sourceName,
                url: KnowledgeManifest.portalURL, retrieved: source.retrieved, records: report.recordsWritten
            )
        }
        let removed = try KnowledgeWriter(directory: knowledge).write(files, sources: manifestSources)
        return Outcome(reports: reports, removed: removed)
    }

    /// The sources in the order they are read: by name (then path, to name a repeat the same way every time).
    private var orderedSources: [CatalogSource] {
        sources.sorted { ($0.name, $0.path) < ($1.name, $1.path) }
    }

    /// Imports without writing: the procedures per folder and a report per source.
    public func read() throws(ImportError) -> (files: [MinistryFile], reports: [ImportReport]) {
        let ordered = orderedSources
        for source in ordered where !Self.isMonth(source.retrieved) { throw .invalidRetrieved(source.retrieved) }
        for (first, second) in zip(ordered, ordered.dropFirst()) where first.name == second.name {
            throw .duplicateSource(second.path, first: first.path)
        }
        var pathByFolder: [String: String] = [:]
        var plans: [(source: CatalogSource, folders: [MinistryFolder])] = []
        for source in ordered {
            let folders = try ministryFolders(of: source)
            for folder in folders {
                if let first = pathByFolder[folder.name] { throw .duplicateMinistryFolder(folder.path, first: first) }
                pathByFolder[folder.name] = folder.path
            }
            plans.append((source, folders))
        }

        var reports: [ImportReport] = []
        var files: [MinistryFile] = []
        var firstFileByCode: [String: String] = [:]
        for (source, folders) in plans {
            var report = ImportReport(source: source)
            for folder in folders {
                files.append(importFolder(folder, of: source, report: &report, firstFileByCode: &firstFileByCode))
            }
            reports.append(report)
        }
        return (files, reports)
    }

    /// A folder of records of one ministry.
    private struct MinistryFolder {
        var name: String
        var path: String
        var ministry: String
    }

    /// The procedures of one folder, its records read in parallel; failures and
    /// problems go to `report`, and a code met before in any source is a failure.
    private func importFolder(
        _ folder: MinistryFolder, of source: CatalogSource, report: inout ImportReport, firstFileByCode: inout [String: String]
    ) -> MinistryFile {
        let paths = recordFiles(in: folder.path)
        let outcomes = ConcurrentMap.map(paths) { path in
            Result { () throws(ImportError) in
                try source.format.procedure(at: path, ministry: folder.ministry, retrieved: source.retrieved)
            }
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
        report.ministries.append(ImportReport.MinistryCount(folder: folder.name, ministry: folder.ministry, read: paths.count, written: procedures.count))
        return MinistryFile(folder: folder.name, ministry: folder.ministry, source: source.name, procedures: procedures)
    }

    /// The ministry folders of a source, sorted: the subfolders of a portal
    /// export, or a Word export's own folder.
    private func ministryFolders(of source: CatalogSource) throws(ImportError) -> [MinistryFolder] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .sourceMissing(source.path)
        }
        if source.format == .wordExport {
            guard let ministry = Ministry.name(forFolder: source.name) else { throw .unknownMinistryFolder(source.path) }
            return [MinistryFolder(name: source.name, path: source.path, ministry: ministry)]
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: source.path)
        } catch {
            throw .unreadableFile(source.path, "\(error)")
        }
        var folders: [MinistryFolder] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = source.path + "/" + name
            var isFolder: ObjCBool = false
            guard fileManager.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            guard let ministry = Ministry.name(forFolder: name) else { throw .unknownMinistryFolder(path) }
            folders.append(MinistryFolder(name: name, path: path, ministry: ministry))
        }
        return folders
    }

    /// The `*.json` files of a folder, sorted, as paths.
    private func recordFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { folder + "/" + $0 }
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
