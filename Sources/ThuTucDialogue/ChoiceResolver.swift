import ThuTucKnowledge
import ThuTucSearch
import ThuTucText

/// Reads a reply to a clarification: a choice's number in any of the forms
/// of `choices.txt` ("2", "số 2", "cái thứ hai"), or the words of one
/// choice's label or name.
struct ChoiceResolver {
    let engine: SearchEngine

    /// What a reply to a pending choice says.
    enum Reading: Equatable {
        /// The number of a choice, from 1 (possibly out of range).
        case number(Int)
        /// The choice at this index, named by its words.
        case named(Int)
        /// Something else: a new question.
        case other
    }

    func read(_ query: AnalyzedQuery, labels: [String], names: [String]) -> Reading {
        if let number = number(in: query.normalized.tokens) { return .number(number) }
        return named(query, among: [labels, names]).map(Reading.named) ?? .other
    }

    /// The number a reply made of nothing else stands for.
    private func number(in tokens: [Token]) -> Int? {
        let words = engine.knowledge.lexicon.choices
        var remaining = tokens.map(\.folded)[...]
        var found: Int?
        while !remaining.isEmpty {
            // The longest phrase of the three lists at this point, up to three words.
            var matched = false
            for length in stride(from: min(3, remaining.count), through: 1, by: -1) {
                let phrase = remaining.prefix(length).joined(separator: " ")
                if let value = Int(phrase) ?? words.numbers[phrase] {
                    guard found == nil else { return nil }
                    found = value
                } else if !words.markers.contains(phrase) && !words.fillers.contains(phrase) {
                    continue
                }
                remaining = remaining.dropFirst(length)
                matched = true
                break
            }
            if !matched { return nil }
        }
        return found
    }

    /// The only text (label, or failing that name) holding every known word
    /// of the reply; nil when none or several do.
    private func named(_ query: AnalyzedQuery, among lists: [[String]]) -> Int? {
        let words = Set(query.terms.filter(\.isKnown).map(\.text))
        guard !words.isEmpty, query.terms.allSatisfy(\.isKnown) else { return nil }
        for texts in lists {
            let holders = texts.indices.filter { words.isSubset(of: Set(engine.analyze(texts[$0]).terms.map(\.text))) }
            if holders.count == 1 { return holders.first }
            if holders.count > 1 { return nil }
        }
        return nil
    }
}
