/// A phrase that tells how to read a message's clauses: an address line to
/// drop, a mark of the request, a place name that decides nothing, the
/// words that tell a death from a loss, or those that say a paper is held.
/// Loaded from `Knowledge/lexicon/anatomy.txt`.
public struct AnatomyPhrase: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Opens an address or greeting clause ("kính gửi"): the clause is dropped.
        case salutation
        /// Marks the sentence holding the request ("muốn", "phải làm").
        case request
        /// Joins two things asked at once ("và").
        case conjunction
        /// A province, city or well-known place.
        case place
        /// A word after which a lone capital letter is a placeholder name ("anh C").
        case placeholderTitle = "placeholder-title"
        /// A person a message speaks of ("bố", "chồng"): a ``death`` word
        /// after one is about that person.
        case person
        /// A word that says someone died when a ``person`` is its subject and
        /// nothing follows it ("bố tôi mới mất"), and a loss otherwise ("mất hộ chiếu").
        case death
        /// Says the citizen already holds the paper named after it ("đã được
        /// cấp"): a procedure that issues that paper is not what is asked.
        case held
    }

    public var kind: Kind
    public var phrase: String
    public var location: SourceLocation

    public init(kind: Kind, phrase: String, location: SourceLocation) {
        self.kind = kind
        self.phrase = phrase
        self.location = location
    }
}
