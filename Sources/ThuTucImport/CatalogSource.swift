/// One source directory to import, its format and the month its records carry.
public struct CatalogSource: Sendable, Hashable {
    /// The directory.
    public var path: String
    public var format: SourceFormat
    /// The month written into every procedure of this source ("2026-06").
    public var retrieved: String

    public init(path: String, format: SourceFormat, retrieved: String? = nil) {
        self.path = path
        self.format = format
        self.retrieved = retrieved ?? format.defaultRetrieved
    }

    /// The source at `path`, its format recognised from its layout.
    public static func recognise(_ path: String, retrieved: String? = nil) throws(ImportError) -> CatalogSource {
        CatalogSource(path: path, format: try SourceFormat.recognise(path), retrieved: retrieved)
    }

    /// The directory's own name ("dichvucong", "bo-quoc-phong"): the source's
    /// name in the manifest and in `--retrieved NAME=YYYY-MM`.
    public var name: String { Self.name(of: path) }

    /// The last component of a directory path ("../shared/data/dichvucong/" → "dichvucong").
    public static func name(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
