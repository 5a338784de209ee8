/// Hides personal data citizens type into questions before a question
/// reaches a log: ID-card numbers (9 or 12 digits), phone numbers (10–11
/// digits, or +84…) and e-mail addresses.
public enum LogMasker {
    /// `text` with each such number or address replaced by "***".
    public static func mask(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for (index, word) in text.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { output += " " }
            output += isPersonal(word) ? maskedWord(word) : String(word)
        }
        return output
    }

    private static func isPersonal(_ word: Substring) -> Bool {
        if word.contains("@") {
            let parts = word.split(separator: "@")
            return parts.count == 2 && parts[1].contains(".")
        }
        let digits = word.unicodeScalars.filter { $0.value >= 0x30 && $0.value <= 0x39 }.count
        let separators = word.unicodeScalars.filter { ".-+() ".unicodeScalars.contains($0) }.count
        let letters = word.unicodeScalars.count - digits - separators
        return digits >= 8 && letters <= 2
    }

    /// Keeps surrounding punctuation so that the log stays readable.
    private static func maskedWord(_ word: Substring) -> String {
        let trailing = word.reversed().prefix { ",.;:!?)".contains($0) }
        return "***" + String(trailing.reversed())
    }
}
