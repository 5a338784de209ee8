/// How the catalogue words what is not a procedure's topic: level suffixes,
/// the citizen subject, the bounds of an age. Loaded from
/// `Knowledge/lexicon/catalogue.txt`; see that file for each section.
public struct CatalogueWording: Sendable, Hashable {
    /// How a name's level suffix starts ("thực hiện tại cấp", "cấp").
    public var levelSuffixes: [String] = []
    /// The words a level suffix ends with ("tỉnh", "trung ương").
    public var levelWords: [String] = []
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

    mutating func add(_ phrase: String, to section: String) {
        switch section {
        case "level-suffix": levelSuffixes.append(phrase)
        case "level-word": levelWords.append(phrase)
        case "citizen-subject": citizenSubjects.append(phrase)
        case "age-below": ageBelow.append(phrase)
        case "age-above": ageAbove.append(phrase)
        case "age-from": ageFrom.append(phrase)
        default: break
        }
    }
}
