import ThuTucJSON

/// Why a JSON line does not fit the schema, with the path of the field.
struct SchemaError: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Typed, strict access to one JSON object's members, naming the field's
/// path in every error ("documents[2].items[0]: missing field 'name'").
///
/// Hand-written rather than Codable: the catalogue loads several times faster
/// this way, and unknown fields are caught (a typo in an overlay is an error,
/// not silently ignored).
struct JSONFields {
    private let members: [String: JSONValue]
    private let path: String

    init(_ value: JSONValue, path: String = "", allowed: Set<String>) throws(SchemaError) {
        guard case .object(let members) = value else { throw SchemaError(message: "\(Self.label(path))expected an object") }
        self.members = members
        self.path = path
        if let unknown = members.keys.filter({ !allowed.contains($0) }).min() {
            throw SchemaError(message: "\(Self.label(path))unknown field '\(unknown)'")
        }
    }

    private static func label(_ path: String) -> String {
        path.isEmpty ? "" : path + ": "
    }

    private func fail(_ key: String, _ expected: String) -> SchemaError {
        SchemaError(message: "\(Self.label(path))field '\(key)': expected \(expected)")
    }

    func string(_ key: String) throws(SchemaError) -> String {
        guard let value = members[key] else { throw SchemaError(message: "\(Self.label(path))missing field '\(key)'") }
        guard case .string(let text) = value else { throw fail(key, "a string") }
        return text
    }

    func optionalString(_ key: String) throws(SchemaError) -> String? {
        guard let value = members[key], !value.isNull else { return nil }
        guard case .string(let text) = value else { throw fail(key, "a string or null") }
        return text
    }

    func strings(_ key: String, required: Bool = true) throws(SchemaError) -> [String] {
        guard let value = members[key], !value.isNull else {
            if required { throw SchemaError(message: "\(Self.label(path))missing field '\(key)'") }
            return []
        }
        guard case .array(let elements) = value else { throw fail(key, "a list of strings") }
        var strings: [String] = []
        strings.reserveCapacity(elements.count)
        for element in elements {
            guard case .string(let text) = element else { throw fail(key, "a list of strings") }
            strings.append(text)
        }
        return strings
    }

    func optionalNumber(_ key: String) throws(SchemaError) -> Double? {
        guard let value = members[key], !value.isNull else { return nil }
        guard case .number(let number) = value else { throw fail(key, "a number or null") }
        return number
    }

    func optionalInteger(_ key: String) throws(SchemaError) -> Int? {
        guard let number = try optionalNumber(key) else { return nil }
        guard number == number.rounded(), abs(number) < 1e15 else { throw fail(key, "a whole number") }
        return Int(number)
    }

    func integer(_ key: String) throws(SchemaError) -> Int {
        guard let number = try optionalInteger(key) else { throw SchemaError(message: "\(Self.label(path))missing field '\(key)'") }
        return number
    }

    /// An enum stored by its raw string value.
    func enumeration<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type) throws(SchemaError) -> Value
    where Value.RawValue == String {
        let raw = try string(key)
        guard let value = Value(rawValue: raw) else { throw fail(key, "one of " + Value.allCases.map(\.rawValue).joined(separator: ", ")) }
        return value
    }

    func optionalEnumeration<Value: RawRepresentable & CaseIterable>(_ key: String, _ type: Value.Type) throws(SchemaError) -> Value?
    where Value.RawValue == String {
        guard members[key].map({ !$0.isNull }) ?? false else { return nil }
        return try enumeration(key, type)
    }

    /// A list of objects, each read by `read` with its own path.
    func objects<Element>(_ key: String, _ read: (JSONValue, String) throws(SchemaError) -> Element) throws(SchemaError) -> [Element] {
        guard let value = members[key] else { throw SchemaError(message: "\(Self.label(path))missing field '\(key)'") }
        guard case .array(let elements) = value else { throw fail(key, "a list") }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            result.append(try read(element, "\(path.isEmpty ? "" : path + ".")\(key)[\(index)]"))
        }
        return result
    }

    /// An optional nested object.
    func object<Element>(_ key: String, _ read: (JSONValue, String) throws(SchemaError) -> Element) throws(SchemaError) -> Element? {
        guard let value = members[key], !value.isNull else { return nil }
        return try read(value, "\(path.isEmpty ? "" : path + ".")\(key)")
    }
}
