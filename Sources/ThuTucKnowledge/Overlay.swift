/// What we add to a catalogue procedure in our own words: the names citizens
/// use, plain-language steps, tips and where people usually go.
///
/// One line of `Knowledge/curated/*.jsonl`. ``name`` repeats the catalogue's
/// name so that `thutuc check` catches an overlay filed under the wrong code.
public struct Overlay: Sendable, Hashable {
    public var code: String
    /// The catalogue name of ``code``, verbatim.
    public var name: String
    /// Everyday names and phrasings ("làm giấy khai sinh", "sổ đỏ").
    public var aliases: [String]
    /// Plain-language steps, in order.
    public var steps: [String]
    /// Practical advice.
    public var tips: [String]
    /// Where a citizen usually goes, in plain words.
    public var place: String?

    public init(code: String, name: String, aliases: [String], steps: [String], tips: [String], place: String?) {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.steps = steps
        self.tips = tips
        self.place = place
    }
}
