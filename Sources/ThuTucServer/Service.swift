import Foundation
import Synchronization
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucSearch

/// What every connection shares: the configuration, the current assistant
/// (replaced whole on reload), the sessions and the request log.
public final class Service: Sendable {
    public let configuration: Configuration
    public let sessions: SessionStore
    public let log: RequestLog
    private let current: Mutex<Assistant>

    public init(configuration: Configuration, assistant: Assistant, log: RequestLog) {
        self.configuration = configuration
        self.current = Mutex(assistant)
        self.sessions = SessionStore(capacity: configuration.maxSessions, lifetime: configuration.sessionExpirySeconds)
        self.log = log
    }

    /// Loads the knowledge the configuration names and builds the assistant.
    public static func assistant(for configuration: Configuration, knowledge directory: String? = nil) throws -> Assistant {
        let knowledge = try KnowledgeLoader.load(directory: directory ?? configuration.knowledge)
        return Assistant(knowledge: knowledge, options: SearchOptions(levelPreference: configuration.levelPreference), hotline: configuration.hotline)
    }

    /// The assistant requests start on; a reload does not disturb one in flight.
    public var assistant: Assistant {
        current.withLock { $0 }
    }

    /// Reloads Knowledge/ from disk; on any error the running version stays.
    /// Returns the number of procedures now served.
    @discardableResult
    public func reload() throws -> Int {
        let directory = assistant.knowledge.directory
        let fresh = try Self.assistant(for: configuration, knowledge: directory)
        current.withLock { $0 = fresh }
        log.note("reloaded \(directory): \(fresh.knowledge.procedures.count) procedures")
        return fresh.knowledge.procedures.count
    }
}
