@preconcurrency import Glibc

/// Finds the subcommand among the arguments and runs it.
///
/// Options may come before or after the subcommand (`thutuc --port 0 serve`
/// is `thutuc serve --port 0`): the first word that is neither an option nor
/// an option's value names the command, and all the other words go to it.
/// Without a command, `thutuc` starts the REPL.
enum Dispatcher {
    /// Exit status for a command line that cannot be obeyed as typed.
    static let usageStatus: Int32 = 2
    /// Exit status for a command that ran and failed.
    static let failureStatus: Int32 = 1

    static let commands: [CommandSpec] = [
        AskCommand.spec, ReplCommand.spec, ServeCommand.spec, CheckCommand.spec, ShowCommand.spec, AuditCommand.spec, EvalCommand.spec, ImportCommand.spec,
    ]

    static var usage: String {
        let width = commands.map(\.name.count).max() ?? 0
        let list = commands.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
        return """
            usage: thutuc [COMMAND] [OPTIONS] [ARGUMENTS]
                   thutuc --version
                   thutuc help [COMMAND]

            Answers questions about Vietnamese administrative procedures (thủ tục hành chính).
            Without a command it starts the REPL.

            commands:
            \(list.joined(separator: "\n"))
              \("help".padding(toLength: width + 2, withPad: " ", startingAt: 0))this text, or a command's options (also: thutuc COMMAND --help)

            Options may come before or after the command. `thutuc --version` prints the
            program's version and the knowledge's date and procedure count.

            exit status:
              0  success
              1  failure: a bad configuration or knowledge, a procedure not found, a server error
              2  usage error: an unknown command or option, a missing or malformed argument
            """
    }

    static func run(_ arguments: [String]) -> Int32 {
        let position = commandPosition(in: arguments)
        let name = position.map { arguments[$0] }
        var rest = arguments
        if let position { rest.remove(at: position) }
        switch name {
        case nil:
            if rest.contains("--version") { return report { try VersionCommand.run(rest.filter { $0 != "--version" }) } }
            if rest.contains("-h") || rest.contains("--help") {
                print(usage)
                return 0
            }
            return execute(ReplCommand.spec, rest)
        case "help"?:
            return help(rest)
        case let name?:
            guard let command = commands.first(where: { $0.name == name }) else {
                return usageError("unknown command '\(name)'", usage: "usage: thutuc [COMMAND] [OPTIONS] [ARGUMENTS]", hint: "thutuc --help")
            }
            return execute(command, rest)
        }
    }

    /// Where the command word is: the first argument that is not an option
    /// or the value of one (an option taking a value takes the next word
    /// unless written `--name=value`).
    static func commandPosition(in arguments: [String]) -> Int? {
        let takingValues = commands.reduce(into: Set<String>()) { $0.formUnion($1.options) }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { return nil }
            if argument.hasPrefix("-"), argument != "-" {
                index += takingValues.contains(argument) ? 2 : 1
                continue
            }
            return index
        }
        return nil
    }

    private static func help(_ arguments: [String]) -> Int32 {
        guard let topic = arguments.first(where: { !$0.hasPrefix("-") }) else {
            print(usage)
            return 0
        }
        guard let command = commands.first(where: { $0.name == topic }) else {
            return usageError("no command '\(topic)'", usage: "usage: thutuc help [COMMAND]", hint: "thutuc --help")
        }
        print(command.help)
        return 0
    }

    private static func execute(_ command: CommandSpec, _ arguments: [String]) -> Int32 {
        do {
            let parsed = try command.parse(arguments)
            if parsed.wantsHelp {
                print(command.help)
                return 0
            }
            return try command.run(parsed)
        } catch let error as UsageError {
            return usageError(error.message, usage: command.usage, hint: "thutuc \(command.name) --help")
        } catch {
            fputs("thutuc: \(error)\n", stderr)
            return failureStatus
        }
    }

    private static func report(_ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch let error as UsageError {
            return usageError(error.message, usage: "usage: thutuc --version [--config FILE] [--knowledge DIR]", hint: "thutuc --help")
        } catch {
            fputs("thutuc: \(error)\n", stderr)
            return failureStatus
        }
    }

    private static func usageError(_ message: String, usage: String, hint: String) -> Int32 {
        fputs("thutuc: \(message)\n\(usage)\nRun '\(hint)' for more.\n", stderr)
        return usageStatus
    }
}
