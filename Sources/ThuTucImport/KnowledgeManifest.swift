/// `Knowledge/manifest.json`: where the catalogue came from and what each file holds.
///
/// It holds no timestamps or timings so that re-importing the same source
/// gives the same bytes.
public struct KnowledgeManifest: Codable, Sendable, Hashable {
    /// The source the catalogue was imported from.
    public struct Source: Codable, Sendable, Hashable {
        public var name: String
        public var url: String
    }

    /// One file of `procedures/`.
    public struct File: Codable, Sendable, Hashable {
        /// Relative to the Knowledge directory ("procedures/bo-tu-phap.jsonl").
        public var path: String
        public var ministry: String
        public var records: Int
    }

    public var source: Source
    /// When the source was retrieved ("2026-06").
    public var retrieved: String
    /// Records over all files.
    public var records: Int
    public var files: [File]

    /// The national public-service portal, which publishes the national procedure database.
    public static let portal = Source(name: "Cổng Dịch vụ công quốc gia", url: "https://dichvucong.gov.vn")

    public init(source: Source = KnowledgeManifest.portal, retrieved: String, files: [File]) {
        self.source = source
        self.retrieved = retrieved
        self.files = files
        records = files.reduce(0) { $0 + $1.records }
    }
}
