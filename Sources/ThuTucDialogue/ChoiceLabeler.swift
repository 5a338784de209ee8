import Foundation
import ThuTucKnowledge
import ThuTucSearch
import ThuTucText

/// Decides whether near-equal candidates are variants of one procedure the
/// message does not choose between, and labels each by what differs ("cấp
/// lại" / "cấp đổi"; "trong nước" / "có yếu tố nước ngoài"), so that a
/// citizen sees at a glance what tells them apart.
struct ChoiceLabeler {
    /// The longest label, in characters.
    static let longestLabel = 60
    /// Marks that never start or end a label.
    static let marks = CharacterSet(charactersIn: "()[],;:.-–/ ")
    /// Share of the shorter name's words two variants must share.
    static let sharedWords = 0.6

    let engine: SearchEngine

    /// The variants to offer, the leader first; nil when no rival is a
    /// variant of the leader that the message leaves open.
    func variants(leader: Candidate, rivals: [Candidate], query: AnalyzedQuery) -> [Candidate]? {
        let asked = Set(query.terms.map(\.text))
        let variants = rivals.filter { rival in
            guard rival.features.concepts == leader.features.concepts, sharesWords(leader, rival) else { return false }
            // The message settles the difference when it holds a word only one of the two names has.
            let one = words(leader), other = words(rival)
            return one.symmetricDifference(other).isDisjoint(with: asked)
        }
        return variants.isEmpty ? nil : [leader] + variants
    }

    /// `candidates` (``variants(leader:rivals:query:)``) as choices, each
    /// labelled by what tells it from the others. Made only for a reply that
    /// asks back: labelling is most of the labeller's work.
    func choices(_ candidates: [Candidate]) -> [Decision.Choice] {
        let concepts = candidates.map { engine.concepts(of: $0.position) }
        // Names that differ only inside brackets are told apart by what the brackets say.
        let plain = candidates.map(plainName)
        let names = Set(plain).count == plain.count ? plain : candidates.map { engine.baseName(of: $0.procedure) }
        return candidates.indices.map { index in
            Decision.Choice(candidate: candidates[index], label: label(index, of: names, concepts: concepts))
        }
    }

    /// Whether two names, without their level and bracketed parts, share
    /// most of the shorter one's words.
    private func sharesWords(_ first: Candidate, _ second: Candidate) -> Bool {
        let one = words(first), other = words(second)
        let shorter = min(one.count, other.count)
        guard shorter > 0 else { return false }
        return Double(one.intersection(other).count) >= Self.sharedWords * Double(shorter)
    }

    private func words(_ candidate: Candidate) -> Set<String> {
        engine.nameWords(of: candidate.position)
    }

    private func plainName(_ candidate: Candidate) -> String {
        withoutBrackets(engine.baseName(of: candidate.procedure))
    }

    /// The concepts only this choice has; failing that, how the others'
    /// concepts call the variant without them ("trong nước", "cấp mới");
    /// failing that, the part of its name the others do not share.
    private func label(_ index: Int, of names: [String], concepts: [[Concept]]) -> String {
        let own = concepts[index].filter { concept in
            concepts.indices.allSatisfy { other in other == index || !concepts[other].contains { $0.label == concept.label } }
        }
        var parts = own.map(\.label)
        if parts.isEmpty {
            let others = concepts.indices.filter { $0 != index }.flatMap { concepts[$0] }
            parts = others.compactMap { concept in
                concept.plainLabel ?? (concept.kind == .action ? engine.usualActionLabel : nil)
            }
        }
        if concepts.allSatisfy({ Set($0.map(\.label)) == Set(concepts[index].map(\.label)) }) { parts = [] }
        var seen = Set<String>()
        let label = parts.filter { seen.insert($0).inserted }.joined(separator: ", ")
        return Self.shortened(capitalized(label.isEmpty ? Self.distinctPart(of: index, in: names) : label))
    }

    /// The beginning every choice's name shares, when it is at least two
    /// words: what the clarification is about ("Cấp thẻ căn cước cho người").
    static func sharedTopic(of names: [String]) -> String? {
        let words = names.map { $0.split(separator: " ").map(String.init) }
        guard let first = words.first, words.count > 1 else { return nil }
        let keys = words.map { $0.map(TextNormalizer.fold) }
        var prefix = 0
        while prefix < first.count, keys.allSatisfy({ prefix < $0.count && $0[prefix] == keys[0][prefix] }) { prefix += 1 }
        let topic = first[..<prefix].joined(separator: " ").trimmingCharacters(in: marks)
        return topic.split(separator: " ").count >= 2 ? shortened(topic) : nil
    }

    /// The topic of a clarification between `choices`, from their plain names.
    func topic(of choices: [Decision.Choice]) -> String? {
        Self.sharedTopic(of: choices.map { plainName($0.candidate) })
    }

    /// The words of one name between the beginning and the end it shares with
    /// every other name ("dưới 14 tuổi" of "Cấp thẻ … cho người dưới 14 tuổi").
    /// A beginning of one word stays, as ``sharedTopic(of:)`` shows none: it
    /// is often half of a word ("Tuyển sinh", "Tuyển chọn"), and "Sinh vào
    /// các trường…" reads as nonsense.
    static func distinctPart(of index: Int, in names: [String]) -> String {
        let words = names.map { $0.split(separator: " ").map(String.init) }
        let keys = words.map { $0.map(TextNormalizer.fold) }
        let own = keys[index]
        var prefix = 0
        while prefix < own.count, keys.allSatisfy({ prefix < $0.count && $0[prefix] == own[prefix] }) { prefix += 1 }
        if prefix < 2 { prefix = 0 }
        var suffix = 0
        while suffix < own.count - prefix,
            keys.allSatisfy({ suffix < $0.count - prefix && $0[$0.count - 1 - suffix] == own[own.count - 1 - suffix] })
        {
            suffix += 1
        }
        let part = words[index][prefix..<(own.count - suffix)].joined(separator: " ").trimmingCharacters(in: Self.marks)
        return part.isEmpty ? names[index] : part
    }

    private func capitalized(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `text` cut at a word boundary to fit ``longestLabel``, with "…".
    static func shortened(_ text: String) -> String {
        guard text.isLonger(than: longestLabel) else { return text }
        var cut = String(text.prefix(longestLabel - 1))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: [",", ";", " "]) + "…"
    }

    /// `text` with every bracketed part removed.
    private func withoutBrackets(_ text: String) -> String {
        var depth = 0
        var kept = ""
        for character in text {
            if character == "(" {
                depth += 1
            } else if character == ")" {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                kept.append(character)
            }
        }
        return kept.collapsingWhitespace()
    }
}
