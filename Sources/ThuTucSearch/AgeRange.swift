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

    func contains(_ age: Int) -> Bool {
        if let lower, age < lower { return false }
        if let upper, age > upper { return false }
        return true
    }
}
