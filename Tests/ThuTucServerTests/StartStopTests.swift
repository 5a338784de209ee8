@preconcurrency import Glibc
import Foundation
import Testing

/// The lines an operator sees from `thutuc serve`: one at start, one at stop,
/// also in a log file that the configuration names relative to itself.
@Suite("Start and stop lines")
struct StartStopTests {
    @Test("serve logs one line at start (address, threads, knowledge) and one at stop (uptime, requests), to a log file relative to the configuration")
    func startAndStopLines() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thutuc-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("etc"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("Knowledge").path, withDestinationPath: ServerFixture.repositoryRoot + "/Knowledge")
        let config = directory.appendingPathComponent("etc/thutuc.json").path
        try #"{"knowledge": "../Knowledge", "log": "requests.log", "port": 0, "threads": 1}"#.write(toFile: config, atomically: true, encoding: .utf8)
        // The option before the command, and a working directory far from the configuration.
        let server = try ServerProcess(["--config", config, "serve"], directory: "/")
        let port = try server.listeningPort(timeout: 60)
        let manifest = try CommittedManifest.read(repository: ServerFixture.repositoryRoot)
        let knowledge = "knowledge \(directory.path)/Knowledge, \(manifest.records) procedures retrieved up to \(manifest.latestRetrieved)"
        #expect(server.output.contains("(1 threads; \(knowledge))"), "\(server.output)")
        let client = try TestClient(port: port, timeout: 30)
        try client.send("đăng ký khai sinh\nPING\nQUIT\n")
        #expect(try client.readToEnd())
        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)
        #expect(server.output.contains("thutuc: stopped after "), "\(server.output)")
        #expect(server.output.contains("; 3 requests served (1 questions)"), "\(server.output)")
        let log = try String(contentsOfFile: directory.appendingPathComponent("etc/requests.log").path, encoding: .utf8)
        #expect(log.contains("code=1.001193") && log.contains("thutuc: listening on") && log.contains("thutuc: stopped after"), "\(log)")
    }
}
