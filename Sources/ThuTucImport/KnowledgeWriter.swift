import Foundation
import ThuTucKnowledge

/// Writes the imported catalogue: `procedures/<ministry-folder>.jsonl` and `manifest.json`.
///
/// One procedure per line, sorted by code, keys sorted, slashes unescaped,
/// UTF-8 with LF line ends and a final newline: two imports of the same source
/// give the same bytes, so a diff of Knowledge/ shows only real changes.
public struct KnowledgeWriter: Sendable {
    /// The Knowledge directory.
    public var directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public var proceduresDirectory: String { directory + "/procedures" }
    public var manifestPath: String { directory + "/manifest.json" }

    /// Writes one file per ministry folder and the manifest, and removes
    /// `procedures/*.jsonl` files of folders in none of the sources; returns
    /// the removed files' names.
    public func write(_ files: [CatalogImporter.MinistryFile], sources: [KnowledgeManifest.Source]) throws(ImportError) -> [String] {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: proceduresDirectory, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(proceduresDirectory, "\(error)")
        }
        var entries: [KnowledgeManifest.File] = []
        var written: Set<String> = []
        for file in files.sorted(by: { $0.folder < $1.folder }) {
            let name = file.folder + ".jsonl"
            try write(try Self.jsonLines(file.procedures, path: name), to: proceduresDirectory + "/" + name)
            written.insert(name)
            entries.append(KnowledgeManifest.File(path: "procedures/" + name, ministry: file.ministry, records: file.procedures.count, source: file.source))
        }
        let existing = (try? fileManager.contentsOfDirectory(atPath: proceduresDirectory)) ?? []
        var removed: [String] = []
        for stale in existing.sorted() where stale.hasSuffix(".jsonl") && !written.contains(stale) {
            do {
                try fileManager.removeItem(atPath: proceduresDirectory + "/" + stale)
            } catch {
                throw .writeFailed(proceduresDirectory + "/" + stale, "\(error)")
            }
            removed.append(stale)
        }
        let manifest = KnowledgeManifest(sources: sources, files: entries)
        try write(try Self.manifestData(manifest), to: manifestPath)
        return removed
    }

    /// The JSON Lines bytes of `procedures`, sorted by code.
    public static func jsonLines(_ procedures: [Procedure], path: String = "procedures") throws(ImportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for procedure in procedures.sorted(by: { $0.code < $1.code }) {
            do {
                data.append(try encoder.encode(procedure))
            } catch {
                throw .writeFailed(path, "\(procedure.code): \(error)")
            }
            data.append(0x0A)
        }
        return data
    }

    /// The manifest's bytes: pretty-printed, keys sorted, final newline.
    public static func manifestData(_ manifest: KnowledgeManifest) throws(ImportError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            var data = try encoder.encode(manifest)
            data.append(0x0A)
            return data
        } catch {
            throw .writeFailed("manifest.json", "\(error)")
        }
    }

    private func write(_ data: Data, to path: String) throws(ImportError) {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .writeFailed(path, "\(error)")
        }
    }
}
