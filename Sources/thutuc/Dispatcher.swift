@preconcurrency import Glibc

/// Routes the first argument to a subcommand.
enum Dispatcher {
    static let usage = """
        usage: thutuc <command> [options]

        commands:
          import DIR        import the portal's records from DIR into Knowledge/
          check             validate Knowledge/ and print a summary (--verbose for details)
          show CODE         print one procedure
          help              this text

        common options:
          --knowledge DIR   the knowledge directory (default: ./Knowledge)
        """

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let command = arguments.first else {
            print(usage)
            return 0
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "import":
            return try ImportCommand.run(rest)
        case "help", "--help", "-h":
            print(usage)
            return 0
        default:
            fputs("thutuc: unknown command '\(command)'\n\(usage)\n", stderr)
            return 2
        }
    }
}
