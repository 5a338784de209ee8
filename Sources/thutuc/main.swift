@preconcurrency import Glibc

/// `thutuc` dispatches to one subcommand per file; each returns the process exit code.
let arguments = Array(CommandLine.arguments.dropFirst())
let status: Int32
do {
    status = try Dispatcher.run(arguments)
} catch {
    fputs("thutuc: \(error)\n", stderr)
    status = 1
}
exit(status)
