/// The bounds on the longest reply a client may ask for (`max_chars` in
/// JSON, `--max-chars` on the command line), checked the same way and
/// refused with the same words everywhere: below 40 characters not even a
/// procedure's name and link fit.
public enum ReplyLengthLimit {
    public static let range = 40...100_000

    /// The value of `text` when it is a whole number in ``range``.
    public static func value(of text: String) -> Int? {
        Int(text).flatMap { range.contains($0) ? $0 : nil }
    }

    /// What a refusal says, naming the field or option as the client spelt it.
    public static func requirement(for name: String) -> String {
        "'\(name)' must be an integer from \(range.lowerBound) to \(range.upperBound)"
    }
}
