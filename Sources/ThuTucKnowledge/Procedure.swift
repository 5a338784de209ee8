/// One administrative procedure of the national catalogue, as facts only.
///
/// This is the schema of one line of `Knowledge/procedures/*.jsonl`; the
/// importer writes it (with `JSONEncoder`) and the loader reads it (with
/// its own reader, `Procedure+JSON.swift`). Prose paragraphs of the source
/// (steps, conditions) are not kept: answers link to ``url`` for them.
public struct Procedure: Encodable, Sendable, Hashable, Identifiable {
    /// The catalogue code ("1.001193").
    public var code: String
    public var name: String
    /// The decision that published the procedure ("163/QĐ-BTP").
    public var decision: String?
    /// The procedure's type ("TTHC được giao luật quy định chi tiết").
    public var type: String?
    /// The field (lĩnh vực), such as "Hộ tịch".
    public var field: String
    /// The ministry whose catalogue lists the procedure ("Bộ Tư pháp").
    public var ministry: String
    public var levels: [Level]
    /// Who may carry it out ("Công dân Việt Nam", "Doanh nghiệp").
    public var subjects: [String]
    /// The competent authority (cơ quan có thẩm quyền).
    public var authorities: [String]
    /// The agencies that carry it out (cơ quan thực hiện).
    public var agencies: [String]
    /// Where dossiers are received, when the source gives an address.
    public var address: String?
    public var channels: [Channel]
    public var documents: [DocumentGroup]
    public var legal: [LegalReference]
    public var results: [ResultDocument]
    /// The procedure's page on the national public-service portal.
    public var url: String
    /// When the source data was retrieved ("2026-06").
    public var retrieved: String

    public var id: String { code }

    public init(
        code: String, name: String, decision: String?, type: String?, field: String, ministry: String,
        levels: [Level], subjects: [String], authorities: [String], agencies: [String], address: String?,
        channels: [Channel], documents: [DocumentGroup], legal: [LegalReference], results: [ResultDocument],
        url: String, retrieved: String
    ) {
        self.code = code
        self.name = name
        self.decision = decision
        self.type = type
        self.field = field
        self.ministry = ministry
        self.levels = levels
        self.subjects = subjects
        self.authorities = authorities
        self.agencies = agencies
        self.address = address
        self.channels = channels
        self.documents = documents
        self.legal = legal
        self.results = results
        self.url = url
        self.retrieved = retrieved
    }
}
