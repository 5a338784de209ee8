/// A JSON value read from one request line.
///
/// Input may come from the network, so the reader is strict and bounded:
/// nesting deeper than ``JSONReader/maximumDepth`` and malformed input are
/// errors, never crashes, and numbers are doubles (out-of-range ones are errors).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
