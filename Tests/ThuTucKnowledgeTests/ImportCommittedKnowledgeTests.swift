import Foundation
import Testing
import ThuTucImport

/// The committed Knowledge/procedures: clean of portal residue, and exactly
/// what re-importing both shared sources produces.
struct ImportCommittedKnowledgeTests {
    /// Page text that must never reach Knowledge/.
    static let residue = ["Không có thông tin", "Chọn cơ quan thực hiện", "-- Chọn", "Hệ thống chỉ hiển thị", "raw_text", "File đính kèm", "ChiTietTTHC"]

    @Test func committedProceduresHoldNoPortalResidue() throws {
        let directory = ImportFixtures.committedKnowledge.appendingPathComponent("procedures")
        let files = try ImportFixtures.jsonLines(in: directory)
        try #require(!files.isEmpty, "no Knowledge/procedures/*.jsonl committed")
        for (name, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            for residue in Self.residue {
                #expect(!text.contains(residue), "\(name) contains '\(residue)'")
            }
            // "Nộp hồ sơ" is fine inside a name, but not as the submit button closing a value.
            #expect(!text.contains("Nộp hồ sơ\""), "\(name) has a value ending in the portal's 'Nộp hồ sơ' button")
        }
    }

    // Needs both sources beside the repository; skipped (and shown as skipped) when they are absent.
    @Test(.enabled(if: ImportFixtures.sharedDataAvailable, "needs ../shared/data/dichvucong and ../shared/data/bo-quoc-phong beside the repository"))
    func reimportingBothSharedSourcesReproducesTheCommittedFiles() throws {
        let knowledge = try ImportFixtures.temporaryDirectory("reimport")
        defer { try? FileManager.default.removeItem(at: knowledge) }
        let sources = try [ImportFixtures.sharedData, ImportFixtures.sharedWordExport].map { try CatalogSource.recognise($0.path) }
        #expect(sources.map(\.format) == [.portalExport, .wordExport])
        let reports = try CatalogImporter(sources: sources, knowledge: knowledge.path).run().reports
        #expect(reports.map(\.recordsWritten) == [207, 2642])
        #expect(reports.flatMap(\.failures).isEmpty)
        let fresh = try ImportFixtures.jsonLines(in: knowledge.appendingPathComponent("procedures"))
        let committed = try ImportFixtures.jsonLines(in: ImportFixtures.committedKnowledge.appendingPathComponent("procedures"))
        #expect(fresh.keys.sorted() == committed.keys.sorted())
        for name in fresh.keys.sorted() {
            #expect(fresh[name] == committed[name], "procedures/\(name) differs from a fresh import; re-run thutuc import and commit")
        }
        let manifest = try Data(contentsOf: knowledge.appendingPathComponent("manifest.json"))
        #expect(manifest == (try Data(contentsOf: ImportFixtures.committedKnowledge.appendingPathComponent("manifest.json"))))
        for report in reports {
            #expect(report.figures.timeShare >= 90, "\(report.source.name): times with a number")
            #expect(report.figures.feeShare >= 90, "\(report.source.name): fees with an amount")
        }
    }
}
