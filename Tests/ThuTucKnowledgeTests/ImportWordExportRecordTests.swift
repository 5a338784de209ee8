import Testing
import ThuTucImport
import ThuTucKnowledge

/// One Word-export record to a procedure: what identifies it, levels, decision, link.
struct ImportWordExportRecordTests {
    let importer = RecordImporter(ministry: "Bộ Quốc phòng", retrieved: "2026-01")

    private func record(levels: String = "Cấp Xã", decision: String = "") -> WordExportRecord {
        WordExportRecord(
            code: "1.900010", name: "Thủ tục xác nhận đã hoàn thành huấn luyện", decision: decision, levels: levels,
            field: "Dân quân tự vệ", results: "Giấy xác nhận, có chữ ký của Chỉ huy trưởng, Sổ theo dõi."
        )
    }

    @Test func levelsInAnyCapitalisationAndCombination() throws {
        let cases: [(String, [Level])] = [
            ("Cấp Xã", [.commune]),
            ("Cấp Bộ", [.ministry]),
            ("Cấp Tỉnh", [.province]),
            ("Cấp Tỉnh, Cấp Xã", [.province, .commune]),
            ("Cấp Xã, Cấp Bộ", [.ministry, .commune]),
            ("Cấp Bộ, Cấp Tỉnh, Cấp Xã, Cơ quan khác", [.ministry, .province, .commune, .other]),
            ("cấp xã", [.commune]),
        ]
        for (text, levels) in cases {
            #expect(try importer.procedure(from: record(levels: text), file: "1.900010.json").procedure.levels == levels, "\(text)")
        }
        #expect(throws: ImportError.noLevel("1.900010.json", field: "cấp_thực_hiện", "Cấp Huyện")) {
            try importer.procedure(from: record(levels: "Cấp Huyện"), file: "1.900010.json")
        }
    }

    @Test func decisionCellsKeepTheBareNumber() throws {
        let cases: [(String, String?)] = [
            ("Quyết định số 7001/QĐ-BQP", "7001/QĐ-BQP"),
            ("7002 /QĐ-BQP", "7002/QĐ-BQP"),
            ("7003/QĐ-BQP", "7003/QĐ-BQP"),
            ("Quyết định số 7004", "Quyết định số 7004"),
            ("Không có thông tin", nil),
        ]
        for (cell, decision) in cases {
            let (procedure, problems) = try importer.procedure(from: record(decision: cell), file: "1.900010.json")
            #expect(procedure.decision == decision, "\(cell)")
            #expect(problems.contains { $0.kind == .decisionWithoutNumber } == (cell == "Quyết định số 7004"), "\(cell)")
        }
    }

    @Test func theResultCellStaysWholeAndTheLinkIsThePortalSearchForTheCode() throws {
        let procedure = try importer.procedure(from: record(), file: "x/1.900010.json").procedure
        #expect(procedure.results == [ResultDocument(name: "Giấy xác nhận, có chữ ký của Chỉ huy trưởng, Sổ theo dõi.", code: nil)])
        #expect(procedure.url == "https://dichvucong.gov.vn/tra-cuu-thu-tuc/danh-sach?keyword=1.900010")
        #expect(procedure.ministry == "Bộ Quốc phòng")
        #expect(procedure.retrieved == "2026-01")
    }

    @Test func aRecordWithoutItsIdentityFails() {
        var noName = record()
        noName.name = "Không có thông tin"
        #expect(throws: ImportError.missingField("1.900010.json", "tên_thủ_tục")) {
            try importer.procedure(from: noName, file: "1.900010.json")
        }
        var badCode = record()
        badCode.code = "1.90001"
        #expect(throws: ImportError.invalidCode("1.90001.json", field: "mã_thủ_tục", "1.90001")) {
            try importer.procedure(from: badCode, file: "1.90001.json")
        }
    }
}
