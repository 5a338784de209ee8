/// Why the import, or one record of it, could not be done at all.
///
/// Record errors name the file; the importer reports them and writes the
/// other records, then exits non-zero. Source errors (missing, unrecognised,
/// given twice, an unknown ministry) stop the import before anything is written.
public enum ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    case sourceMissing(String)
    case sourceUnrecognised(String, String)
    case duplicateSource(String, first: String)
    case duplicateMinistryFolder(String, first: String)
    case unknownMinistryFolder(String)
    case unreadableFile(String, String)
    case invalidJSON(String, String)
    case missingField(String, String)
    case invalidCode(String, field: String, String)
    case invalidURL(String, String)
    case noLevel(String, field: String, String)
    case duplicateCode(String, code: String, first: String)
    case invalidRetrieved(String)
    case writeFailed(String, String)

    public var description: String {
        switch self {
        case .sourceMissing(let path):
            "\(path): no such directory"
        case .sourceUnrecognised(let path, let reason):
            "\(path): not a source the importer knows (a portal export or a Word export): \(reason)"
        case .duplicateSource(let path, let first):
            "\(path): a source of the same name was already given (\(first))"
        case .duplicateMinistryFolder(let path, let first):
            "\(path): this ministry was already imported from \(first)"
        case .unknownMinistryFolder(let path):
            "\(path): unknown ministry folder; add it to Ministry.namesByFolder"
        case .unreadableFile(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .invalidJSON(let path, let reason):
            "\(path): not a record of its source's format: \(reason)"
        case .missingField(let path, let field):
            "\(path): \(field) is empty"
        case .invalidCode(let path, let field, let code):
            "\(path): \(field) '\(code)' is not of the form 1.234567"
        case .invalidURL(let path, let url):
            "\(path): detail_url '\(url)' is not an https:// address"
        case .noLevel(let path, let field, let text):
            "\(path): \(field) '\(text)' names no known level"
        case .duplicateCode(let path, let code, let first):
            "\(path): code \(code) was already imported from \(first)"
        case .invalidRetrieved(let value):
            "--retrieved '\(value)' is not of the form YYYY-MM"
        case .writeFailed(let path, let reason):
            "\(path): cannot write: \(reason)"
        }
    }
}
