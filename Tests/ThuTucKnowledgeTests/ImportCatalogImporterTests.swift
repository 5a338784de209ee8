import Foundation
import Testing
import ThuTucImport
import ThuTucKnowledge

/// Importing whole directories: both source formats, output files, failures, determinism.
struct ImportCatalogImporterTests {
    /// A small portal export: two ministries, one record whose fee needs the note.
    private func makeExport(in root: URL) throws -> URL {
        let source = root.appendingPathComponent("dichvucong")
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000002"), folder: "bo-tu-phap", in: source)
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000001", name: "Thủ tục đăng ký kết hôn"), folder: "bo-tu-phap", in: source)
        // Some portal names end by repeating their own code.
        var customs = ImportFixtures.record(code: "2.000003", name: "Thủ tục hải quan (cấp Bộ) ( 2.000003 )")
        customs["cap_thuc_hien"] = "Cấp bộ"
        customs["cach_thuc_thuc_hien"] = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(20.000 vnđ /tờ khai)"
        try ImportFixtures.writeRecord(customs, folder: "bo-tai-chinh", in: source)
        return source
    }

    /// A small Word export of Bộ Quốc phòng: two records.
    private func makeWordExport(in root: URL) throws -> URL {
        let source = root.appendingPathComponent("bo-quoc-phong")
        try ImportFixtures.writeWordRecord(ImportFixtures.wordRecord(code: "1.900002"), in: source)
        try ImportFixtures.writeWordRecord(ImportFixtures.wordRecord(code: "1.900001", name: "Thủ tục xác nhận thời gian huấn luyện"), in: source)
        try Data("# not a record\n".utf8).write(to: source.appendingPathComponent("README.md"))
        return source
    }

    private func sources(_ paths: URL...) throws -> [CatalogSource] {
        try paths.map { try CatalogSource.recognise($0.path) }
    }

    @Test func eachSourceIsRecognisedByItsLayout() throws {
        let root = try ImportFixtures.temporaryDirectory("recognise")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try SourceFormat.recognise(makeExport(in: root).path) == .portalExport)
        #expect(try SourceFormat.recognise(makeWordExport(in: root).path) == .wordExport)

        let stray = root.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try Data("{\"ma_thu_tuc\": \"1.000001\"}".utf8).write(to: stray.appendingPathComponent("1.000001.json"))
        #expect(throws: ImportError.sourceUnrecognised(stray.path, "1.000001.json has no metadata, content and tables objects")) {
            try SourceFormat.recognise(stray.path)
        }
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(throws: ImportError.sourceUnrecognised(empty.path, "it holds neither ministry folders nor <code>.json records")) {
            try SourceFormat.recognise(empty.path)
        }
        #expect(throws: ImportError.sourceMissing(root.path + "/missing")) {
            try SourceFormat.recognise(root.path + "/missing")
        }
    }

    @Test func importsBothFormatsEndToEnd() throws {
        let root = try ImportFixtures.temporaryDirectory("both")
        let knowledge = try ImportFixtures.temporaryDirectory("knowledge")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: knowledge)
        }
        let importer = CatalogImporter(sources: try sources(makeWordExport(in: root), makeExport(in: root)), knowledge: knowledge.path)
        let reports = try importer.run().reports
        #expect(reports.map(\.source.name) == ["bo-quoc-phong", "dichvucong"])
        #expect(reports.map(\.recordsWritten) == [2, 3])
        #expect(reports.flatMap(\.failures).isEmpty)
        #expect(reports[1].ministries.map(\.folder) == ["bo-tai-chinh", "bo-tu-phap"])

        let customs = try String(contentsOf: knowledge.appendingPathComponent("procedures/bo-tai-chinh.jsonl"), encoding: .utf8)
        #expect(try customs.split(separator: "\n").map { try Procedure(jsonLine: $0).name } == ["Thủ tục hải quan (cấp Bộ)"])
        let lines = try String(contentsOf: knowledge.appendingPathComponent("procedures/bo-tu-phap.jsonl"), encoding: .utf8)
        #expect(lines.hasSuffix("}\n"))
        let procedures = try lines.split(separator: "\n").map { try Procedure(jsonLine: $0) }
        #expect(procedures.map(\.code) == ["1.000001", "1.000002"])
        let birth = try #require(procedures.last)
        #expect(birth.ministry == "Bộ Tư pháp")
        #expect(birth.levels == [.province, .commune])
        #expect(birth.subjects == ["Công dân Việt Nam", "Cán bộ, công chức, viên chức"])
        #expect(birth.authorities == ["Ủy ban Nhân dân xã, phường, thị trấn"])
        #expect(birth.agencies.isEmpty)
        #expect(birth.address == nil)
        #expect(birth.channels.map(\.kind) == [.inPerson, .online])
        #expect(birth.channels.first?.fee == Fee(
            text: "8,000 Việt Nam Đồng", amount: 8_000, note: "8.000 đồng/lần", per: "lần", rates: [Fee.Rate(amount: 8_000, per: "lần")]
        ))
        #expect(birth.documents.first?.items.map(\.form) == ["Mẫu số 01", nil])
        #expect(birth.legal.map(\.number) == ["60/2014/QH13", "123/2015/NĐ-CP"])
        #expect(birth.results == [ResultDocument(name: "Giấy khai sinh", code: "KQ.G15.000001")])
        #expect(birth.retrieved == "2026-06")
        #expect(!lines.contains("raw_text"))
        #expect(!lines.contains("Bước 1"))
        #expect(reports[1].tallies[.feeAmountScaledFromNote]?.examples == ["2.000003"])

        let defence = try String(contentsOf: knowledge.appendingPathComponent("procedures/bo-quoc-phong.jsonl"), encoding: .utf8)
        let drills = try defence.split(separator: "\n").map { try Procedure(jsonLine: $0) }
        #expect(drills.map(\.code) == ["1.900001", "1.900002"])
        let drill = try #require(drills.last)
        #expect(drill.ministry == "Bộ Quốc phòng")
        #expect(drill.decision == "1234/QĐ-BQP")
        #expect(drill.levels == [.province, .commune])
        #expect(drill.agencies == ["Ban chỉ huy quân sự cấp Xã"])
        #expect(drill.authorities.isEmpty)
        #expect(drill.channels == [
            Channel(kind: .inPerson, time: ProcessingTime(text: "3 Ngày làm việc", value: 3, unit: .workingDays), fee: Fee(text: "Phí : 0 Đồng", amount: 0, note: nil)),
            Channel(kind: .online, time: ProcessingTime(text: "04 Giờ", value: 4, unit: .hours), fee: nil, online: .submit),
        ])
        #expect(drill.documents == [DocumentGroup(title: nil, items: [
            RequiredDocument(name: "Tờ khai tham gia huấn luyện", form: "Mẫu HL01", originals: 1, copies: 0),
            RequiredDocument(name: "Bản chụp thẻ Căn cước", form: nil, originals: 0, copies: 1),
        ])])
        #expect(drill.legal == [
            LegalReference(title: "Luật Dân quân", number: "11/2030/QH16", date: "2030-03-05", issuer: "Quốc Hội"),
            LegalReference(title: "Nghị định số 77/2031/NĐ-CP về huấn luyện", number: "77/2031/NĐ-CP", date: "2031-07-01", issuer: nil),
        ])
        #expect(drill.results == [ResultDocument(name: "Giấy xác nhận đã tham gia huấn luyện", code: nil)])
        #expect(drill.url == "https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?keyword=1.900002")
        #expect(drill.retrieved == "2026-01")
        for prose in ["Bước 1", "Đủ 18 tuổi", "Nộp tại Ban Chỉ huy", "ChiTietTTHC"] {
            #expect(!defence.contains(prose), "'\(prose)' is prose or page furniture and must stay in the source")
        }
        #expect(reports[0].tallies[.legalNumberCompletedFromTitle]?.records == 2)

        let manifest = try JSONDecoder().decode(KnowledgeManifest.self, from: Data(contentsOf: knowledge.appendingPathComponent("manifest.json")))
        #expect(manifest.records == 5)
        #expect(manifest.sources.map(\.name) == ["bo-quoc-phong", "dichvucong"])
        #expect(manifest.sources.map(\.format) == [.wordExport, .portalExport])
        #expect(manifest.sources.map(\.retrieved) == ["2026-01", "2026-06"])
        #expect(manifest.sources.map(\.records) == [2, 3])
        #expect(manifest.files.map(\.path) == ["procedures/bo-quoc-phong.jsonl", "procedures/bo-tai-chinh.jsonl", "procedures/bo-tu-phap.jsonl"])
        #expect(manifest.files.map(\.source) == ["bo-quoc-phong", "dichvucong", "dichvucong"])
        #expect(manifest.files.map(\.records) == [2, 1, 2])
    }

    @Test func twoImportsGiveIdenticalBytesWhateverTheOrderOfTheSources() throws {
        let root = try ImportFixtures.temporaryDirectory("order")
        let first = try ImportFixtures.temporaryDirectory("first")
        let second = try ImportFixtures.temporaryDirectory("second")
        defer {
            for url in [root, first, second] { try? FileManager.default.removeItem(at: url) }
        }
        let export = try makeExport(in: root)
        let wordExport = try makeWordExport(in: root)
        _ = try CatalogImporter(sources: try sources(export, wordExport), knowledge: first.path).run()
        _ = try CatalogImporter(sources: try sources(wordExport, export), knowledge: second.path).run()
        let firstFiles = try ImportFixtures.jsonLines(in: first.appendingPathComponent("procedures"))
        #expect(firstFiles.count == 3)
        #expect(firstFiles == (try ImportFixtures.jsonLines(in: second.appendingPathComponent("procedures"))))
        let manifests = try [first, second].map { try Data(contentsOf: $0.appendingPathComponent("manifest.json")) }
        #expect(manifests[0] == manifests[1])
    }

    @Test func importingOneSourceAloneRemovesTheOthersFilesAndSaysSo() throws {
        let root = try ImportFixtures.temporaryDirectory("alone")
        let knowledge = try ImportFixtures.temporaryDirectory("alone-knowledge")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: knowledge)
        }
        let export = try makeExport(in: root)
        _ = try CatalogImporter(sources: try sources(export, makeWordExport(in: root)), knowledge: knowledge.path).run()
        let outcome = try CatalogImporter(sources: try sources(export), knowledge: knowledge.path).run()
        #expect(outcome.removed == ["bo-quoc-phong.jsonl"])
        #expect(try ImportFixtures.jsonLines(in: knowledge.appendingPathComponent("procedures")).keys.sorted() == ["bo-tai-chinh.jsonl", "bo-tu-phap.jsonl"])
    }

    @Test func unreadableRecordsAreReportedAndTheRestWritten() throws {
        let root = try ImportFixtures.temporaryDirectory("failures")
        let knowledge = try ImportFixtures.temporaryDirectory("failures-knowledge")
        defer {
            try? FileManager.default.removeItem(at: root)
            try? FileManager.default.removeItem(at: knowledge)
        }
        let source = try makeExport(in: root)
        let wordExport = try makeWordExport(in: root)
        try Data("{ not json".utf8).write(to: source.appendingPathComponent("bo-tu-phap/1.000009.json"))
        var noLevel = ImportFixtures.record(code: "1.000010")
        noLevel["cap_thuc_hien"] = "Cấp huyện"
        try ImportFixtures.writeRecord(noLevel, folder: "bo-tu-phap", in: source)
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000001"), folder: "bo-tai-chinh", in: source, fileName: "1.000011.json")
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000013"), folder: "bo-tai-chinh", in: source, fileName: "1.000012.json")
        var districtDrill = ImportFixtures.wordRecord(code: "1.900003")
        districtDrill["metadata"] = ["mã_thủ_tục": "1.900003", "tên_thủ_tục": "Thủ tục cấp huyện", "cấp_thực_hiện": "Cấp Huyện", "lĩnh_vực": "Dân quân tự vệ"]
        try ImportFixtures.writeWordRecord(districtDrill, in: wordExport)
        try ImportFixtures.writeWordRecord(ImportFixtures.wordRecord(code: "1.000002"), in: wordExport, fileName: "1.900004.json")
        try Data([0x7B, 0xFF, 0x7D]).write(to: wordExport.appendingPathComponent("1.900005.json"))

        let reports = try CatalogImporter(sources: try sources(source, wordExport), knowledge: knowledge.path).run().reports
        let defence = try #require(reports.first { $0.source.name == "bo-quoc-phong" })
        let defenceMessages = defence.failures.map(\.description)
        #expect(defenceMessages.count == 2)
        #expect(defenceMessages.contains { $0.contains("bo-quoc-phong/1.900003.json: cấp_thực_hiện 'Cấp Huyện' names no known level") })
        #expect(defenceMessages.contains { $0.contains("bo-quoc-phong/1.900005.json: not a record of its source's format:") })
        #expect(defence.recordsWritten == 3)
        #expect(defence.tallies[.codeDiffersFromFileName]?.examples == ["1.000002"])

        // Sources are read by name: the Word export's 1.000002 comes first, the portal's is the duplicate.
        let portal = try #require(reports.first { $0.source.name == "dichvucong" })
        let messages = portal.failures.map(\.description)
        #expect(messages.count == 4)
        #expect(messages.contains { $0.contains("bo-tu-phap/1.000009.json: not a record of its source's format:") })
        #expect(messages.contains { $0.contains("bo-tu-phap/1.000010.json: cap_thuc_hien 'Cấp huyện' names no known level") })
        #expect(messages.contains { $0.contains("bo-tu-phap/1.000001.json: code 1.000001 was already imported from") })
        #expect(messages.contains { $0.contains("bo-tu-phap/1.000002.json: code 1.000002 was already imported from \(wordExport.path)/1.900004.json") })
        #expect(portal.recordsWritten == 3)
        #expect(portal.tallies[.codeDiffersFromFileName]?.examples == ["1.000001", "1.000013"])
    }

    @Test func sourceLevelErrorsStopTheImport() throws {
        let root = try ImportFixtures.temporaryDirectory("errors")
        defer { try? FileManager.default.removeItem(at: root) }
        let export = try makeExport(in: root)
        let wordExport = try makeWordExport(in: root)
        #expect(throws: ImportError.invalidRetrieved("2026-13")) {
            try CatalogImporter(sources: [CatalogSource(path: export.path, format: .portalExport, retrieved: "2026-13")], knowledge: root.path + "/out").read()
        }
        #expect(throws: ImportError.sourceMissing(root.path + "/missing")) {
            try CatalogImporter(sources: [CatalogSource(path: root.path + "/missing", format: .portalExport)], knowledge: root.path + "/out").read()
        }
        #expect(throws: ImportError.duplicateSource(export.path + "/", first: export.path)) {
            try CatalogImporter(sources: try sources(export) + [CatalogSource(path: export.path + "/", format: .portalExport)], knowledge: root.path + "/out").read()
        }

        let renamed = root.appendingPathComponent("bo-y-te")
        try FileManager.default.copyItem(at: wordExport, to: renamed)
        #expect(throws: ImportError.unknownMinistryFolder(renamed.path)) {
            try CatalogImporter(sources: try sources(renamed), knowledge: root.path + "/out").read()
        }
        try ImportFixtures.writeRecord(ImportFixtures.record(code: "1.000005"), folder: "bo-quoc-phong", in: export)
        #expect(throws: ImportError.duplicateMinistryFolder(export.path + "/bo-quoc-phong", first: wordExport.path)) {
            try CatalogImporter(sources: try sources(export, wordExport), knowledge: root.path + "/out").read()
        }
        try FileManager.default.createDirectory(at: export.appendingPathComponent("bo-y-te"), withIntermediateDirectories: true)
        #expect(throws: ImportError.unknownMinistryFolder(export.path + "/bo-y-te")) {
            try CatalogImporter(sources: try sources(export), knowledge: root.path + "/out").read()
        }
    }

    @Test func retrievedMonthIsWrittenPerSource() throws {
        let root = try ImportFixtures.temporaryDirectory("retrieved")
        defer { try? FileManager.default.removeItem(at: root) }
        let sources = [
            try CatalogSource.recognise(makeExport(in: root).path, retrieved: "2026-07"),
            try CatalogSource.recognise(makeWordExport(in: root).path),
        ]
        let (files, _) = try CatalogImporter(sources: sources, knowledge: root.path + "/out").read()
        #expect(files.filter { $0.source == "dichvucong" }.flatMap(\.procedures).allSatisfy { $0.retrieved == "2026-07" })
        #expect(files.filter { $0.source == "bo-quoc-phong" }.flatMap(\.procedures).allSatisfy { $0.retrieved == "2026-01" })
    }
}
