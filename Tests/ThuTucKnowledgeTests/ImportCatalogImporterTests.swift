import Foundation
import Testing
import ThuTucImport
import ThuTucKnowledge

/// Importing whole directories: output files, failures, determinism.
struct ImportCatalogImporterTests {
    /// A small export: two ministries, one broken record, one record whose fee needs the note.
    private func makeExport() throws -> URL {
        let source = try ImportFixtures.temporaryDirectory("source")
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000002"), folder: "bo-tu-phap", in: source)
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000001", name: "Thủ tục đăng ký kết hôn"), folder: "bo-tu-phap", in: source)
        var customs = ImportFixtures.record(code: "2.000003", name: "Thủ tục hải quan")
        customs["cap_thuc_hien"] = "Cấp bộ"
        customs["cach_thuc_thuc_hien"] = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(20.000 vnđ /tờ khai)"
        try ImportFixtures.writeRecord(customs, folder: "bo-tai-chinh", in: source)
        return source
    }

    @Test func importsATinyExportEndToEnd() throws {
        let source = try makeExport()
        let knowledge = try ImportFixtures.temporaryDirectory("knowledge")
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: knowledge)
        }
        let report = try CatalogImporter(source: source.path, knowledge: knowledge.path).run()
        #expect(report.recordsRead == 3)
        #expect(report.recordsWritten == 3)
        #expect(report.failures.isEmpty)
        #expect(report.ministries.map(\.folder) == ["bo-tai-chinh", "bo-tu-phap"])

        let lines = try String(contentsOf: knowledge.appendingPathComponent("procedures/bo-tu-phap.jsonl"), encoding: .utf8)
        #expect(lines.hasSuffix("}\n"))
        let procedures = try lines.split(separator: "\n").map { try JSONDecoder().decode(Procedure.self, from: Data($0.utf8)) }
        #expect(procedures.map(\.code) == ["1.000001", "1.000002"])
        let birth = try #require(procedures.last)
        #expect(birth.ministry == "Bộ Tư pháp")
        #expect(birth.levels == [.province, .commune])
        #expect(birth.subjects == ["Công dân Việt Nam", "Cán bộ, công chức, viên chức"])
        #expect(birth.authorities == ["Ủy ban Nhân dân xã, phường, thị trấn"])
        #expect(birth.agencies.isEmpty)
        #expect(birth.address == nil)
        #expect(birth.channels.map(\.kind) == [.inPerson, .online])
        #expect(birth.channels.first?.fee == Fee(text: "8,000 Việt Nam Đồng", amount: 8_000, note: "8.000 đồng/lần"))
        #expect(birth.documents.first?.items.map(\.form) == ["Mẫu số 01.docx", nil])
        #expect(birth.legal.map(\.number) == ["60/2014/QH13", "123/2015/NĐ-CP"])
        #expect(birth.results == [ResultDocument(name: "Giấy khai sinh", code: "KQ.G15.000001")])
        #expect(birth.retrieved == "2026-06")
        #expect(!lines.contains("raw_text"))
        #expect(!lines.contains("Bước 1"))

        let manifest = try JSONDecoder().decode(KnowledgeManifest.self, from: Data(contentsOf: knowledge.appendingPathComponent("manifest.json")))
        #expect(manifest.source.url == "https://dichvucong.gov.vn")
        #expect(manifest.records == 3)
        #expect(manifest.files.map(\.path) == ["procedures/bo-tai-chinh.jsonl", "procedures/bo-tu-phap.jsonl"])
        #expect(manifest.files.map(\.records) == [1, 2])
        #expect(report.tallies[.feeAmountScaledFromNote]?.examples == ["2.000003"])
    }

    @Test func twoImportsGiveIdenticalBytes() throws {
        let source = try makeExport()
        let first = try ImportFixtures.temporaryDirectory("first")
        let second = try ImportFixtures.temporaryDirectory("second")
        defer {
            for url in [source, first, second] { try? FileManager.default.removeItem(at: url) }
        }
        _ = try CatalogImporter(source: source.path, knowledge: first.path).run()
        _ = try CatalogImporter(source: source.path, knowledge: second.path).run()
        let firstFiles = try ImportFixtures.jsonLines(in: first.appendingPathComponent("procedures"))
        #expect(firstFiles.count == 2)
        #expect(firstFiles == (try ImportFixtures.jsonLines(in: second.appendingPathComponent("procedures"))))
        let manifests = try [first, second].map { try Data(contentsOf: $0.appendingPathComponent("manifest.json")) }
        #expect(manifests[0] == manifests[1])
    }

    @Test func unreadableRecordsAreReportedAndTheRestWritten() throws {
        let source = try makeExport()
        let knowledge = try ImportFixtures.temporaryDirectory("failures")
        defer {
            try? FileManager.default.removeItem(at: source)
            try? FileManager.default.removeItem(at: knowledge)
        }
        try Data("{ not json".utf8).write(to: source.appendingPathComponent("bo-tu-phap/1.000009.json"))
        var noLevel = ImportFixtures.record(code: "1.000010")
        noLevel["cap_thuc_hien"] = "Cấp huyện"
        try ImportFixtures.writeRecord(noLevel, folder: "bo-tu-phap", in: source)
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000001"), folder: "bo-tai-chinh", in: source, fileName: "1.000011.json")
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000013"), folder: "bo-tai-chinh", in: source, fileName: "1.000012.json")

        let report = try CatalogImporter(source: source.path, knowledge: knowledge.path).run()
        let messages = report.failures.map(\.description)
        #expect(messages.count == 3)
        #expect(messages.contains { $0.contains("bo-tu-phap/1.000009.json: not a portal record:") })
        #expect(messages.contains { $0.contains("bo-tu-phap/1.000010.json: cap_thuc_hien 'Cấp huyện' names no known level") })
        #expect(messages.contains { $0.contains("bo-tu-phap/1.000001.json: code 1.000001 was already imported from") })
        #expect(report.recordsWritten == 4)
        #expect(report.tallies[.codeDiffersFromFileName]?.examples == ["1.000001", "1.000013"])
    }

    @Test func directoryLevelErrors() throws {
        let source = try makeExport()
        defer { try? FileManager.default.removeItem(at: source) }
        #expect(throws: ImportError.invalidRetrieved("2026-13")) {
            try CatalogImporter(source: source.path, knowledge: source.path + "/out", retrieved: "2026-13").read()
        }
        #expect(throws: ImportError.sourceMissing(source.path + "/missing")) {
            try CatalogImporter(source: source.path + "/missing", knowledge: source.path + "/out").read()
        }
        try FileManager.default.createDirectory(at: source.appendingPathComponent("bo-y-te"), withIntermediateDirectories: true)
        #expect(throws: ImportError.unknownMinistryFolder(source.path + "/bo-y-te")) {
            try CatalogImporter(source: source.path, knowledge: source.path + "/out").read()
        }
    }

    @Test func retrievedMonthIsWrittenEverywhere() throws {
        let source = try makeExport()
        defer { try? FileManager.default.removeItem(at: source) }
        let (files, _) = try CatalogImporter(source: source.path, knowledge: source.path + "/out", retrieved: "2026-07").read()
        #expect(files.flatMap(\.procedures).allSatisfy { $0.retrieved == "2026-07" })
    }
}
