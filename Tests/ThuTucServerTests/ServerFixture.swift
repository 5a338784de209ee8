import Foundation
import Testing
import ThuTucServer

/// Real servers over the committed Knowledge/, on 127.0.0.1 and an ephemeral
/// port. The assistant loads once for the whole test run; each test starts
/// its own server (cheap: a few threads and descriptors) with its own limits
/// and sessions.
enum ServerFixture {
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Loaded once; servers share it through `Service(configuration:sharingKnowledgeOf:log:)`,
    /// so this module never holds an `Assistant` value whose layout could go stale.
    private static let loaded: Result<Service, any Error> = Result {
        try Service.load(configuration: Configuration(), knowledge: repositoryRoot + "/Knowledge", log: RequestLog(enabled: false))
    }

    /// Starts a server; `adjust` changes the test configuration (loopback, port 0, two loops).
    static func start(log: RequestLog = RequestLog(enabled: false), _ adjust: (inout Configuration) -> Void = { _ in }) throws -> TCPServer {
        let service = Service(configuration: configuration(adjust), sharingKnowledgeOf: try loaded.get(), log: log)
        return try TCPServer.start(handler: ProtocolHandler(service: service))
    }

    /// Starts a server that loads its own knowledge from `directory`, for
    /// tests that change the files and reload.
    static func start(knowledge directory: String, log: RequestLog = RequestLog(enabled: false), _ adjust: (inout Configuration) -> Void = { _ in }) throws -> TCPServer {
        var adjusted = configuration(adjust)
        adjusted.knowledge = directory
        let service = try Service.load(configuration: adjusted, log: log)
        return try TCPServer.start(handler: ProtocolHandler(service: service))
    }

    /// The test configuration: loopback, port 0, two loops, then `adjust`.
    static func configuration(_ adjust: (inout Configuration) -> Void = { _ in }) -> Configuration {
        var configuration = Configuration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.threads = 2
        adjust(&configuration)
        return configuration
    }

    /// Connects and consumes the greeting.
    static func connect(_ server: TCPServer, host: String = "127.0.0.1", timeout: Double = 15) throws -> TestClient {
        let client = try TestClient(host: host, port: server.port, timeout: timeout)
        let greeting = try client.readLine()
        #expect(greeting?.hasPrefix("220 ") == true)
        return client
    }

    /// Polls `condition` until it holds or `timeout` passes.
    static func eventually(timeout: Double = 10, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }
}

extension TCPServer {
    /// Stops and waits, for the end of a test.
    func shutDown() {
        stop()
        wait()
    }
}

/// JSON helpers for reading replies.
extension Dictionary where Key == String, Value == Any {
    var procedureCode: String? { (self["procedure"] as? [String: Any])?["code"] as? String }
    var choiceCodes: [String] { (self["choices"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String } }
    var errorCode: String? { (self["error"] as? [String: Any])?["code"] as? String }
}
