extension StringProtocol {
    /// The text without leading and trailing whitespace (spaces, tabs, newlines, NBSP).
    ///
    /// Foundation's `trimmingCharacters(in:)` is not in FoundationEssentials and
    /// is slow on Linux; this walks Unicode scalars from both ends.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text with every run of whitespace collapsed to one space, trimmed.
    public func collapsingWhitespace() -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(unicodeScalars.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
