/// Why a JSON line does not fit the schema, naming the field's path.
struct SchemaError: Error, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }

    static func missing(_ field: String, in path: String) -> SchemaError {
        SchemaError(message: "\(path.isEmpty ? "" : path + ": ")missing field '\(field)'")
    }

    static func unknown(_ field: String, in path: String) -> SchemaError {
        SchemaError(message: "\(path.isEmpty ? "" : path + ": ")unknown field '\(field)'")
    }

    static func bad(_ field: String, in path: String, expected: String) -> SchemaError {
        SchemaError(message: "\(path.isEmpty ? "" : path + ".")\(field): expected \(expected)")
    }
}

/// Wraps a reader step so a type mismatch names the field it happened in.
@inline(__always)
func reading<Value>(_ name: String, in path: String, expected: String, _ read: () throws -> Value) throws -> Value {
    do {
        return try read()
    } catch let error as SchemaError {
        throw error
    } catch {
        throw SchemaError.bad(name, in: path, expected: expected)
    }
}
