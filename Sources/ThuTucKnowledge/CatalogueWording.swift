import ThuTucText

/// How the catalogue words what is not a procedure's topic: level suffixes,
/// the citizen subject, the bounds of an age. Loaded from
/// `Knowledge/lexicon/catalogue.txt`; see that file for each section.
public struct CatalogueWording: Sendable {
    /// How a name's level suffix starts ("thực hiện tại cấp", "cấp").
    public var levelSuffixes: [String] = []
    /// The words a level suffix ends with ("tỉnh", "trung ương"), each with
    /// the level it names ("huyện", gone since 2025, names the commune).
    public var levelWords: [(word: String, level: Level)] = []
    /// Subjects that mark a procedure individual citizens carry out.
    public var citizenSubjects: [String] = []
    /// The word before "N tuổi" making it an upper bound ("dưới"), a lower
    /// bound above N ("trên") or a lower bound from N ("từ", "đủ").
    public var ageBelow: [String] = []
    public var ageAbove: [String] = []
    public var ageFrom: [String] = []

    public init() {}
}

extension CatalogueWording {
    /// The section names of `catalogue.txt`.
    static let sections: Set<String> = ["level-suffix", "level-word", "citizen-subject", "age-below", "age-above", "age-from"]

    /// Adds a line of `section`; returns a message when the line is not
    /// what the section holds.
    mutating func add(_ phrase: String, to section: String) -> String? {
        switch section {
        case "level-suffix": levelSuffixes.append(phrase)
        case "level-word":
            let sides = phrase.split(separator: "=").map { String($0).collapsingWhitespace() }
            guard sides.count == 2, let level = Level(rawValue: sides[1]) else {
                return "expected 'WORD = LEVEL' (LEVEL one of \(Level.allCases.map(\.rawValue).joined(separator: ", "))), got '\(phrase)'"
            }
            levelWords.append((sides[0], level))
        case "citizen-subject": citizenSubjects.append(phrase)
        case "age-below": ageBelow.append(phrase)
        case "age-above": ageAbove.append(phrase)
        case "age-from": ageFrom.append(phrase)
        default: break
        }
        return nil
    }
}
