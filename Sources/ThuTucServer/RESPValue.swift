/// A reply in RESP2, the Redis serialization protocol.
enum RESPValue: Equatable, Sendable {
    /// `+OK`
    case simple(String)
    /// `-ERR …`
    case error(String)
    /// `:1`
    case integer(Int)
    /// `$3 abc`, or nil for `$-1` (a missing key)
    case bulk([UInt8]?)
    /// `*2 …`, or nil for `*-1`
    case array([RESPValue]?)

    /// A command as RESP sends it: an array of bulk strings.
    static func command(_ parts: [String]) -> [UInt8] {
        command(parts.map { Array($0.utf8) })
    }

    static func command(_ parts: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.reduce(16) { $0 + $1.count + 16 })
        bytes += Array("*\(parts.count)\r\n".utf8)
        for part in parts {
            bytes += Array("$\(part.count)\r\n".utf8)
            bytes += part
            bytes += [0x0D, 0x0A]
        }
        return bytes
    }
}
