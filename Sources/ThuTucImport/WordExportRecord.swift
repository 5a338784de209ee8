import Foundation

/// One procedure as extracted from the portal's per-procedure Word export
/// ("ChiTietTTHC_<code>.doc"): `<code>.json` with `metadata`, `content` and
/// `tables`, the tables already split into rows.
///
/// Only the fields the importer reads are declared; the prose of `content`
/// (`yêu_cầu_điều_kiện_thực_hiện`, `mô_tả`, `từ_khóa`), `cơ_quan_được_ủy_quyền`,
/// `cơ_quan_phối_hợp` and `source_file` are deliberately not decoded. The
/// steps (`trình_tự_thực_hiện`) and the channel rows' `mo_ta` are decoded to
/// be read for facts (a time's unit, a row's case, what is online), never kept. A missing field reads as
/// empty, like the source's own "Không có thông tin".
public struct WordExportRecord: Decodable, Sendable, Hashable {
    /// A row of `hinh_thuc_nop`: how to submit, with its time and fee.
    public struct ChannelRow: Decodable, Sendable, Hashable {
        /// "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính".
        public var kind: String
        /// "30 Ngày làm việc", "01 Giờ", "Không quy định", or empty.
        public var time: String
        /// "Phí : 0 Đồng", several such lines, or empty.
        public var fee: String
        /// The row's prose (`mo_ta`): read for facts, not kept.
        public var description: String

        enum CodingKeys: String, CodingKey {
            case kind = "hinh_thuc"
            case time = "thoi_han_giai_quyet"
            case fee = "phi_le_phi"
            case description = "mo_ta"
        }

        public init(kind: String, time: String = "", fee: String = "", description: String = "") {
            self.kind = kind
            self.time = time
            self.fee = fee
            self.description = description
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                kind: try container.text(.kind), time: try container.text(.time), fee: try container.text(.fee),
                description: try container.text(.description)
            )
        }
    }

    /// A row of `thanh_phan_ho_so`: a document, its form files and its counts.
    public struct DocumentRow: Decodable, Sendable, Hashable {
        public var name: String
        /// The form's file name, one per line ("Mus01.docx"), or empty.
        public var forms: String
        /// "Bản chính: 1\nBản sao: 0".
        public var counts: String

        enum CodingKeys: String, CodingKey {
            case name = "ten_giay_to"
            case forms = "so_luong"
            case counts = "ghi_chu"
        }

        public init(name: String, forms: String = "", counts: String = "") {
            self.name = name
            self.forms = forms
            self.counts = counts
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                name: try container.text(.name), forms: try container.text(.forms), counts: try container.text(.counts)
            )
        }
    }

    /// A row of `can_cu_phap_ly`: a legal document in four cells, any of them possibly empty.
    public struct LegalRow: Decodable, Sendable, Hashable {
        /// The number cell ("13/2016/NĐ-CP", "Luật 47/2014/QH13", sometimes cut short: "104").
        public var number: String
        /// The abstract (trích yếu).
        public var title: String
        /// "19-02-2016".
        public var date: String
        public var issuer: String

        enum CodingKeys: String, CodingKey {
            case number = "so_ky_hieu"
            case title = "trich_yeu"
            case date = "ngay_ban_hanh"
            case issuer = "co_quan_ban_hanh"
        }

        public init(number: String, title: String = "", date: String = "", issuer: String = "") {
            self.number = number
            self.title = title
            self.date = date
            self.issuer = issuer
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                number: try container.text(.number), title: try container.text(.title),
                date: try container.text(.date), issuer: try container.text(.issuer)
            )
        }
    }

    public var code: String
    public var name: String
    public var decision: String
    public var levels: String
    public var type: String
    public var field: String
    public var subjects: String
    public var agencies: String
    public var authorities: String
    public var address: String
    public var results: String
    public var channels: [ChannelRow]
    public var documents: [DocumentRow]
    public var legal: [LegalRow]
    /// The steps (`trình_tự_thực_hiện`): read for the unit of a bare-number time, not kept.
    public var steps: String

    public init(
        code: String, name: String = "", decision: String = "", levels: String = "", type: String = "",
        field: String = "", subjects: String = "", agencies: String = "", authorities: String = "",
        address: String = "", results: String = "", channels: [ChannelRow] = [], documents: [DocumentRow] = [],
        legal: [LegalRow] = [], steps: String = ""
    ) {
        self.code = code
        self.name = name
        self.decision = decision
        self.levels = levels
        self.type = type
        self.field = field
        self.subjects = subjects
        self.agencies = agencies
        self.authorities = authorities
        self.address = address
        self.results = results
        self.channels = channels
        self.documents = documents
        self.legal = legal
        self.steps = steps
    }

    enum SectionKeys: String, CodingKey {
        case metadata, content, tables
    }

    enum MetadataKeys: String, CodingKey {
        case code = "mã_thủ_tục"
        case name = "tên_thủ_tục"
        case decision = "số_quyết_định"
        case levels = "cấp_thực_hiện"
        case type = "loại_thủ_tục"
        case field = "lĩnh_vực"
    }

    enum ContentKeys: String, CodingKey {
        case subjects = "đối_tượng_thực_hiện"
        case agencies = "cơ_quan_thực_hiện"
        case authorities = "cơ_quan_có_thẩm_quyền"
        case address = "địa_chỉ_tiếp_nhận_hs"
        case results = "kết_quả_thực_hiện"
        case steps = "trình_tự_thực_hiện"
    }

    enum TableKeys: String, CodingKey {
        case channels = "hinh_thuc_nop"
        case documents = "thanh_phan_ho_so"
        case legal = "can_cu_phap_ly"
    }

    public init(from decoder: any Decoder) throws {
        let sections = try decoder.container(keyedBy: SectionKeys.self)
        let metadata = try sections.nestedContainer(keyedBy: MetadataKeys.self, forKey: .metadata)
        let content = try sections.nestedContainer(keyedBy: ContentKeys.self, forKey: .content)
        let tables = try sections.nestedContainer(keyedBy: TableKeys.self, forKey: .tables)
        self.init(
            code: try metadata.text(.code), name: try metadata.text(.name), decision: try metadata.text(.decision),
            levels: try metadata.text(.levels), type: try metadata.text(.type), field: try metadata.text(.field),
            subjects: try content.text(.subjects), agencies: try content.text(.agencies),
            authorities: try content.text(.authorities), address: try content.text(.address),
            results: try content.text(.results),
            channels: try tables.decodeIfPresent([ChannelRow].self, forKey: .channels) ?? [],
            documents: try tables.decodeIfPresent([DocumentRow].self, forKey: .documents) ?? [],
            legal: try tables.decodeIfPresent([LegalRow].self, forKey: .legal) ?? [],
            steps: try content.text(.steps)
        )
    }

    /// Reads one record file, every key and value in Unicode NFC: half of the
    /// export's files spell their diacritics decomposed, and both the section
    /// names and the parsers' labels are matched scalar by scalar.
    public static func decode(_ data: Data) throws -> WordExportRecord {
        guard let raw = String(data: data, encoding: .utf8) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "the file is not UTF-8"))
        }
        let text = PortalText.normalized(raw)
        return try JSONDecoder().decode(WordExportRecord.self, from: Data(text.utf8))
    }

    /// Whether `data` is a JSON object with the three sections of this format,
    /// which is how a source directory of these records is recognised.
    static func hasSections(_ data: Data) -> Bool {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return [SectionKeys.metadata, .content, .tables].allSatisfy { object[$0.rawValue] is [String: Any] }
    }
}

extension KeyedDecodingContainer {
    /// The string at `key` in NFC (an escaped scalar escapes the whole-file
    /// normalisation), or "" when it is absent or null.
    fileprivate func text(_ key: Key) throws -> String {
        PortalText.normalized(try decodeIfPresent(String.self, forKey: key) ?? "")
    }
}
