import ThuTucText

/// The ages a procedure's name restricts it to ("dưới 14 tuổi", "từ đủ 14 tuổi trở lên").
///
/// A question that gives an age ("cho con 8 tuổi") can then prefer the variant
/// whose range holds it, without any alias naming that age.
struct AgeRange: Sendable, Equatable {
    var lower: Int?
    var upper: Int?

    /// Reads the range from a procedure name; nil when the name states none.
    init?(name: String) {
        guard name.containsBytes("tuổi") || name.containsBytes("TUỔI") || name.containsBytes("Tuổi") else { return nil }
        let words = TextNormalizer.normalize(name).tokens.map(\.folded)
        var lower: Int?
        var upper: Int?
        for (index, word) in words.enumerated() where word == "tuoi" && index > 0 {
            guard let age = Int(words[index - 1]) else { continue }
            let before = words[max(0, index - 3)..<(index - 1)]
            if before.last == "duoi" {
                upper = age - 1
            } else if before.contains("tu") || before.contains("tren") || before.contains("du") {
                lower = before.last == "tren" ? age + 1 : age
            }
        }
        guard lower != nil || upper != nil else { return nil }
        self.lower = lower
        self.upper = upper
    }

    init(lower: Int?, upper: Int?) {
        self.lower = lower
        self.upper = upper
    }

    /// The ages a question states: "8 tuổi" is 8, "dưới 14 tuổi" up to 13,
    /// "trên 14 tuổi" from 15, "từ 14 tuổi" from 14. `words` are folded.
    init(stated age: Int, after words: ArraySlice<String>) {
        switch words.last {
        case "duoi": self.init(lower: nil, upper: age - 1)
        case "tren": self.init(lower: age + 1, upper: nil)
        case "tu", "du": self.init(lower: age, upper: nil)
        default: self.init(lower: age, upper: age)
        }
    }

    /// Whether some age lies in both ranges.
    func overlaps(_ other: AgeRange) -> Bool {
        let low = max(lower ?? Int.min, other.lower ?? Int.min)
        let high = min(upper ?? Int.max, other.upper ?? Int.max)
        return low <= high
    }
}
