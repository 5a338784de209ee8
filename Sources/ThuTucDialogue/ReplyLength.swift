/// The sizes a client may ask replies to be cut to (`max_chars` in JSON,
/// `--max-chars` on the command line), in one place so that every
/// interface accepts and refuses the same: below ``minimum`` not even a
/// procedure's name and what was asked fit.
public enum ReplyLength {
    /// The shortest reply a client may ask for, in characters.
    public static let minimum = 40
    /// The longest, in characters.
    public static let maximum = 100_000
    public static let range = minimum...maximum
}
