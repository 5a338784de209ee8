/// A command line that cannot be obeyed as typed: an unknown command or
/// option, a missing or malformed argument. Reported on standard error with
/// the command's synopsis and exit status 2, apart from failures (status 1).
struct UsageError: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) {
        self.message = message
    }

    var description: String { message }
}
