/// One word of normalised text, in the two forms the engine compares.
///
/// ``folded`` drops every mark ("đăng" → "dang") so that text typed without
/// accents still matches. ``marked`` keeps the letter marks and the tone in a
/// canonical ASCII spelling ("đăng" → "da(ng", "hoà" and "hòa" → "hoa2",
/// "kí" and "ký" → "ki1"), so that a word typed with its accents can rank above
/// one that matches only when folded. đ and d share a key on purpose: people
/// type "d" for "đ" far more often than the two words differ.
public struct Token: Sendable, Hashable {
    /// What a token is made of.
    public enum Kind: Sendable, Hashable {
        case word
        /// Digits, possibly with "." "," or "/" between them ("50.000", "14").
        case number
        /// A catalogue code such as "1.001193".
        case code
    }

    /// The token as typed, in NFC-insensitive scalar form.
    public var text: String
    /// Lower-case ASCII without marks (non-Vietnamese letters kept as they are).
    public var folded: String
    /// The canonical accented key, or nil when the token carries no accent information.
    public var marked: String?
    public var kind: Kind
    /// Whether the token as typed carried any tone or letter mark (including đ).
    public var hasDiacritics: Bool
    /// What the punctuation between the previous token and this one ends.
    public var boundary: Boundary

    /// The strongest break the punctuation before a token makes: a message
    /// that tells a story is read clause by clause, and a sentence closed by
    /// "?" is where the request usually stands.
    public enum Boundary: Int, Sendable, Hashable, Comparable {
        /// Only spaces (or nothing: the first token).
        case none
        /// A comma, colon, bracket or dash: a new clause of the same sentence.
        case clause
        /// A full stop, "!", ";" or a line break.
        case sentence
        /// A "?": the previous sentence was a question.
        case question

        public static func < (lhs: Boundary, rhs: Boundary) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public init(text: String, folded: String, marked: String?, kind: Kind, hasDiacritics: Bool, boundary: Boundary = .none) {
        self.text = text
        self.folded = folded
        self.marked = marked
        self.kind = kind
        self.hasDiacritics = hasDiacritics
        self.boundary = boundary
    }
}

/// A text split into tokens, with whether it was typed with accents.
public struct NormalizedText: Sendable, Hashable {
    public var tokens: [Token]
    /// True when enough words carry accents that unaccented words are taken as
    /// deliberately unaccented ("khai" in "đăng ký khai sinh").
    public var isAccented: Bool
    /// The punctuation after the last token, as ``Token/boundary`` reads it.
    public var ending: Token.Boundary

    public init(tokens: [Token], isAccented: Bool, ending: Token.Boundary = .none) {
        self.tokens = tokens
        self.isAccented = isAccented
        self.ending = ending
    }

    /// The folded words joined by single spaces ("dang ky khai sinh").
    public var foldedText: String {
        tokens.map(\.folded).joined(separator: " ")
    }
}
