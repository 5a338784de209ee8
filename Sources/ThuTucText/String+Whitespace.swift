extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines, NBSP).
    ///
    /// Foundation's `trimmingCharacters(in:)` is not in FoundationEssentials and
    /// is slow on Linux; this walks Unicode scalars from both ends.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text with every run of whitespace collapsed to one space, trimmed.
    public func collapsingWhitespace() -> String {
        // Built as UTF-8 bytes: appending scalars to a String one at a time
        // makes a small String of each first, and procedure names run to
        // hundreds of scalars.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isWhitespace {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace {
                    bytes.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property, answered for ASCII without the
    /// property tables: the catalogue's millions of characters are mostly
    /// ASCII letters, spaces and digits.
    var isWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (0x09...0x0D).contains(value) : properties.isWhitespace
    }
}
