/// The sizes a client may ask replies to be cut to (`max_chars` in JSON,
/// `--max-chars` on the command line), in one place so that every
/// interface accepts and refuses the same, in the same words: below
/// ``minimum`` not even a procedure's name and what was asked fit.
public enum ReplyLength {
    /// The shortest reply a client may ask for, in characters.
    public static let minimum = 40
    /// The longest, in characters.
    public static let maximum = 100_000
    public static let range = minimum...maximum

    /// The value of `text` when it is a whole number in ``range``.
    public static func value(of text: String) -> Int? {
        Int(text).flatMap { range.contains($0) ? $0 : nil }
    }

    /// What a refusal says, naming the field or option as the client spelt it.
    public static func requirement(for name: String) -> String {
        "'\(name)' must be an integer from \(minimum) to \(maximum)"
    }
}
