import Foundation

/// One procedure as the portal export stores it: `<ministry-folder>/<code>.json`.
///
/// Only the fields the importer reads are declared; `raw_text`,
/// `yeu_cau_dieu_kien`, `thu_tuc_lien_quan`, `co_quan_duoc_uy_quyen`,
/// `co_quan_phoi_hop` and `formality_id` are deliberately not decoded. The
/// steps (`trinh_tu_thuc_hien`) are decoded to be read for the unit of a
/// bare-number time, never kept. A missing field reads as empty, like the
/// portal's own "Không có thông tin".
public struct PortalRecord: Decodable, Sendable, Hashable {
    public var code: String
    public var url: String
    public var name: String
    public var decision: String
    public var levels: String
    public var type: String
    public var field: String
    public var subjects: String
    public var authorities: String
    public var address: String
    public var channels: String
    public var documents: String
    public var legal: String
    public var agencies: String
    public var results: String
    public var steps: String

    enum CodingKeys: String, CodingKey {
        case code = "ma_thu_tuc"
        case url = "detail_url"
        case name = "ten_thu_tuc"
        case decision = "so_quyet_dinh"
        case levels = "cap_thuc_hien"
        case type = "loai_thu_tuc"
        case field = "linh_vuc"
        case subjects = "doi_tuong_thuc_hien"
        case authorities = "co_quan_co_tham_quyen"
        case address = "dia_chi_tiep_nhan"
        case channels = "cach_thuc_thuc_hien"
        case documents = "thanh_phan_ho_so"
        case legal = "can_cu_phap_ly"
        case agencies = "co_quan_thuc_hien"
        case results = "ket_qua_xu_ly"
        case steps = "trinh_tu_thuc_hien"
    }

    public init(
        code: String, url: String = "", name: String = "", decision: String = "", levels: String = "",
        type: String = "", field: String = "", subjects: String = "", authorities: String = "",
        address: String = "", channels: String = "", documents: String = "", legal: String = "",
        agencies: String = "", results: String = "", steps: String = ""
    ) {
        self.code = code
        self.url = url
        self.name = name
        self.decision = decision
        self.levels = levels
        self.type = type
        self.field = field
        self.subjects = subjects
        self.authorities = authorities
        self.address = address
        self.channels = channels
        self.documents = documents
        self.legal = legal
        self.agencies = agencies
        self.results = results
        self.steps = steps
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String {
            try container.decodeIfPresent(String.self, forKey: key) ?? ""
        }
        self.init(
            code: try text(.code), url: try text(.url), name: try text(.name), decision: try text(.decision),
            levels: try text(.levels), type: try text(.type), field: try text(.field), subjects: try text(.subjects),
            authorities: try text(.authorities), address: try text(.address), channels: try text(.channels),
            documents: try text(.documents), legal: try text(.legal), agencies: try text(.agencies),
            results: try text(.results), steps: try text(.steps)
        )
    }

    /// The record with every field in Unicode NFC: parsers match labels scalar by scalar.
    public func normalized() -> PortalRecord {
        let n = PortalText.normalized
        return PortalRecord(
            code: n(code), url: n(url), name: n(name), decision: n(decision), levels: n(levels), type: n(type),
            field: n(field), subjects: n(subjects), authorities: n(authorities), address: n(address),
            channels: n(channels), documents: n(documents), legal: n(legal), agencies: n(agencies), results: n(results),
            steps: n(steps)
        )
    }

    /// Reads one record file.
    public static func decode(_ data: Data) throws -> PortalRecord {
        try JSONDecoder().decode(PortalRecord.self, from: data)
    }
}
