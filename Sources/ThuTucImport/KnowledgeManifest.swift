/// `Knowledge/manifest.json`: where the catalogue came from and what each file holds.
///
/// It holds no timestamps or timings so that re-importing the same sources
/// gives the same bytes.
public struct KnowledgeManifest: Codable, Sendable, Hashable {
    /// One source the catalogue was imported from.
    public struct Source: Codable, Sendable, Hashable {
        /// The source directory's name ("dichvucong", "bo-quoc-phong").
        public var name: String
        public var format: SourceFormat
        /// What the source is, in words.
        public var title: String
        /// Where it is published.
        public var url: String
        /// The month its procedures carry ("2026-06").
        public var retrieved: String
        /// Records written from it.
        public var records: Int

        public init(name: String, format: SourceFormat, title: String, url: String, retrieved: String, records: Int) {
            self.name = name
            self.format = format
            self.title = title
            self.url = url
            self.retrieved = retrieved
            self.records = records
        }
    }

    /// One file of `procedures/`.
    public struct File: Codable, Sendable, Hashable {
        /// Relative to the Knowledge directory ("procedures/bo-tu-phap.jsonl").
        public var path: String
        public var ministry: String
        public var records: Int
        /// The name of the source it was imported from.
        public var source: String
    }

    /// The national public-service portal, which publishes the national procedure database.
    public static let portalURL = "https://dichvucong.gov.vn"

    /// The sources, by name.
    public var sources: [Source]
    /// Records over all files.
    public var records: Int
    public var files: [File]

    public init(sources: [Source], files: [File]) {
        self.sources = sources.sorted { $0.name < $1.name }
        self.files = files
        records = files.reduce(0) { $0 + $1.records }
    }
}
