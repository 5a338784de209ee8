/// A small command-line reader: `--name value`, `--name=value`, `--flag`,
/// `-h` and positionals; `--` ends the options.
///
/// Each subcommand declares which options take a value and which are flags,
/// so a misspelt option is an error rather than a positional.
struct Arguments {
    /// Every value given for each option, in order.
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Reads `arguments`; `options` take a value, `switches` do not.
    init(_ arguments: [String], options: Set<String> = [], switches: Set<String> = []) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inline: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if options.contains(name) {
                if let inline {
                    values[name, default: []].append(inline)
                } else {
                    guard index < arguments.count else { throw UsageError("option '\(name)' needs a value") }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else if switches.contains(name) {
                guard inline == nil else { throw UsageError("option '\(name)' takes no value") }
                flags.insert(name)
            } else {
                throw UsageError("unknown option '\(name)'")
            }
        }
    }

    /// The option's value; the last one when it was given several times.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of an option that may be repeated.
    func allValues(_ name: String) -> [String] { values[name] ?? [] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Whether `-h` or `--help` was given.
    var wantsHelp: Bool { has("-h") || has("--help") }

    /// The single positional argument a command requires.
    func onePositional(_ what: String) throws(UsageError) -> String {
        guard let first = positionals.first else { throw UsageError("missing \(what)") }
        if positionals.count > 1 { throw UsageError("unexpected argument '\(positionals[1])'") }
        return first
    }

    /// Fails when any positional was given to a command that takes none.
    func noPositionals() throws(UsageError) {
        if let first = positionals.first { throw UsageError("unexpected argument '\(first)'") }
    }
}
