/// How citizens answer "which one?" after a clarification: number words,
/// the markers before them and the filler around them. Loaded from
/// `Knowledge/lexicon/choices.txt`, all folded (without accents).
public struct ChoiceWords: Sendable, Hashable {
    /// Folded number words and the number each stands for ("hai" → 2).
    public var numbers: [String: Int] = [:]
    /// Folded phrases that may stand before the number ("cai thu").
    public var markers: Set<String> = []
    /// Folded phrases that may stand around it ("a", "nhe").
    public var fillers: Set<String> = []

    public init() {}
}
