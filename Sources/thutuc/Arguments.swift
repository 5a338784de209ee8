/// A small command-line reader: `--name value`, `--name=value`, `--flag` and positionals.
///
/// Each subcommand declares which options take a value and which are flags,
/// so a misspelt option is an error rather than a positional.
struct Arguments {
    enum Failure: Error, CustomStringConvertible {
        case unknownOption(String)
        case missingValue(String)
        case unexpected(String)
        case missingPositional(String)

        var description: String {
            switch self {
            case .unknownOption(let name): "unknown option '\(name)'"
            case .missingValue(let name): "option '\(name)' needs a value"
            case .unexpected(let value): "unexpected argument '\(value)'"
            case .missingPositional(let what): "missing \(what)"
            }
        }
    }

    /// Every value given for each option, in order.
    private(set) var values: [String: [String]] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positionals: [String] = []

    /// Reads `arguments`; `options` take a value, `switches` do not.
    init(_ arguments: [String], options: Set<String> = [], switches: Set<String> = []) throws {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                positionals.append(argument)
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
                    guard index < arguments.count else { throw Failure.missingValue(name) }
                    values[name, default: []].append(arguments[index])
                    index += 1
                }
            } else if switches.contains(name), inline == nil {
                flags.insert(name)
            } else {
                throw Failure.unknownOption(name)
            }
        }
    }

    /// The option's value; the last one when it was given several times.
    func value(_ name: String) -> String? { values[name]?.last }

    /// Every value of an option that may be repeated.
    func allValues(_ name: String) -> [String] { values[name] ?? [] }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The single positional argument a command requires.
    func onePositional(_ what: String) throws -> String {
        guard let first = positionals.first else { throw Failure.missingPositional(what) }
        if positionals.count > 1 { throw Failure.unexpected(positionals[1]) }
        return first
    }

    /// Fails when any positional was given to a command that takes none.
    func noPositionals() throws {
        if let first = positionals.first { throw Failure.unexpected(first) }
    }
}
