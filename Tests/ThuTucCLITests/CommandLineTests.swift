import Foundation
import Testing

/// `thutuc`'s command line as a new user meets it: help at every level, a
/// version, errors on standard error with a usage hint, exit status 2 for
/// usage errors and 1 for failures, options before or after the command.
@Suite("Command line")
struct CommandLineTests {
    static let commands = ["ask", "repl", "serve", "check", "show", "eval", "import"]

    @Test("-h, --help and help, at the top and for every command, print usage on standard output and exit 0")
    func help() throws {
        for arguments in [["-h"], ["--help"], ["help"]] {
            let run = try Thutuc.run(arguments)
            #expect(run.status == 0 && run.error.isEmpty, "\(arguments): \(run.error)")
            #expect(run.output.hasPrefix("usage: thutuc"))
            for command in Self.commands { #expect(run.output.contains("  \(command) "), "\(command) missing from thutuc \(arguments)") }
            #expect(run.output.contains("exit status") && run.output.contains("2  usage error"))
        }
        for command in Self.commands {
            for arguments in [[command, "--help"], [command, "-h"], ["help", command], ["-h", command]] {
                let run = try Thutuc.run(arguments)
                #expect(run.status == 0 && run.error.isEmpty, "\(arguments): \(run.error)")
                #expect(run.output.hasPrefix("usage: thutuc \(command)") && run.output.contains("--help"), "\(arguments): \(run.output)")
            }
        }
    }

    @Test("--version prints the program's version and the knowledge's date and procedure count")
    func version() throws {
        let run = try Thutuc.run(["--version"])
        #expect(run.status == 0 && run.error.isEmpty)
        let manifest = try Thutuc.committedManifest()
        let records = try #require(manifest["records"] as? Int)
        let sources = try #require(manifest["sources"] as? [[String: Any]])
        #expect(run.output.hasPrefix("thutuc 0."), "\(run.output)")
        #expect(run.output.contains("knowledge: \(records) procedures ("), "\(run.output)")
        for source in sources {
            let name = try #require(source["name"] as? String), retrieved = try #require(source["retrieved"] as? String)
            #expect(run.output.contains("\(name): \(source["records"] as? Int ?? -1) retrieved \(retrieved)"), "\(run.output)")
        }
    }

    @Test("usage errors: standard error, a usage line and a hint, exit 2; nothing on standard output", arguments: [
        (["ask", "--max-chars", "abc", "hi"], "'--max-chars' must be an integer from 40 to 100000, not 'abc'"),
        (["ask", "--max-chars", "39", "hi"], "'--max-chars' must be an integer from 40 to 100000, not '39'"),
        (["repl", "--max-chars", "0"], "'--max-chars' must be an integer from 40 to 100000, not '0'"),
        (["--port", "99999", "serve"], "option '--port' must be an integer in 0…65535, not '99999'"),
        (["serve", "--threads", "many"], "option '--threads' must be an integer in 0…256, not 'many'"),
        (["serve", "--metrics-port", "http"], "option '--metrics-port' must be an integer in 0…65535, not 'http'"),
        (["eval"], "missing the question FILE"),
        (["show"], "missing the procedure's CODE"),
        (["ask"], "missing the question"),
        (["bogus"], "unknown command 'bogus'"),
        (["ask", "--bogus", "hi"], "unknown option '--bogus'"),
        (["serve", "--port"], "option '--port' needs a value"),
        (["check", "extra"], "unexpected argument 'extra'"),
        (["repl", "--history", "x", "--no-history"], "--history and --no-history contradict each other"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let run = try Thutuc.run(arguments)
        #expect(run.status == 2, "\(arguments): \(run.status) \(run.error)")
        #expect(run.output.isEmpty, "\(arguments): \(run.output)")
        #expect(run.error.hasPrefix("thutuc: \(message)\n"), "\(arguments): \(run.error)")
        #expect(run.error.contains("\nusage: thutuc") && run.error.contains("Run 'thutuc"), "\(run.error)")
    }

    @Test("eval without a file prints its usage")
    func evalUsage() throws {
        let run = try Thutuc.run(["eval"])
        #expect(run.error.contains("usage: thutuc eval [OPTIONS] FILE"))
    }

    @Test("failures: standard error, exit 1", arguments: [
        (["show", "9.999999"], "thutuc: no procedure with code 9.999999\n"),
        (["ask", "--config", "no-such.json", "hi"], "thutuc: \(Thutuc.repositoryRoot)/no-such.json: cannot read the configuration (no such file)\n"),
        (["ask", "--knowledge", "/no/such/Knowledge", "hi"], "thutuc: knowledge not found: /no/such/Knowledge\n"),
    ])
    func failures(arguments: [String], message: String) throws {
        let run = try Thutuc.run(arguments)
        #expect(run.status == 1, "\(arguments): \(run.status) \(run.error)")
        #expect(run.output.isEmpty && run.error == message, "\(arguments): \(run.error)")
    }

    @Test("--max-chars 40 is accepted and shortens the answer; options may precede the command")
    func maxCharacters() throws {
        let run = try Thutuc.run(["--max-chars", "40", "ask", "đăng ký khai sinh cần giấy tờ gì"])
        #expect(run.status == 0 && run.error.isEmpty, "\(run.error)")
        #expect(run.output.count <= 41 && run.output.contains("…"), "\(run.output)")
    }

    @Test("serve --host 0.0.0.0 without a token says what to do, naming the option and the key")
    func openHostWithoutToken() throws {
        let run = try Thutuc.run(["serve", "--host", "0.0.0.0", "--port", "0"])
        #expect(run.status == 1)
        #expect(run.error.contains("host '0.0.0.0' is not a loopback address"), "\(run.error)")
        #expect(run.error.contains("\"authToken\"") && run.error.contains("--host 127.0.0.1") && run.error.contains("--config"), "\(run.error)")
    }

    @Test("serve --metrics-port overrides the configuration's metricsPort and is held to differ from the port")
    func metricsPortOption() throws {
        let run = try Thutuc.run(["serve", "--port", "7999", "--metrics-port", "7999"])
        #expect(run.status == 1 && run.output.isEmpty)
        #expect(run.error.contains("'metricsPort' must differ from 'port' (7999)"), "\(run.error)")
    }

    @Test("piped input gets answers only, one blank line between them, as before")
    func pipedInput() throws {
        let first = try Thutuc.run(["ask", "đăng ký khai sinh cần giấy tờ gì"])
        let piped = try Thutuc.run([], input: "đăng ký khai sinh cần giấy tờ gì\n\nlệ phí làm hộ chiếu\n:quit\nđăng ký kết hôn\n")
        #expect(piped.status == 0 && piped.error.isEmpty, "\(piped.error)")
        let answers = piped.output.components(separatedBy: "\n\n")
        #expect(answers.count == 2, "the line after :quit is not read: \(piped.output)")
        #expect(answers.first.map { $0 + "\n" } == first.output)
        #expect(answers.last?.hasPrefix("Cấp hộ chiếu phổ thông") == true && answers.last?.hasSuffix("\n") == true)
        #expect(!piped.output.contains("> ") && !piped.output.contains("\u{1B}[") && !piped.output.contains(":why"))
    }
}
