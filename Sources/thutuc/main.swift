@preconcurrency import Glibc

/// `thutuc` dispatches to one subcommand per file; each returns the process exit code.
exit(Dispatcher.run(Array(CommandLine.arguments.dropFirst())))
