/// Spelling rules on one syllable's ASCII letters.
enum Syllable {
    /// Consonant onsets after which a lone final "y" and "i" spell the same sound
    /// (kí/ký, lí/lý, mĩ/mỹ, quí/quý, sĩ/sỹ, hi/hy, tỉ/tỷ).
    private static let onsets: Set<[UInt8]> = Set(
        ["b", "d", "h", "k", "l", "m", "n", "s", "t", "v", "qu", "ph", "th", "tr", "ch", "kh"]
            .map { Array($0.utf8) }
    )

    /// Rewrites a final "y" that is the syllable's only vowel into "i".
    static func normalizeFinalY(_ letters: inout [UInt8], marks: inout [LetterMark]) {
        guard letters.count >= 2, letters.last == UInt8(ascii: "y"), marks.last == LetterMark.none else { return }
        let onset = Array(letters.dropLast())
        guard onsets.contains(onset) else { return }
        letters[letters.count - 1] = UInt8(ascii: "i")
    }

    /// Whether `bytes` spell a catalogue code: one digit, a dot, six digits ("1.001193").
    static func isCatalogueCode(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 8, bytes[1] == UInt8(ascii: ".") else { return false }
        for (index, byte) in bytes.enumerated() where index != 1 {
            guard byte >= 0x30 && byte <= 0x39 else { return false }
        }
        return true
    }
}
