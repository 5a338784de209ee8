/// A topic the catalogue does not hold (health, labour, the press…) or a
/// message that is no procedure question (the status of a file, a fine),
/// with who handles it and the phrases that name it. Loaded from
/// `Knowledge/lexicon/outside.txt`.
public struct OutsideTopic: Sendable, Hashable {
    /// How the reply names the topic ("y tế").
    public var topic: String
    /// Who handles it, shown to the citizen as written.
    public var body: String
    public var phrases: [String]
    public var location: SourceLocation

    public init(topic: String, body: String, phrases: [String], location: SourceLocation) {
        self.topic = topic
        self.body = body
        self.phrases = phrases
        self.location = location
    }
}
