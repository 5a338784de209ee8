import Foundation

/// Paths and scratch directories shared by the importer's tests.
enum ImportFixtures {
    /// The repository root, found from this file's path (Tests/ThuTucKnowledgeTests/…).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The portal export beside the repository (../shared/data/dichvucong).
    static let sharedData = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/dichvucong")
    /// The Word export beside the repository (../shared/data/bo-quoc-phong).
    static let sharedWordExport = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data/bo-quoc-phong")

    static let committedKnowledge = repositoryRoot.appendingPathComponent("Knowledge")

    /// Whether both shared sources are beside the repository.
    static var sharedDataAvailable: Bool {
        FileManager.default.fileExists(atPath: sharedData.path) && FileManager.default.fileExists(atPath: sharedWordExport.path)
    }

    /// A fresh empty directory under the system's temporary directory.
    static func temporaryDirectory(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("thutuc-import-tests-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `record` as `<directory>/<folder>/<code>.json` in the portal's field names.
    static func writeRecord(_ record: [String: String], folder: String, in directory: URL, fileName: String? = nil) throws {
        let folderURL = directory.appendingPathComponent(folder)
        try FileManager.default.createDirectory(at: folderURL, withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        let name = fileName ?? ((record["ma_thu_tuc"] ?? "record") + ".json")
        try data.write(to: folderURL.appendingPathComponent(name))
    }

    /// A complete record in the portal's shape, with the quirks the importer must handle.
    static func record(code: String, name: String = "Thủ tục đăng ký khai sinh") -> [String: String] {
        [
            "ma_thu_tuc": code,
            "detail_url": "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/\(code)",
            "formality_id": "",
            "ten_thu_tuc": name,
            "so_quyet_dinh": "163/QĐ-BTP",
            "cap_thuc_hien": "Cấp tỉnh, Cấp xã",
            "loai_thu_tuc": "TTHC được giao luật quy định chi tiết",
            "linh_vuc": "Hộ tịch",
            "doi_tuong_thuc_hien": "Công dân Việt Nam, Cán bộ, công chức, viên chức",
            "co_quan_co_tham_quyen": "Ủy ban Nhân dân\u{00A0}xã,\u{00A0}phường,\u{00A0}thị trấn.",
            "dia_chi_tiep_nhan": "",
            "co_quan_duoc_uy_quyen": "",
            "co_quan_phoi_hop": "",
            "thu_tuc_lien_quan": "Không có thông tin",
            "trinh_tu_thuc_hien": "Bước 1: nộp hồ sơ. Bước 2: nhận kết quả.",
            "cach_thuc_thuc_hien": "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việc8,000 Việt Nam Đồng(8.000 đồng/lần)Nộp tại Trung tâm phục vụ hành chính côngTrực tuyến1Miễn phí",
            "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinhMẫu số 01.docx1 bản chínhGiấy chứng sinh0 bản chính,1 bản sao",
            "can_cu_phap_ly": "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định 123/2015/NĐ-CP123/2015/NĐ-CP",
            "co_quan_thuc_hien": "Không có thông tin",
            "yeu_cau_dieu_kien": "Không có thông tin",
            "ket_qua_xu_ly": "Giấy khai sinhMã: KQ.G15.000001Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phố-- Chọn Tỉnh/ Thành phố --Nộp hồ sơ",
            "raw_text": "raw_text is never copied",
        ]
    }

    /// Writes `record` as `<directory>/<code>.json`, a Word export's layout.
    static func writeWordRecord(_ record: [String: Any], in directory: URL, fileName: String? = nil) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        let code = (record["metadata"] as? [String: String])?["mã_thủ_tục"] ?? "record"
        try data.write(to: directory.appendingPathComponent(fileName ?? (code + ".json")))
    }

    /// A complete record in the Word export's shape, written for the tests, with its quirks:
    /// capitalised levels, "Phí : 0 Đồng", an empty fee, a form in `so_luong`, a legal row
    /// without an issuer and a number cell cut short.
    static func wordRecord(code: String, name: String = "Thủ tục đăng ký tham gia huấn luyện dự bị") -> [String: Any] {
        [
            "thu_tuc_id": code,
            "source_file": "ChiTietTTHC_\(code).doc",
            "metadata": [
                "mã_thủ_tục": code,
                "tên_thủ_tục": name,
                "số_quyết_định": "Quyết định số 1234/QĐ-BQP",
                "cấp_thực_hiện": "Cấp Tỉnh, Cấp Xã",
                "loại_thủ_tục": "TTHC được luật giao quy định chi tiết",
                "lĩnh_vực": "Dân quân tự vệ",
            ],
            "content": [
                "trình_tự_thực_hiện": "Bước 1: đến Ban Chỉ huy. Bước 2: nhận giấy.",
                "cách_thức_thực_hiện": "",
                "đối_tượng_thực_hiện": "Công dân Việt Nam, Cán bộ, công chức, viên chức",
                "cơ_quan_thực_hiện": "Ban chỉ huy quân sự cấp Xã",
                "cơ_quan_có_thẩm_quyền": "Không có thông tin",
                "cơ_quan_được_ủy_quyền": "Không có thông tin",
                "cơ_quan_phối_hợp": "Không có thông tin",
                "địa_chỉ_tiếp_nhận_hs": "Không có thông tin",
                "kết_quả_thực_hiện": "Giấy xác nhận đã tham gia huấn luyện",
                "yêu_cầu_điều_kiện_thực_hiện": "Đủ 18 tuổi.",
                "từ_khóa": "Không có thông tin",
                "mô_tả": "Không có thông tin",
            ],
            "tables": [
                "hinh_thuc_nop": [
                    ["hinh_thuc": "Trực tiếp", "thoi_han_giai_quyet": "3 Ngày làm việc", "phi_le_phi": "Phí : 0 Đồng", "mo_ta": "Nộp tại Ban Chỉ huy"],
                    ["hinh_thuc": "Trực tuyến", "thoi_han_giai_quyet": "04 Giờ", "phi_le_phi": "", "mo_ta": ""],
                ],
                "thanh_phan_ho_so": [
                    ["ten_giay_to": "Tờ khai tham gia huấn luyện", "so_luong": "MauHL01.docx", "ghi_chu": "Bản chính: 1\nBản sao: 0"],
                    ["ten_giay_to": "- Bản chụp thẻ Căn cước", "so_luong": "", "ghi_chu": "Bản chính: 0\nBản sao: 1"],
                ],
                "can_cu_phap_ly": [
                    ["so_ky_hieu": "Luật 11/2030/QH16", "trich_yeu": "Luật Dân quân", "ngay_ban_hanh": "05-03-2030", "co_quan_ban_hanh": "Quốc Hội"],
                    ["so_ky_hieu": "77", "trich_yeu": "Nghị định số 77/2031/NĐ-CP về huấn luyện", "ngay_ban_hanh": "01-07-2031"],
                ],
            ],
        ]
    }

    /// Every `*.jsonl` file of a procedures directory, by file name.
    static func jsonLines(in directory: URL) throws -> [String: Data] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".jsonl") }
        var files: [String: Data] = [:]
        for name in names {
            files[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return files
    }
}
