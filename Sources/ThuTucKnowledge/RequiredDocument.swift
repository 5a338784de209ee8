/// A group of required documents, as the source groups them: a section of
/// the dossier ("Giấy tờ phải nộp") or a case ("Trường hợp ủy quyền …").
public struct DocumentGroup: Encodable, Sendable, Hashable {
    /// The group's heading without the source's numbering or final colon,
    /// or nil for the single unnamed group most procedures have.
    public var title: String?
    public var items: [RequiredDocument]
    /// The source's notes on the group ("Lưu ý: …"), which are no documents.
    public var notes: [String]
    /// Whether the group is the dossier of one case ("Trường hợp ủy quyền …",
    /// "Đối với công trình theo tuyến") rather than a section of the
    /// dossier everyone files ("Giấy tờ phải nộp", or no heading).
    public var isCase: Bool

    public init(title: String?, items: [RequiredDocument], notes: [String] = [], isCase: Bool = false) {
        self.title = title
        self.items = items
        self.notes = notes
        self.isCase = isCase
    }

    enum CodingKeys: String, CodingKey {
        case title, items, notes
        case isCase = "case"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encode(items, forKey: .items)
        if !notes.isEmpty { try container.encode(notes, forKey: .notes) }
        if isCase { try container.encode(isCase, forKey: .isCase) }
    }
}

/// One document a citizen brings or sends, with how many copies of which kind.
public struct RequiredDocument: Encodable, Sendable, Hashable {
    /// The document as the source names it, without the source's numbering.
    public var name: String
    /// The form to fill in, by its name ("Mẫu CT01", "Mẫu số 02"), read from
    /// the source's file name; nil when the source gives none or its file
    /// name does not say which form it is.
    public var form: String?
    /// Number of originals (bản chính).
    public var originals: Int
    /// Number of copies (bản sao).
    public var copies: Int
    /// The sub-items the source lists under it ("+ Giấy chứng nhận …"), in order.
    public var details: [String]
    /// Whether the source asks for it only in some cases ("Trường hợp trẻ
    /// em bị bỏ rơi thì …", "… (nếu có)"): answers list it after the others.
    public var conditional: Bool

    public init(name: String, form: String? = nil, originals: Int, copies: Int, details: [String] = [], conditional: Bool = false) {
        self.name = name
        self.form = form
        self.originals = originals
        self.copies = copies
        self.details = details
        self.conditional = conditional
    }

    enum CodingKeys: String, CodingKey {
        case name, form, originals, copies, details, conditional
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(form, forKey: .form)
        try container.encode(originals, forKey: .originals)
        try container.encode(copies, forKey: .copies)
        if !details.isEmpty { try container.encode(details, forKey: .details) }
        if conditional { try container.encode(conditional, forKey: .conditional) }
    }
}

/// A law, decree or circular a procedure rests on.
public struct LegalReference: Codable, Sendable, Hashable {
    /// The document's title as the source gives it.
    public var title: String
    /// Its number, such as "123/2015/NĐ-CP", when the source gives one.
    public var number: String?
    /// The day it was issued, "2016-02-19", when the source gives it in a cell of its own.
    public var date: String?
    /// Who issued it ("Chính phủ", "Quốc Hội"), when the source gives it in a cell of its own.
    public var issuer: String?

    public init(title: String, number: String?, date: String? = nil, issuer: String? = nil) {
        self.title = title
        self.number = number
        self.date = date
        self.issuer = issuer
    }
}

/// A document the citizen receives at the end of a procedure.
public struct ResultDocument: Codable, Sendable, Hashable {
    public var name: String
    /// The portal's result code ("KQ.G15.000031"), when given.
    public var code: String?

    public init(name: String, code: String?) {
        self.name = name
        self.code = code
    }
}
