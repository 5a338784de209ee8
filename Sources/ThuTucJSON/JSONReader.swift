/// Parses a whole JSON text into a ``JSONValue`` (requests, configuration).
///
/// Input may come from the network, so reading is strict and bounded:
/// nesting deeper than ``maximumDepth`` and malformed input are errors, never
/// crashes. Input must be valid UTF-8 (request lines and files are checked
/// as a whole first).
public enum JSONReader {
    /// Deeper nesting is rejected: requests, records and settings are shallow.
    public static let maximumDepth = 16

    /// Parses exactly one value, surrounded by optional whitespace.
    public static func parse<Bytes: Collection>(_ input: Bytes) throws(JSONReaderError) -> JSONValue where Bytes.Element == UInt8 {
        do {
            let value: JSONValue? = try input.withContiguousStorageIfAvailable { buffer in
                try JSONCursor.read(buffer) { try $0.value() }
            }
            if let value { return value }
            return try Array(input).withUnsafeBufferPointer { buffer in try JSONCursor.read(buffer) { try $0.value() } }
        } catch let error as JSONReaderError {
            throw error
        } catch {
            throw JSONReaderError(offset: 0, message: "\(error)")
        }
    }
}
