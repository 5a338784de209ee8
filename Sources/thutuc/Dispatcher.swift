@preconcurrency import Glibc

/// Routes the first argument to a subcommand.
enum Dispatcher {
    static let usage = """
        usage: thutuc <command> [options]

        commands:
          ask QUESTION      answer one question (--json for the protocol reply, --why, --max-chars N)
          repl              talk to the assistant (the default when stdin is a terminal)
          serve             TCP line server (--stdio: the same protocol on stdin/stdout)
          eval FILE         score a question set (format of ../shared/eval/dev.jsonl)
          import DIR...     import the sources (portal export, Word export) into Knowledge/
          check             validate Knowledge/ and print a summary (--verbose for details)
          show CODE         print one procedure
          audit             read every procedure's default answers and report what misleads (--verbose, --kind K)
          help              this text

        common options:
          --config PATH     configuration file (default: Config/thutuc.json)
          --knowledge DIR   knowledge directory (default: Knowledge)
          --host HOST, --port PORT, --hotline TEXT, --level-preference xa,tinh,bo,khac
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let command = arguments.first, !command.hasPrefix("--") else {
            return try ReplCommand.run(arguments)
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "import":
            return try ImportCommand.run(rest)
        case "check":
            return try CheckCommand.run(rest)
        case "show":
            return try ShowCommand.run(rest)
        case "ask":
            return try AskCommand.run(rest)
        case "repl":
            return try ReplCommand.run(rest)
        case "serve":
            return try ServeCommand.run(rest)
        case "eval":
            return try EvalCommand.run(rest)
        case "audit":
            return try AuditCommand.run(rest)
        case "help", "--help", "-h":
            print(usage)
            return 0
        default:
            fputs("thutuc: unknown command '\(command)'\n\(usage)\n", stderr)
            return 2
        }
    }
}
