import Foundation
import ThuTucImport
import ThuTucServer

/// `thutuc --version`: the program's version, and the date and size of the
/// knowledge it would serve, read from that knowledge's manifest.json
/// (loading the whole catalogue would take seconds in a debug build).
enum VersionCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: ["--config", "--knowledge"])
        try parsed.noPositionals()
        let directory = try CommonOptions(parsed).configuration.knowledge
        print("thutuc \(ProgramVersion.current)")
        print("knowledge: " + describe(directory: directory))
        return 0
    }

    private static func describe(directory: String) -> String {
        let path = directory + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: path),
              let manifest = try? JSONDecoder().decode(KnowledgeManifest.self, from: data)
        else { return "no readable manifest at \(path)" }
        let sources = manifest.sources.map { "\($0.name): \($0.records) retrieved \($0.retrieved)" }.joined(separator: "; ")
        return "\(manifest.records) procedures (\(sources)) in \(directory)"
    }
}
