/// Spelling rules on one syllable's ASCII letters.
enum Syllable {
    /// Rewrites a final "y" that is the syllable's only vowel into "i", after
    /// the onsets where both spell the same sound (kí/ký, lí/lý, mĩ/mỹ, quí/quý,
    /// sĩ/sỹ, hi/hy, tỉ/tỷ).
    @inline(__always)
    static func normalizeFinalY(_ letters: UnsafeMutableBufferPointer<UInt8>, marks: UnsafeBufferPointer<LetterMark>) {
        let count = letters.count
        guard count >= 2, count <= 3, letters[count - 1] == UInt8(ascii: "y"), marks[count - 1] == .none else { return }
        let isOnset: Bool
        if count == 2 {
            isOnset = "bdhklmnstv".utf8.contains(letters[0])
        } else {
            let pair = (letters[0], letters[1])
            isOnset = [("q", "u"), ("p", "h"), ("t", "h"), ("t", "r"), ("c", "h"), ("k", "h")].contains {
                pair == (UInt8(ascii: $0.0), UInt8(ascii: $0.1))
            }
        }
        if isOnset { letters[count - 1] = UInt8(ascii: "i") }
    }

    /// Whether `bytes` spell a catalogue code: one digit, a dot, six digits ("1.001193").
    static func isCatalogueCode(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count == 8, bytes[1] == UInt8(ascii: ".") else { return false }
        for (index, byte) in bytes.enumerated() where index != 1 {
            guard byte >= 0x30 && byte <= 0x39 else { return false }
        }
        return true
    }
}
