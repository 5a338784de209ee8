/// One subcommand: how it is called, what it accepts and what it runs.
struct CommandSpec: Sendable {
    let name: String
    /// The usage lines, without "usage: ", each starting with "thutuc".
    let synopsis: [String]
    /// One line for the list in `thutuc help`.
    let summary: String
    /// The options (and any notes) shown by `--help`.
    let details: String
    /// Options that take a value.
    let options: Set<String>
    /// Options that do not (`-h` and `--help` are added to every command).
    let switches: Set<String>
    let run: @Sendable (Arguments) throws -> Int32

    init(
        name: String, synopsis: [String], summary: String, details: String, options: Set<String> = [], switches: Set<String> = [],
        run: @escaping @Sendable (Arguments) throws -> Int32
    ) {
        self.name = name
        self.synopsis = synopsis
        self.summary = summary
        self.details = details
        self.options = options
        self.switches = switches.union(["-h", "--help"])
        self.run = run
    }

    /// "usage: thutuc …" and its continuation lines.
    var usage: String {
        "usage: " + synopsis.joined(separator: "\n       ")
    }

    /// What `thutuc NAME --help` prints.
    var help: String {
        usage + "\n\n" + summary + "\n\n" + details + "\n  -h, --help            this text"
    }

    /// Reads `arguments` for this command; `--help` answers at once.
    func parse(_ arguments: [String]) throws(UsageError) -> Arguments {
        try Arguments(arguments, options: options, switches: switches)
    }
}
