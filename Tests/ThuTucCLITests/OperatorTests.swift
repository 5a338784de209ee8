import Foundation
import Testing

/// What an operator runs: `check --config`, with paths relative to the
/// configuration file.
@Suite("Operating the server")
struct OperatorTests {
    /// A configuration directory elsewhere, whose relative paths point at
    /// the repository's knowledge through a link beside it.
    static func configurationDirectory(_ name: String, _ json: String) throws -> URL {
        let directory = try Thutuc.temporaryDirectory(name)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("etc"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("Knowledge").path, withDestinationPath: Thutuc.repositoryRoot + "/Knowledge")
        try json.write(to: directory.appendingPathComponent("etc/thutuc.json"), atomically: true, encoding: .utf8)
        return directory
    }

    @Test("check --config validates the configuration and the knowledge it points to, from any working directory")
    func checkConfiguration() throws {
        let directory = try Self.configurationDirectory("check", #"{"knowledge": "../Knowledge", "log": "requests.log", "metricsPort": 9464, "sessions": {"store": "redis", "url": "redis://10.0.0.20:6380/2"}}"#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("etc/thutuc.json").path
        let run = try Thutuc.run(["check", "--config", config], directory: "/")
        #expect(run.status == 0, "\(run.output)\n\(run.error)")
        #expect(run.output.contains("configuration: \(config)"))
        #expect(run.output.contains("knowledge: \(directory.path)/Knowledge"), "\(run.output)")
        #expect(run.output.contains("log \(directory.path)/etc/requests.log") && run.output.contains("metrics on 127.0.0.1:9464"))
        #expect(run.output.contains("sessions in redis://10.0.0.20:6380/2 under 'thutuc:', 200 ms timeout"), "\(run.output)")
        let records = try #require(try Thutuc.committedManifest()["records"] as? Int)
        #expect(run.output.contains("procedures: \(records)") && run.output.hasSuffix("0 error(s), 0 warning(s)\n"), "\(run.output)")
    }

    @Test("a configuration pointing at missing paths fails check, naming them in full")
    func checkMissingPaths() throws {
        let directory = try Self.configurationDirectory("check-missing", #"{"knowledge": "missing", "log": "logs/requests.log"}"#)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = directory.appendingPathComponent("etc/thutuc.json").path
        let run = try Thutuc.run(["check", "--config", config], directory: "/")
        #expect(run.status == 1)
        #expect(run.error == "thutuc: knowledge not found: \(directory.path)/etc/missing\n", "\(run.error)")
        #expect(run.output.contains("log \(directory.path)/etc/logs/requests.log: error"), "\(run.output)")
        let broken = directory.appendingPathComponent("etc/broken.json").path
        try #"{"knowledge": 12}"#.write(toFile: broken, atomically: true, encoding: .utf8)
        let bad = try Thutuc.run(["check", "--config", broken])
        #expect(bad.status == 1 && bad.error == "thutuc: \(broken): 'knowledge' must be a non-empty string\n", "\(bad.error)")
    }
}
