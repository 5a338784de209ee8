/// One way to submit a dossier, with its processing time and fee.
public struct Channel: Codable, Sendable, Hashable {
    /// How the dossier reaches the agency.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case inPerson = "truc-tiep"
        case online = "truc-tuyen"
        case post = "buu-chinh"

        /// The Vietnamese label ("Trực tiếp").
        public var label: String {
            switch self {
            case .inPerson: "Trực tiếp"
            case .online: "Trực tuyến"
            case .post: "Dịch vụ bưu chính"
            }
        }
    }

    public var kind: Kind
    /// Processing time, or nil when the portal gives none.
    public var time: ProcessingTime?
    /// Fee, or nil when the portal gives none.
    public var fee: Fee?

    public init(kind: Kind, time: ProcessingTime?, fee: Fee?) {
        self.kind = kind
        self.time = time
        self.fee = fee
    }
}

/// A processing time as the portal states it, and as a number with a unit when it is one.
public struct ProcessingTime: Codable, Sendable, Hashable {
    /// The unit of a processing time.
    public enum Unit: String, Codable, Sendable, CaseIterable {
        case workingDays = "ngay-lam-viec"
        case days = "ngay"
        case hours = "gio"
        case months = "thang"

        /// The Vietnamese label ("ngày làm việc").
        public var label: String {
            switch self {
            case .workingDays: "ngày làm việc"
            case .days: "ngày"
            case .hours: "giờ"
            case .months: "tháng"
            }
        }
    }

    /// The time as the source states it ("3 Ngày làm việc").
    public var text: String
    /// The number of units, when the text holds one.
    public var value: Double?
    /// The unit, when the source names one; a bare number has none.
    public var unit: Unit?

    public init(text: String, value: Double?, unit: Unit?) {
        self.text = text
        self.value = value
        self.unit = unit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
    }
}

/// A fee as the source states it, and as an amount in đồng.
public struct Fee: Codable, Sendable, Hashable {
    /// The fee as the source states it ("7,000 Việt Nam Đồng", "Miễn phí").
    public var text: String
    /// The amount in đồng: 0 for "Miễn phí", nil when the source gives no single amount.
    public var amount: Int?
    /// The source's note on the fee (rates per case, exemptions), when it has one.
    public var note: String?

    public init(text: String, amount: Int?, note: String?) {
        self.text = text
        self.amount = amount
        self.note = note
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(amount, forKey: .amount)
        try container.encodeIfPresent(note, forKey: .note)
    }
}
