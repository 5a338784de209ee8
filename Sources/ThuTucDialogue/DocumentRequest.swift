import ThuTucSearch
import ThuTucText

/// Which case of a procedure's dossier a follow-up asks for: "hồ sơ trường
/// hợp 2" by the number a documents answer gives each case, or "trường hợp
/// thuê nhà" by words of the case's title.
public struct DocumentRequest: Sendable, Hashable {
    /// The case's number, as the documents answer lists them (from 1).
    public var number: Int?
    /// The words after "trường hợp", folded ("thue", "nha").
    public var words: [String]

    public init(number: Int?, words: [String] = []) {
        self.number = number
        self.words = words
    }

    /// The request in `query`, or nil when it names no case.
    public init?(_ query: AnalyzedQuery) {
        let tokens = query.normalized.tokens
        guard let start = tokens.indices.first(where: { index in
            index + 1 < tokens.count && tokens[index].folded == "truong" && tokens[index + 1].folded == "hop"
        }) else { return nil }
        let rest = tokens[(start + 2)...]
        if let first = rest.first, first.kind == .number, let number = Int(first.folded) {
            self.init(number: number)
            return
        }
        let words = rest.filter { $0.kind == .word }.map(\.folded).filter { !Self.fillers.contains($0) }
        guard !words.isEmpty else { return nil }
        self.init(number: nil, words: words)
    }

    /// Words of a follow-up that name no case ("thì sao", "cần gì").
    static let fillers: Set<String> = ["thi", "sao", "can", "gi", "nhung", "giay", "to", "ho", "so", "nao", "a", "the", "nhe", "vay", "la"]

    /// The position (from 0) of the case whose title best holds the words, when one holds at least half of them.
    func match(_ titles: [String]) -> Int? {
        guard !words.isEmpty else { return nil }
        var best: (index: Int, share: Double)?
        for (index, title) in titles.enumerated() {
            let titleWords = Set(TextNormalizer.normalize(title).tokens.map(\.folded))
            let share = Double(words.filter(titleWords.contains).count) / Double(words.count)
            if share >= 0.5, share > (best?.share ?? 0) { best = (index, share) }
        }
        return best?.index
    }
}
