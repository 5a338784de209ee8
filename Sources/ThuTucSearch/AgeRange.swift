import ThuTucKnowledge
import ThuTucText

/// The ages a procedure's name restricts it to ("dưới 14 tuổi", "từ đủ 14 tuổi trở lên"),
/// or the ages a question states ("cho con 8 tuổi").
///
/// A question that gives an age can then prefer the variant whose range
/// holds it, without any alias naming that age.
struct AgeRange: Sendable, Equatable {
    var lower: Int?
    var upper: Int?

    /// Whether some age lies in both ranges.
    func overlaps(_ other: AgeRange) -> Bool {
        let low = max(lower ?? Int.min, other.lower ?? Int.min)
        let high = min(upper ?? Int.max, other.upper ?? Int.max)
        return low <= high
    }
}

/// Reads ages with the bounds of `Knowledge/lexicon/catalogue.txt` ("dưới",
/// "trên", "từ", "đủ" before "N tuổi").
struct AgeReader: Sendable {
    private let below: Set<String>
    private let above: Set<String>
    private let from: Set<String>
    /// The word after the number: "tuổi" (age), folded.
    static let ageWord = "tuoi"

    init(wording: CatalogueWording) {
        below = Set(wording.ageBelow.map(TextNormalizer.fold))
        above = Set(wording.ageAbove.map(TextNormalizer.fold))
        from = Set(wording.ageFrom.map(TextNormalizer.fold))
    }

    /// The bound the words before "N tuổi" make, by the last one or two of them.
    private enum Bound { case below, above, from, exact }

    private func bound(before words: ArraySlice<String>) -> Bound {
        let last = words.last ?? ""
        let pair = words.count >= 2 ? words[words.index(before: words.endIndex) - 1] + " " + last : ""
        for key in [pair, last] where !key.isEmpty {
            if below.contains(key) { return .below }
            if above.contains(key) { return .above }
            if from.contains(key) { return .from }
        }
        return .exact
    }

    /// The range a procedure's name states; nil when it states none.
    func range(name: String) -> AgeRange? {
        guard name.containsBytes("tuổi") || name.containsBytes("TUỔI") || name.containsBytes("Tuổi") else { return nil }
        let words = TextNormalizer.normalize(name).tokens.map(\.folded)
        var range = AgeRange()
        for (index, word) in words.enumerated() where word == Self.ageWord && index > 0 {
            guard let age = Int(words[index - 1]) else { continue }
            switch bound(before: words[max(0, index - 3)..<(index - 1)]) {
            case .below: range.upper = age - 1
            case .above: range.lower = age + 1
            case .from: range.lower = age
            case .exact: continue
            }
        }
        return range.lower != nil || range.upper != nil ? range : nil
    }

    /// The ages a question states: "8 tuổi" is 8, "dưới 14 tuổi" up to 13,
    /// "trên 14 tuổi" from 15, "từ 14 tuổi" from 14. `words` are folded.
    func range(stated age: Int, after words: ArraySlice<String>) -> AgeRange {
        switch bound(before: words) {
        case .below: AgeRange(lower: nil, upper: age - 1)
        case .above: AgeRange(lower: age + 1, upper: nil)
        case .from: AgeRange(lower: age, upper: nil)
        case .exact: AgeRange(lower: age, upper: age)
        }
    }
}
