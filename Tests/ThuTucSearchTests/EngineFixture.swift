import Foundation
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucSearch

/// The committed knowledge, loaded once for every test in this target.
enum EngineFixture {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let knowledge: KnowledgeBase = {
        do {
            return try KnowledgeLoader.load(directory: repositoryRoot.appendingPathComponent("Knowledge").path)
        } catch {
            fatalError("the committed Knowledge/ must load: \(error)")
        }
    }()

    static let hotline = "1800 1096"

    /// A city deployment: commune, then province, then central.
    static let assistant = Assistant(knowledge: knowledge, hotline: hotline)

    /// One question in a fresh session.
    static func ask(_ text: String, maxCharacters: Int? = nil) -> Reply {
        var session = Session()
        return assistant.respond(to: text, in: &session, maxCharacters: maxCharacters)
    }

    /// The question files under Tests/Questions.
    static func questions(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/Questions/\(name)").path
    }
}
