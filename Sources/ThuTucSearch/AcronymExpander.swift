import ThuTucKnowledge
import ThuTucText

/// Spells out the acronyms of catalogue names and aliases ("thẻ BHYT" →
/// "thẻ bảo hiểm y tế") from the lexicon's abbreviations, so that a name
/// written either way matches a question written either way: the question's
/// acronyms are spelt out by the same entries when it is read.
struct AcronymExpander: Sendable {
    /// The lexicon file whose one-word entries are acronyms.
    static let sourceFile = "abbreviations.txt"

    private let readings: [String: String]

    init(lexicon: Lexicon) {
        var readings: [String: String] = [:]
        for mapping in lexicon.mappings where mapping.location.file.hasSuffix("/" + Self.sourceFile) && mapping.alternative == nil {
            let words = TextNormalizer.normalize(mapping.phrase).tokens
            guard words.count == 1, let word = words.first, word.kind == .word else { continue }
            readings[word.folded] = mapping.reading
        }
        self.readings = readings
    }

    /// `text` with each acronym written in capitals replaced by its reading;
    /// nil when it holds none. Lower-case words are left alone: "dn" in a
    /// name is not the acronym DN.
    func expand(_ text: String) -> String? {
        guard !readings.isEmpty else { return nil }
        let bytes = Array(text.utf8)
        var replacements: [(range: Range<Int>, reading: String)] = []
        TextNormalizer.scan(text) { word in
            guard word.kind == .word, word.range.count >= 2 else { return }
            let typed = bytes[word.range]
            let isCapitals = typed.allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 } && typed.contains { $0 >= 0x41 && $0 <= 0x5A }
            guard isCapitals, let reading = readings[String(decoding: word.folded, as: UTF8.self)] else { return }
            replacements.append((word.range, reading))
        }
        guard !replacements.isEmpty else { return nil }
        var output: [UInt8] = []
        var cursor = 0
        for replacement in replacements {
            output += bytes[cursor..<replacement.range.lowerBound]
            output += Array(replacement.reading.utf8)
            cursor = replacement.range.upperBound
        }
        output += bytes[cursor...]
        return String(decoding: output, as: UTF8.self)
    }
}
