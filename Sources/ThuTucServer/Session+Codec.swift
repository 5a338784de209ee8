import ThuTucDialogue
import ThuTucJSON
import ThuTucKnowledge

/// Why bytes read back from a shared store are not a session.
public enum SessionDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    case notUTF8
    case notJSON(String)
    /// Written by a newer format this version cannot read.
    case unsupportedVersion(Int)
    /// A member that is present but not of the form the format says.
    case badMember(String)

    public var description: String {
        switch self {
        case .notUTF8: "the session is not UTF-8"
        case .notJSON(let detail): "the session is not a JSON object: \(detail)"
        case .unsupportedVersion(let version): "session format version \(version) is newer than \(Session.formatVersion)"
        case .badMember(let name): "session member '\(name)' is malformed"
        }
    }
}

/// A session as the bytes a shared store keeps, and back:
///
///     {"v":1,"focus":"1.000894","intents":["time"],"pending":{"codes":["1.001193","2.000986"],"labels":["…","…"],"intents":["documents"]}}
///
/// JSON, so that `redis-cli GET` shows an operator what a conversation
/// holds. Version 1 may gain members: a reader ignores members it does not
/// know and gives absent ones their defaults, so that during a rolling
/// upgrade an older instance still reads what a newer one wrote. A change an
/// older reader would misread needs version 2, which this reader refuses
/// (the conversation then starts afresh).
///
/// ``Session/lastWhy`` is not kept: it is a debug view of the last search,
/// shown by WHY on the connection that asked, and would make every stored
/// session many times larger.
extension Session {
    static let formatVersion = 1

    /// The stored form; members at their defaults are left out.
    var encoded: [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.number("v", Double(Self.formatVersion))
        if let focus { writer.string("focus", focus) }
        if !lastIntents.isEmpty { writer.value("intents", Self.names(lastIntents)) }
        if let pending {
            var choice = JSONWriter()
            choice.value("codes", .array(pending.codes.map(JSONValue.string)))
            choice.value("labels", .array(pending.labels.map(JSONValue.string)))
            choice.value("intents", Self.names(pending.intents))
            writer.raw("pending", choice.object())
        }
        return writer.object()
    }

    /// Reads what ``encoded`` wrote.
    init(decoding bytes: [UInt8]) throws(SessionDecodingError) {
        guard String(validating: bytes, as: UTF8.self) != nil else { throw .notUTF8 }
        let value: JSONValue
        do {
            value = try JSONReader.parse(bytes)
        } catch {
            throw .notJSON(error.description)
        }
        guard case .object = value else { throw .notJSON("the top level must be an object") }
        guard case .number(let number)? = value["v"], let version = Int(exactly: number), version >= 1 else { throw .badMember("v") }
        guard version == Self.formatVersion else { throw .unsupportedVersion(version) }
        self.init()
        switch value["focus"] {
        case nil, .null?: break
        case .string(let code)?: focus = code
        default: throw .badMember("focus")
        }
        lastIntents = try Self.intents(value["intents"], member: "intents")
        switch value["pending"] {
        case nil, .null?: break
        case let choice?:
            guard case .object = choice else { throw .badMember("pending") }
            let codes = try Self.strings(choice["codes"], member: "pending.codes")
            let labels = try Self.strings(choice["labels"], member: "pending.labels")
            guard labels.count == codes.count else { throw .badMember("pending.labels") }
            pending = PendingChoice(codes: codes, labels: labels, intents: try Self.intents(choice["intents"], member: "pending.intents"))
        }
    }

    /// Whether there is nothing worth keeping: a store deletes such a session
    /// rather than writing it.
    var isBlank: Bool {
        focus == nil && lastIntents.isEmpty && pending == nil
    }

    private static func names(_ intents: [Intent]) -> JSONValue {
        .array(intents.map { .string($0.rawValue) })
    }

    private static func strings(_ value: JSONValue?, member: String) throws(SessionDecodingError) -> [String] {
        guard let value else { return [] }
        guard case .array(let elements) = value else { throw .badMember(member) }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let string) = element else { throw .badMember(member) }
            strings.append(string)
        }
        return strings
    }

    private static func intents(_ value: JSONValue?, member: String) throws(SessionDecodingError) -> [Intent] {
        var intents: [Intent] = []
        for name in try strings(value, member: member) {
            guard let intent = Intent(rawValue: name) else { throw .badMember(member) }
            intents.append(intent)
        }
        return intents
    }
}
