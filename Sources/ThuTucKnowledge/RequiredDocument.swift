/// A group of required documents, as the source groups them ("Giấy tờ phải nộp").
public struct DocumentGroup: Codable, Sendable, Hashable {
    /// The group's heading, or nil for the single unnamed group most procedures have.
    public var title: String?
    public var items: [RequiredDocument]

    public init(title: String?, items: [RequiredDocument]) {
        self.title = title
        self.items = items
    }
}

/// One document a citizen brings or sends, with how many copies of which kind.
public struct RequiredDocument: Codable, Sendable, Hashable {
    /// The document as the source names it.
    public var name: String
    /// The form's file name where the source gives one ("Mẫu số 01.docx").
    public var form: String?
    /// Number of originals (bản chính).
    public var originals: Int
    /// Number of copies (bản sao).
    public var copies: Int

    public init(name: String, form: String? = nil, originals: Int, copies: Int) {
        self.name = name
        self.form = form
        self.originals = originals
        self.copies = copies
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
