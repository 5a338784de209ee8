import ThuTucJSON

/// The `"sessions"` object of `Config/thutuc.json`: where conversations are
/// kept between turns.
///
///     "sessions": {"store": "redis", "url": "redis://127.0.0.1:6379/0", "prefix": "thutuc:", "timeoutMilliseconds": 200}
///
/// How long a session lives and how many the memory store keeps stay in the
/// top-level `sessionExpirySeconds` and `maxSessions`.
public struct SessionStoreConfiguration: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// This process's memory: the default, private to one instance.
        case memory
        /// A Redis server shared by every instance.
        case redis
    }

    public var kind = Kind.memory
    /// The Redis server, for the Redis store.
    public var url = RedisURL.default
    /// Put before every session id to make its key, so that one Redis can
    /// serve other applications (or several ThuTuc clusters) too.
    public var prefix = "thutuc:"
    /// How long a turn waits for Redis (to connect, to read or to write its
    /// session) before it is answered without it; a Redis that takes longer
    /// is treated as down.
    public var timeoutMilliseconds = 200

    public init() {}

    /// Sets one member of the object; `source` names the file for errors.
    mutating func set(_ key: String, from value: JSONValue, source: String) throws(ConfigurationError) {
        let path = "sessions.\(key)"
        func bad(_ expected: String) -> ConfigurationError { .badValue(path: source, key: path, expected: expected) }
        switch key {
        case "store":
            guard case .string(let text) = value, let parsed = Kind(rawValue: text) else { throw bad("\"memory\" or \"redis\"") }
            kind = parsed
        case "url":
            guard case .string(let text) = value, let parsed = RedisURL(text) else { throw bad(RedisURL.form) }
            url = parsed
        case "prefix":
            guard case .string(let text) = value, text.utf8.count <= 256 else { throw bad("a string of at most 256 bytes") }
            prefix = text
        case "timeoutMilliseconds":
            guard case .number(let number) = value, let milliseconds = Int(exactly: number), (1...60_000).contains(milliseconds) else {
                throw bad("an integer in 1…60000")
            }
            timeoutMilliseconds = milliseconds
        default:
            throw .unknownKey(path: source, key: path)
        }
    }
}
