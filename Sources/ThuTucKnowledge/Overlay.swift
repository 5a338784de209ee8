/// What we add to a catalogue procedure in our own words: the names citizens
/// use, plain-language steps, tips, where people usually go, the usual
/// processing time with the provision it comes from, and a short list of
/// what to bring in the usual case.
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
    /// The usual processing time in words ("ngay trong ngày nhận đủ hồ sơ; nếu
    /// cần xác minh thêm thì không quá 5 ngày làm việc").
    public var time: String?
    /// The legal provision ``time`` comes from ("khoản 2 Điều 18 Luật Hộ tịch 2014").
    public var timeBasis: String?
    /// What to bring in the usual case, in plain words, agreeing with the
    /// catalogue's documents ("mang theo").
    public var bring: [String]

    public init(
        code: String, name: String, aliases: [String], steps: [String], tips: [String], place: String?,
        time: String? = nil, timeBasis: String? = nil, bring: [String] = []
    ) {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.steps = steps
        self.tips = tips
        self.place = place
        self.time = time
        self.timeBasis = timeBasis
        self.bring = bring
    }
}
