import Foundation
import Testing
@testable import ThuTucServer

/// Which hosts count as loopback, what a token must look like, and that
/// neither a file nor code can open a non-loopback port without one.
@Suite("Configuration rules")
struct ConfigurationTests {
    @Test("loopback literals and localhost need no token", arguments: [
        "127.0.0.1", "127.1.2.3", "localhost", "::1", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1",
    ])
    func loopback(host: String) throws {
        var configuration = Configuration()
        configuration.host = host
        #expect(configuration.isLoopback)
        try configuration.validate(source: "test")
    }

    @Test("any other host needs a token, whatever its name looks like", arguments: [
        "0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "::2", "127.example.com", "127.0.0.1.nip.io", "localhost.evil.example", "LOCALHOST.",
    ])
    func notLoopback(host: String) throws {
        var configuration = Configuration()
        configuration.host = host
        #expect(!configuration.isLoopback)
        #expect(throws: ConfigurationError.tokenRequired(path: "test", host: host)) {
            try configuration.validate(source: "test")
        }
        configuration.authToken = "a-long-enough-token-123"
        try configuration.validate(source: "test")
    }

    @Test("a token is 16+ characters without blanks or control characters; null clears it")
    func tokenRules() throws {
        var configuration = Configuration()
        for bad in ["short-token-1234"].map({ String($0.dropLast()) }) + ["has a space in the middle", "tab\there-0123456789", "nul\u{0}here-0123456789", ""] {
            #expect(throws: ConfigurationError.self, "accepted \(bad.debugDescription)") {
                try configuration.set("authToken", from: bad, source: "test")
            }
        }
        try configuration.set("authToken", from: "exactly-16-chars", source: "test")
        #expect(configuration.authToken == "exactly-16-chars")
        try configuration.set("authToken", from: .null, source: "test")
        #expect(configuration.authToken == nil)
    }

    @Test("lineTimeoutSeconds defaults to 10 and takes positive seconds only")
    func lineTimeout() throws {
        var configuration = Configuration()
        #expect(configuration.lineTimeoutSeconds == 10)
        try configuration.set("lineTimeoutSeconds", from: "2.5", source: "--flag")
        #expect(configuration.lineTimeoutSeconds == 2.5)
        try configuration.set("lineTimeoutSeconds", from: .number(3), source: "file")
        #expect(configuration.lineTimeoutSeconds == 3)
        for bad in ["0", "-1", "abc", "1e12"] {
            #expect(throws: ConfigurationError.badValue(path: "test", key: "lineTimeoutSeconds", expected: "a number of seconds above 0")) {
                try configuration.set("lineTimeoutSeconds", from: bad, source: "test")
            }
        }
    }

    @Test("the committed Config/thutuc.json loads, listens on loopback and names every limit")
    func committedConfiguration() throws {
        let path = ServerFixture.repositoryRoot + "/Config/thutuc.json"
        let configuration = try Configuration.load(path: path, required: true)
        #expect(configuration.isLoopback)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for key in ["maxLineBytes", "idleTimeoutSeconds", "lineTimeoutSeconds", "writeTimeoutSeconds", "maxPendingReplyBytes", "maxConnections", "maxSessions", "sessionExpirySeconds", "authToken"] {
            #expect(text.contains("\"\(key)\""), "Config/thutuc.json lacks \(key)")
        }
    }

    @Test("a server built in code refuses a non-loopback host without a token, before binding")
    func serverRefusesOpenHost() throws {
        #expect(throws: ServerError.unsafeConfiguration(.tokenRequired(path: "configuration", host: "0.0.0.0"))) {
            _ = try ServerFixture.start { $0.host = "0.0.0.0" }
        }
    }
}

/// Paths in a configuration file are taken from the file's directory, and
/// errors name files by their full paths.
@Suite("Configuration paths")
struct ConfigurationPathTests {
    @Test("knowledge and log resolve against the configuration file, not the working directory")
    func relativePaths() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thutuc-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("etc"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("etc/thutuc.json").path
        try #"{"knowledge": "../data/Knowledge", "log": "logs/requests.log", "metricsPort": 9464}"#.write(toFile: file, atomically: true, encoding: .utf8)
        let configuration = try Configuration.load(path: file, required: true)
        #expect(configuration.knowledge == directory.appendingPathComponent("data/Knowledge").standardizedFileURL.path)
        #expect(configuration.log == directory.appendingPathComponent("etc/logs/requests.log").standardizedFileURL.path)
        #expect(configuration.metricsPort == 9464 && configuration.metricsHost == "127.0.0.1")

        try #"{"knowledge": "/srv/Knowledge"}"#.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try Configuration.load(path: file, required: true).knowledge == "/srv/Knowledge")
        try #"{}"#.write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try Configuration.load(path: file, required: true).knowledge == "Knowledge", "the default stays relative to the working directory")
    }

    @Test("errors name the configuration by its full path")
    func fullPathsInErrors() throws {
        let missing = "no-such-dir/thutuc.json"
        let full = FileManager.default.currentDirectoryPath + "/" + missing
        #expect(throws: ConfigurationError.unreadable(path: full, reason: "no such file")) {
            _ = try Configuration.load(path: missing, required: true)
        }
        #expect(try Configuration.load(path: missing, required: false) == Configuration())
        #expect(throws: ConfigurationError.conflict(path: "test", detail: "'metricsPort' must differ from 'port' (7878): the metrics have a listener of their own")) {
            var configuration = Configuration()
            configuration.metricsPort = 7878
            try configuration.validate(source: "test")
        }
    }
}
