import ThuTucText

/// Labels each choice of a clarification by the words of its name the other
/// choices lack ("Cấp đổi" / "Cấp lại"; "có yếu tố nước ngoài"), so a citizen
/// sees at a glance what tells them apart.
enum ChoiceLabeler {
    /// Longest label, in words, before it is cut with "…".
    static let maximumWords = 8

    static func label(_ candidates: [Candidate]) -> [SearchResult.Choice] {
        let names = candidates.map { CatalogueTokenizer.withoutParentheses(SearchIndex.withoutLevelSuffix($0.name)) }
        // Split and trimmed by bytes and scalars: the separators and marks
        // are single ASCII or punctuation scalars, and Character-wise
        // splitting would walk grapheme clusters for nothing.
        let words = names.map { name in
            name.utf8.split(separator: UInt8(ascii: " "))
                .map { String(decoding: $0, as: UTF8.self).trimmingPunctuation() }
                .filter { !$0.isEmpty }
        }
        let keys = words.map { $0.map(TextNormalizer.fold) }
        let common = keys.dropFirst().reduce(Set(keys.first ?? [])) { $0.intersection($1) }
        return candidates.indices.map { index in
            let label = distinctRuns(words[index], keys: keys[index], common: common)
            return SearchResult.Choice(candidate: candidates[index], label: label.isEmpty ? names[index] : label)
        }
    }

    /// The runs of words not shared by every choice, in order; a run of one
    /// short word keeps the word before it ("đổi" reads as "Cấp đổi").
    private static func distinctRuns(_ words: [String], keys: [String], common: Set<String>) -> String {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in words.indices {
            if common.contains(keys[index]) {
                if let first = start { runs.append(first..<index) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if let first = start { runs.append(first..<words.count) }
        runs = runs.map { run in
            run.count == 1 && words[run.lowerBound].count <= 4 && run.lowerBound > 0 ? (run.lowerBound - 1)..<run.upperBound : run
        }
        let chosen = runs.flatMap { words[$0] }
        var label = runs.map { words[$0].joined(separator: " ") }.joined(separator: " … ")
        if chosen.count > maximumWords { label = chosen.prefix(maximumWords).joined(separator: " ") + " …" }
        return label.prefix(1).uppercased() + label.dropFirst()
    }
}

private let punctuationMarks: Set<Unicode.Scalar> = [",", ";", ":", "(", ")", "-", "–", "/", ".", "\"", "“", "”"]

extension String {
    /// Without brackets, commas and similar marks at either end.
    fileprivate func trimmingPunctuation() -> String {
        var text = Substring(self).unicodeScalars
        while let first = text.first, punctuationMarks.contains(first) { text = text.dropFirst() }
        while let last = text.last, punctuationMarks.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
