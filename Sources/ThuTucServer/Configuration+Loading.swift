import Foundation
import ThuTucJSON
import ThuTucKnowledge
import ThuTucText

/// Why a configuration could not be used.
///
/// `path` is where the setting came from: the configuration file, as a full
/// path, or the command-line option that set it.
public enum ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    case unreadable(path: String, reason: String)
    case badJSON(path: String, detail: String)
    case unknownKey(path: String, key: String)
    case badValue(path: String, key: String, expected: String)
    /// The host is not loopback and no token is set: anyone who can reach
    /// the port could use the server.
    case tokenRequired(path: String, host: String)
    /// Two settings that must differ do not.
    case conflict(path: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read the configuration (\(reason))"
        case .badJSON(let path, let detail): "\(path): not a JSON object (\(detail))"
        case .unknownKey(let path, let key): "\(path): unknown key '\(key)'"
        case .badValue(let path, let key, let expected): "\(path): '\(key)' must be \(expected)"
        case .tokenRequired(let path, let host):
            "\(path): host '\(host)' is not a loopback address, so clients must authenticate: set \"authToken\" "
                + "(16 or more characters, no spaces) in the configuration file (--config FILE), or listen on loopback (--host 127.0.0.1)"
        case .conflict(let path, let detail): "\(path): \(detail)"
        }
    }
}

extension Configuration {
    /// Reads `path`; a missing file at the default path gives the defaults.
    /// Relative paths inside the file (`knowledge`, `log`) are resolved
    /// against the file's directory, and errors name the file by its full path.
    public static func load(path: String, required: Bool) throws(ConfigurationError) -> Configuration {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: path) else {
            guard required || FileManager.default.fileExists(atPath: path) else { return Configuration() }
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
        }
        let object: JSONValue
        do {
            object = try JSONReader.parse([UInt8](data))
        } catch {
            throw .badJSON(path: path, detail: error.description)
        }
        guard case .object(let members) = object else {
            throw .badJSON(path: path, detail: "the top level must be an object")
        }
        var configuration = Configuration()
        for key in members.keys.sorted() {
            guard let value = members[key] else { continue }
            try configuration.set(key, from: value, source: path)
        }
        if members["knowledge"] != nil { configuration.knowledge = resolve(configuration.knowledge, against: directory) }
        configuration.log = configuration.log.map { resolve($0, against: directory) }
        try configuration.validate(source: path)
        return configuration
    }

    /// `path` as a full path: unchanged when absolute, otherwise taken from `directory`.
    public static func resolve(_ path: String, against directory: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: directory, isDirectory: true)).standardizedFileURL.path
    }

    /// Sets one key from a command-line string.
    public mutating func set(_ key: String, from text: String, source: String) throws(ConfigurationError) {
        try set(key, from: JSONValue.string(text), source: source)
    }

    /// Sets one key from a JSON value; numbers may also come as strings (from flags).
    public mutating func set(_ key: String, from value: JSONValue, source: String) throws(ConfigurationError) {
        func bad(_ expected: String) -> ConfigurationError { .badValue(path: source, key: key, expected: expected) }
        func integer(_ range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
            let number: Int? = switch value {
            case .number(let double) where double == double.rounded() && abs(double) < 1e15: Int(double)
            case .string(let string): Int(string)
            default: nil
            }
            guard let number, range.contains(number) else { throw bad("an integer in \(range.lowerBound)…\(range.upperBound)") }
            return number
        }
        func seconds() throws(ConfigurationError) -> Double {
            let number: Double? = switch value {
            case .number(let double): double
            case .string(let string): Double(string)
            default: nil
            }
            guard let number, number > 0, number <= 86_400 * 30 else { throw bad("a number of seconds above 0") }
            return number
        }
        func text() throws(ConfigurationError) -> String {
            guard case .string(let string) = value, !string.isEmpty else { throw bad("a non-empty string") }
            return string
        }
        switch key {
        case "host": host = try text()
        case "port": port = try integer(0...65_535)
        case "knowledge": knowledge = try text()
        case "hotline": hotline = try text()
        case "greeting": greeting = try text()
        case "maxLineBytes": maxLineBytes = try integer(256...16 << 20)
        case "idleTimeoutSeconds": idleTimeoutSeconds = try seconds()
        case "lineTimeoutSeconds": lineTimeoutSeconds = try seconds()
        case "writeTimeoutSeconds": writeTimeoutSeconds = try seconds()
        case "maxPendingReplyBytes": maxPendingReplyBytes = try integer(4096...1 << 30)
        case "maxConnections": maxConnections = try integer(1...1_000_000)
        case "sessionExpirySeconds": sessionExpirySeconds = try seconds()
        case "maxSessions": maxSessions = try integer(1...10_000_000)
        case "threads": threads = try integer(0...256)
        case "log": log = value.isNull ? nil : try text()
        case "metricsPort": metricsPort = value.isNull ? nil : try integer(0...65_535)
        case "metricsHost": metricsHost = try text()
        case "sessions":
            guard case .object(let members) = value else { throw bad("an object such as {\"store\": \"redis\", \"url\": \"redis://127.0.0.1:6379/0\"}") }
            for member in members.keys.sorted() {
                guard let memberValue = members[member] else { continue }
                try sessions.set(member, from: memberValue, source: source)
            }
        case "authToken":
            if value.isNull {
                authToken = nil
            } else {
                let token = try text()
                // Plain-mode AUTH splits on blanks, so a token with one could never match.
                let printable = token.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !$0.properties.isWhitespace }
                guard token.unicodeScalars.count >= 16, printable else {
                    throw bad("a string of at least 16 characters without spaces or control characters, or null")
                }
                authToken = token
            }
        case "levelPreference":
            let codes: [String]
            if case .array(let list) = value, list.allSatisfy({ $0.string != nil }) {
                codes = list.compactMap(\.string)
            } else if case .string(let string) = value {
                codes = string.split(separator: ",").map { String($0).trimmingWhitespace() }
            } else {
                throw bad("a list of level codes (xa, tinh, bo, khac)")
            }
            let levels = codes.compactMap(Level.init(rawValue:))
            guard levels.count == codes.count, !levels.isEmpty, Set(levels).count == levels.count else {
                throw bad("a list of distinct level codes (xa, tinh, bo, khac)")
            }
            levelPreference = levels
        default:
            throw .unknownKey(path: source, key: key)
        }
    }

    /// Checks rules that span keys: listening beyond loopback without a
    /// token would let anyone on the network ask and reload.
    public func validate(source: String) throws(ConfigurationError) {
        if !isLoopback && authToken == nil {
            throw .tokenRequired(path: source, host: host)
        }
        if let metricsPort, metricsPort != 0, metricsPort == port, metricsHost == host {
            throw .conflict(path: source, detail: "'metricsPort' must differ from 'port' (\(port)): the metrics have a listener of their own")
        }
    }
}
