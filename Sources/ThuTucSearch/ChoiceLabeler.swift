import ThuTucText

/// Labels each choice of a clarification by the words of its name the other
/// choices lack ("cấp lại" / "cấp đổi"; "có yếu tố nước ngoài"), so a citizen
/// sees at a glance what tells them apart.
enum ChoiceLabeler {
    /// Longest label, in words, before it is cut with "…".
    static let maximumWords = 8

    static func label(_ candidates: [Candidate]) -> [SearchResult.Choice] {
        let names = candidates.map { SearchIndex.withoutLevelSuffix($0.procedure.name) }
        let wordLists = names.map { name in name.split(separator: " ").map(String.init) }
        let foldedLists = wordLists.map { words in words.map(TextNormalizer.fold) }
        let common = foldedLists.dropFirst().reduce(Set(foldedLists.first ?? [])) { $0.intersection($1) }
        return candidates.indices.map { index in
            let distinct = zip(wordLists[index], foldedLists[index]).filter { !common.contains($0.1) }.map(\.0)
            let words = distinct.isEmpty ? wordLists[index] : distinct
            var label = words.prefix(maximumWords).joined(separator: " ")
            if words.count > maximumWords { label += " …" }
            label = label.trimmingPunctuationEdges()
            return SearchResult.Choice(candidate: candidates[index], label: label.isEmpty ? names[index] : label)
        }
    }
}

extension String {
    /// Without commas, brackets and similar marks left at either end by cutting words out of a name.
    fileprivate func trimmingPunctuationEdges() -> String {
        let edges: Set<Character> = [",", ";", ":", "(", ")", "-", "–", "/", " "]
        var text = Substring(self)
        while let first = text.first, edges.contains(first) { text = text.dropFirst() }
        while let last = text.last, edges.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
