/// Why a text is not valid JSON, and where.
public struct JSONReaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset where reading stopped.
    public var offset: Int
    public var message: String

    public var description: String { "\(message) at byte \(offset)" }
}
