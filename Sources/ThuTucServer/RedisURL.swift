/// Where the Redis session store connects, from a URL of the form
/// `redis://[[user]:password@]host[:port][/db]`: an IPv6 host in brackets,
/// port 6379 and database 0 by default, user and password percent-encoded.
public struct RedisURL: Sendable, Hashable, CustomStringConvertible {
    /// The accepted form, for error messages.
    public static let form = "a URL redis://[[user]:password@]host[:port][/db]"
    public static let `default` = RedisURL(host: "127.0.0.1", port: 6379, database: 0)

    public var host: String
    public var port: Int
    public var database: Int
    public var user: String?
    public var password: String?

    public init(host: String, port: Int, database: Int, user: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.database = database
        self.user = user
        self.password = password
    }

    /// Parses `text`; nil when it is not of the accepted form.
    public init?(_ text: String) {
        guard text.hasPrefix("redis://") else { return nil }
        var rest = Substring(text.dropFirst("redis://".count))
        if let at = rest.lastIndex(of: "@") {
            let credentials = rest[..<at]
            rest = rest[rest.index(after: at)...]
            guard let colon = credentials.firstIndex(of: ":"),
                  let user = Self.percentDecoded(credentials[..<colon]),
                  let password = Self.percentDecoded(credentials[credentials.index(after: colon)...]),
                  !password.isEmpty
            else { return nil }
            self.user = user.isEmpty ? nil : user
            self.password = password
        }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count).dropFirst()
        if path.isEmpty {
            database = 0
        } else {
            guard let number = Int(path), (0...100_000).contains(number) else { return nil }
            database = number
        }
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = authority[authority.index(after: colon)...]
        } else {
            host = String(authority)
        }
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else { return nil }
            port = number
        } else {
            port = 6379
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" || $0 == "@" }) else { return nil }
    }

    /// The URL without credentials, for the log and STATS.
    public var description: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "redis://\(shownHost):\(port)/\(database)"
    }

    /// `%40` as "@" and so on; nil for a malformed escape or bytes that are not UTF-8.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
