/// One way to submit a dossier, with its processing time and fee.
public struct Channel: Encodable, Sendable, Hashable {
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

    /// What can be done online, as the channel's description says.
    public enum OnlineScope: String, Codable, Sendable, CaseIterable {
        /// The whole procedure, result included ("trực tuyến toàn trình").
        case full = "toan-trinh"
        /// The dossier is sent online; the rest is not said to be.
        case submit = "nop-ho-so"
        /// Only a time and place are booked online; the procedure is done in person.
        case booking = "dat-lich"
    }

    public var kind: Kind
    /// Processing time, or nil when the portal gives none.
    public var time: ProcessingTime?
    /// Fee, or nil when the portal gives none.
    public var fee: Fee?
    /// The case this row applies to ("Trường hợp nội dung thẩm định phức tạp"),
    /// when the record lists several rows of one kind that differ.
    public var caseLabel: String?
    /// For an online channel, what can be done online.
    public var online: OnlineScope?

    public init(kind: Kind, time: ProcessingTime?, fee: Fee?, caseLabel: String? = nil, online: OnlineScope? = nil) {
        self.kind = kind
        self.time = time
        self.fee = fee
        self.caseLabel = caseLabel
        self.online = online
    }

    enum CodingKeys: String, CodingKey {
        case kind, time, fee, online
        case caseLabel = "case"
    }
}

/// A processing time as the portal states it, and as a number with a unit when it is one.
public struct ProcessingTime: Encodable, Sendable, Hashable {
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
    /// The unit, when the source names one: in the cell, or for a bare
    /// number where the record's own text states that number with its unit
    /// (the text then keeps the bare number).
    public var unit: Unit?

    public init(text: String, value: Double?, unit: Unit?) {
        self.text = text
        self.value = value
        self.unit = unit
    }

    enum CodingKeys: String, CodingKey {
        case text, value, unit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
    }
}

/// A fee as the source states it, and as an amount in đồng; with what its
/// note says: amounts, who sets the fee, until when it applies.
public struct Fee: Encodable, Sendable, Hashable {
    /// What the note says a fee the cell gives no amount for ("Miễn phí",
    /// no information) rests on.
    public enum Basis: String, Codable, Sendable, CaseIterable {
        /// There is no fee ("Miễn lệ phí", "Không thu"); ``Fee/extra`` may
        /// name a charge made besides.
        case waived = "mien"
        /// The province sets it (Hội đồng nhân dân cấp tỉnh, "địa phương").
        case province = "tinh"
        /// A legal text sets it (``Fee/law``), or the law on fees in general.
        case law = "van-ban"
        /// The note states the amounts (``Fee/rates``).
        case rates = "muc"
        /// The note states the fee in a foreign currency ("200 USD/lần").
        case foreignCurrency = "ngoai-te"
    }

    /// An amount the note states.
    public struct Rate: Encodable, Sendable, Hashable {
        /// In đồng.
        public var amount: Int
        /// What it is for ("lần", "trang"), when the note says "…/lần".
        public var per: String?
        /// The last day it applies ("2025-12-31"), when its sentence says so.
        public var until: String?

        public init(amount: Int, per: String? = nil, until: String? = nil) {
            self.amount = amount
            self.per = per
            self.until = until
        }
    }

    /// The fee as the source states it ("7,000 Việt Nam Đồng", "Miễn phí").
    public var text: String
    /// The amount in đồng: 0 for "Miễn phí", nil when the source gives no single amount.
    public var amount: Int?
    /// The source's note on the fee (rates per case, exemptions), when it has one.
    public var note: String?
    /// What ``amount`` is for ("trang"), when the source split it off as a note ("/trang").
    public var per: String?
    /// The currency of a fee not in đồng ("USD"); such a fee has no ``amount``.
    public var currency: String?
    /// Whether the row says the fee is paid at a Vietnamese mission abroad ("Tại cơ quan đại diện").
    public var abroad: Bool
    /// What the note says the fee rests on, when the cell gives no amount
    /// and the note could be read; nil otherwise.
    public var basis: Basis?
    /// The first legal text the note names, by its type and number
    /// ("Thông tư 244/2016/TT-BTC"; the number alone when it names no type).
    public var law: String?
    /// A charge the note names besides a waived fee ("Phí cấp bản sao
    /// Trích lục kết hôn (nếu có yêu cầu)").
    public var extra: String?
    /// The amounts in đồng the note states, in order, each once.
    public var rates: [Rate]
    /// The last day the note says it applies, when it says so ("đến hết ngày 31/12/2025").
    public var until: String?

    public init(
        text: String, amount: Int?, note: String?, per: String? = nil, currency: String? = nil, abroad: Bool = false,
        basis: Basis? = nil, law: String? = nil, extra: String? = nil, rates: [Rate] = [], until: String? = nil
    ) {
        self.text = text
        self.amount = amount
        self.note = note
        self.per = per
        self.currency = currency
        self.abroad = abroad
        self.basis = basis
        self.law = law
        self.extra = extra
        self.rates = rates
        self.until = until
    }

    enum CodingKeys: String, CodingKey {
        case text, amount, note, per, currency, abroad, basis, law, extra, rates, until
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(amount, forKey: .amount)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(per, forKey: .per)
        try container.encodeIfPresent(currency, forKey: .currency)
        if abroad { try container.encode(abroad, forKey: .abroad) }
        try container.encodeIfPresent(basis, forKey: .basis)
        try container.encodeIfPresent(law, forKey: .law)
        try container.encodeIfPresent(extra, forKey: .extra)
        if !rates.isEmpty { try container.encode(rates, forKey: .rates) }
        try container.encodeIfPresent(until, forKey: .until)
    }
}
