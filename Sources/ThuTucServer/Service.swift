import Foundation
import Synchronization
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucSearch

/// What every connection shares: the configuration, the current assistant
/// (replaced whole on reload), the sessions, the request log and the statistics.
public final class Service: Sendable {
    public let configuration: Configuration
    public let sessions: SessionStore
    public let log: RequestLog
    public let statistics = ServerStatistics()
    private let current: Mutex<Assistant>
    /// Held for a whole reload, so that SIGHUP and RELOAD arriving together
    /// load one after the other instead of holding two new copies at once.
    private let reloading = Mutex(())

    public init(configuration: Configuration, assistant: Assistant, log: RequestLog) {
        self.configuration = configuration
        self.current = Mutex(assistant)
        self.sessions = SessionStore(configuration: configuration, log: log)
        self.log = log
    }

    /// Loads the knowledge the configuration names and builds the assistant.
    public static func assistant(for configuration: Configuration, knowledge directory: String? = nil) throws -> Assistant {
        let knowledge = try KnowledgeLoader.load(directory: directory ?? configuration.knowledge)
        return Assistant(knowledge: knowledge, options: SearchOptions(levelPreference: configuration.levelPreference), hotline: configuration.hotline)
    }

    /// The assistant requests start on. Callers take it once per request and
    /// keep their copy: a reload swaps what later requests get, while one in
    /// flight finishes on the version it started with.
    public var assistant: Assistant {
        current.withLock { $0 }
    }

    /// The figures `STATS` and `/metrics` report, as of now.
    public func statisticsSnapshot() -> StatisticsSnapshot {
        statistics.snapshot(knowledge: KnowledgeFacts(assistant.knowledge), sessions: sessions.count, sessionStore: sessions.statistics())
    }

    /// Reloads the Knowledge/ directory the service was loaded from (never
    /// one a client names). The new version is built aside and swapped in
    /// whole; on any error the running version stays. Returns the number of
    /// procedures now served.
    @discardableResult
    public func reload() throws -> Int {
        try reloading.withLock { _ in
            let directory = assistant.knowledge.directory
            let fresh = try Self.assistant(for: configuration, knowledge: directory)
            current.withLock { $0 = fresh }
            return fresh.knowledge.procedures.count
        }
    }

    /// ``reload()`` with its outcome in the log: the number of procedures, or
    /// every problem (FILE:LINE) that made the new version unusable.
    /// - Parameter trigger: what asked for it ("SIGHUP", "RELOAD"), for the log.
    public func reloadAndLog(trigger: String) -> Result<Int, any Error> {
        do {
            let count = try reload()
            statistics.recordReload(accepted: true)
            log.note("\(trigger): reloaded \(assistant.knowledge.directory): \(count) procedures")
            return .success(count)
        } catch KnowledgeError.invalid(let problems) {
            statistics.recordReload(accepted: false)
            log.note("\(trigger): reload rejected, still serving the previous knowledge: \(problems.count) error(s)")
            for problem in problems { log.note("\(trigger): \(problem)") }
            return .failure(KnowledgeError.invalid(problems))
        } catch {
            statistics.recordReload(accepted: false)
            log.note("\(trigger): reload rejected, still serving the previous knowledge: \(error)")
            return .failure(error)
        }
    }
}
