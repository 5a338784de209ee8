import Foundation

/// A small Knowledge/ in a temporary directory: the committed lexicon and
/// templates, and the first procedures of one catalogue file. It loads in a
/// fraction of a second, and tests may break it, mend it and grow it.
final class KnowledgeCopy {
    /// The committed catalogue file the procedures come from (1.001193, birth registration, is line 24).
    static let source = ServerFixture.repositoryRoot + "/Knowledge/procedures/bo-tu-phap.jsonl"

    let path: String
    private let sourceLines: [String]
    private(set) var lines: [String]

    /// Copies the first `procedures` records.
    init(procedures: Int = 150) throws {
        path = NSTemporaryDirectory() + "thutuc-knowledge-" + UUID().uuidString
        let files = FileManager.default
        try files.createDirectory(atPath: path + "/procedures", withIntermediateDirectories: true)
        for part in ["lexicon", "templates"] {
            try files.copyItem(atPath: ServerFixture.repositoryRoot + "/Knowledge/" + part, toPath: path + "/" + part)
        }
        sourceLines = try String(contentsOfFile: Self.source, encoding: .utf8).split(separator: "\n").map(String.init)
        lines = Array(sourceLines.prefix(procedures))
        try write()
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The procedures file, as loader messages name it.
    var proceduresFile: String { path + "/procedures/catalogue.jsonl" }

    /// Replaces line `number` (1-based) with text that is not a record.
    func breakLine(_ number: Int, with text: String = "{\"code\": \"broken\"") throws {
        lines[number - 1] = text
        try write()
    }

    /// Puts back the original line `number`.
    func mendLine(_ number: Int) throws {
        lines[number - 1] = sourceLines[number - 1]
        try write()
    }

    /// Adds the next `count` records of the source file.
    func addProcedures(_ count: Int) throws {
        lines += sourceLines[lines.count..<min(sourceLines.count, lines.count + count)]
        try write()
    }

    private func write() throws {
        try (lines.joined(separator: "\n") + "\n").write(toFile: proceduresFile, atomically: true, encoding: .utf8)
    }
}
