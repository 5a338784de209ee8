import Foundation
import ThuTucKnowledge
import ThuTucText

/// The catalogue indexed for search: words interned, postings per field,
/// titles (names and aliases) kept in order for phrase and coverage scoring,
/// level variants grouped into families.
///
/// Built once per knowledge version; immutable and shared by all queries.
public struct SearchIndex: Sendable {
    public let knowledge: KnowledgeBase
    let terms: TermTable
    let procedures: [IndexedProcedure]
    let postings: [[Posting]]
    let markedPostings: [[Posting]]
    let averageLength: [Float]
    /// Per folded term: procedures holding it in any field.
    let documentFrequency: [Int32]
    /// Per folded term: families holding it in a name or alias.
    let titleFrequency: [Int32]
    /// Procedure positions per family.
    let families: [[Int32]]
    /// Folded terms of titles, aliases and the lexicon: what typos are corrected to.
    let corrections: CorrectionIndex
    let lexicon: LexiconMatcher
    /// Pairs of folded words that stand next to each other in some title.
    let titleBigrams: Set<UInt64>
    /// Folded field names (lĩnh vực) with their procedures, for list questions.
    let fieldNames: [(name: String, text: IndexedText, procedures: [Int32])]

    /// Indexes `knowledge`.
    public init(knowledge: KnowledgeBase) {
        var terms = TermTable()
        let lexicon = LexiconMatcher(lexicon: knowledge.lexicon, terms: &terms)
        let stopwordIDs = lexicon.singleWordStopwords

        var familyByKey: [String: Int32] = [:]
        var families: [[Int32]] = []
        var familyOf: [Int32] = []
        for (position, procedure) in knowledge.procedures.enumerated() {
            let key = Self.familyKey(procedure.name)
            let family: Int32
            if let existing = familyByKey[key] {
                family = existing
            } else {
                family = Int32(families.count)
                familyByKey[key] = family
                families.append([])
            }
            families[Int(family)].append(Int32(position))
            familyOf.append(family)
        }
        var aliasesByFamily: [[String]] = Array(repeating: [], count: families.count)
        for (position, procedure) in knowledge.procedures.enumerated() {
            if let overlay = knowledge.overlays[procedure.code] {
                aliasesByFamily[Int(familyOf[position])] += overlay.aliases
            }
        }

        var procedures: [IndexedProcedure] = []
        procedures.reserveCapacity(knowledge.procedures.count)
        var postings: [[Posting]] = []
        var markedPostings: [[Posting]] = []
        var lengthSums = [Float](repeating: 0, count: IndexField.allCases.count)
        var documentFrequency: [Int32] = []
        var titleTermsByFamily: [Set<Int32>] = Array(repeating: [], count: families.count)

        func index(_ text: String) -> IndexedText {
            let tokens = TextNormalizer.normalize(text).tokens.filter { $0.kind != .code }
            var folded: [Int32] = []
            var marked: [Int32] = []
            folded.reserveCapacity(tokens.count)
            marked.reserveCapacity(tokens.count)
            for token in tokens {
                folded.append(terms.internFolded(token.folded))
                marked.append(token.marked.map { terms.internMarked($0) } ?? -1)
            }
            return IndexedText(folded: folded, marked: marked)
        }

        for (position, procedure) in knowledge.procedures.enumerated() {
            let family = familyOf[position]
            let name = index(Self.withoutLevelSuffix(procedure.name))
            let aliases = aliasesByFamily[Int(family)].map(index)
            var fields: [IndexField: [IndexedText]] = [:]
            fields[.name] = [name]
            fields[.alias] = aliases
            fields[.field] = [index(procedure.field)]
            fields[.result] = procedure.results.map { index($0.name) }
            fields[.document] = procedure.documents.flatMap { $0.items.map { index($0.name) } }
            fields[.agency] = (procedure.agencies + procedure.authorities).map(index)

            var lengths = [Float](repeating: 0, count: IndexField.allCases.count)
            var seenInProcedure = Set<Int32>()
            for field in IndexField.allCases {
                var counts: [Int32: Int] = [:]
                var markedCounts: [Int32: Int] = [:]
                for text in fields[field] ?? [] {
                    lengths[field.rawValue] += Float(text.count)
                    for (folded, marked) in zip(text.folded, text.marked) {
                        counts[folded, default: 0] += 1
                        if marked >= 0 { markedCounts[marked, default: 0] += 1 }
                    }
                }
                lengthSums[field.rawValue] += lengths[field.rawValue]
                for (term, count) in counts {
                    while postings.count <= Int(term) { postings.append([]) }
                    postings[Int(term)].append(Posting(document: Int32(position), field: UInt8(field.rawValue), frequency: UInt16(min(count, Int(UInt16.max)))))
                    seenInProcedure.insert(term)
                }
                for (term, count) in markedCounts {
                    while markedPostings.count <= Int(term) { markedPostings.append([]) }
                    markedPostings[Int(term)].append(Posting(document: Int32(position), field: UInt8(field.rawValue), frequency: UInt16(min(count, Int(UInt16.max)))))
                }
            }
            for term in seenInProcedure {
                while documentFrequency.count <= Int(term) { documentFrequency.append(0) }
                documentFrequency[Int(term)] += 1
            }
            for title in [name] + aliases {
                titleTermsByFamily[Int(family)].formUnion(title.folded)
            }
            procedures.append(
                IndexedProcedure(
                    titles: [name] + aliases,
                    family: family,
                    lengths: lengths,
                    ages: AgeRange(name: procedure.name),
                    levels: procedure.levels
                )
            )
        }
        let count = max(Float(knowledge.procedures.count), 1)
        averageLength = lengthSums.map { max($0 / count, 1) }

        var titleFrequency = [Int32](repeating: 0, count: terms.foldedCount)
        for set in titleTermsByFamily {
            for term in set { titleFrequency[Int(term)] += 1 }
        }
        while postings.count < terms.foldedCount { postings.append([]) }
        while markedPostings.count < terms.markedCount { markedPostings.append([]) }
        while documentFrequency.count < terms.foldedCount { documentFrequency.append(0) }

        var fieldGroups: [String: [Int32]] = [:]
        for (position, procedure) in knowledge.procedures.enumerated() {
            fieldGroups[procedure.field, default: []].append(Int32(position))
        }
        var fieldNames: [(name: String, text: IndexedText, procedures: [Int32])] = []
        for name in fieldGroups.keys.sorted() {
            fieldNames.append((name, index(name), fieldGroups[name] ?? []))
        }

        var titleBigrams = Set<UInt64>()
        for procedure in procedures {
            for title in procedure.titles where title.count > 1 {
                for offset in 1..<title.count {
                    titleBigrams.insert(Self.bigram(title.folded[offset - 1], title.folded[offset]))
                }
            }
        }

        var correctionTerms = Set<Int32>()
        for set in titleTermsByFamily { correctionTerms.formUnion(set) }
        for fieldName in fieldNames { correctionTerms.formUnion(fieldName.text.folded) }
        correctionTerms.formUnion(lexicon.vocabulary)
        correctionTerms.subtract(stopwordIDs.filter { terms.word($0).utf8.count < 3 })

        self.knowledge = knowledge
        self.terms = terms
        self.procedures = procedures
        self.postings = postings
        self.markedPostings = markedPostings
        self.documentFrequency = documentFrequency
        self.titleFrequency = titleFrequency
        self.families = families
        self.lexicon = lexicon
        self.fieldNames = fieldNames
        self.titleBigrams = titleBigrams
        self.corrections = CorrectionIndex(terms: correctionTerms.sorted(), table: terms, frequency: documentFrequency)
    }

    /// The name without a trailing "(thực hiện tại cấp …)": variants at other
    /// levels share everything else, so the suffix says nothing about the topic.
    static func withoutLevelSuffix(_ name: String) -> String {
        let folded = TextNormalizer.fold(name)
        guard folded.contains("thuc hien tai cap") else { return name }
        if let open = name.lastIndex(of: "("), TextNormalizer.fold(String(name[open...])).hasPrefix("thuc hien tai cap") {
            return name[..<open].trimmingWhitespace()
        }
        let scalars = Array(name.unicodeScalars)
        for start in scalars.indices.reversed() {
            let tail = String(String.UnicodeScalarView(scalars[start...]))
            if TextNormalizer.fold(tail).hasPrefix("thuc hien tai cap"), start > 0, scalars[start - 1] == " " {
                return String(String.UnicodeScalarView(scalars[..<start])).trimmingWhitespace()
            }
        }
        return name
    }

    /// Procedures whose names differ only by the level suffix share this key.
    static func familyKey(_ name: String) -> String {
        TextNormalizer.fold(withoutLevelSuffix(name))
    }

    static func bigram(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// Whether the word at `position` stands in a title phrase with a neighbour.
    func isInTitlePhrase(_ words: [MatchToken], at position: Int) -> Bool {
        let word = words[position].folded
        guard word >= 0 else { return false }
        if position > 0, words[position - 1].folded >= 0, titleBigrams.contains(Self.bigram(words[position - 1].folded, word)) {
            return true
        }
        if position + 1 < words.count, words[position + 1].folded >= 0, titleBigrams.contains(Self.bigram(word, words[position + 1].folded)) {
            return true
        }
        return false
    }

    /// Inverse document frequency of a folded term over all fields.
    func idf(_ term: Int32) -> Float {
        let n = Float(procedures.count)
        let df = Float(documentFrequency[Int(term)])
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// Inverse frequency of a folded term among titles: how much it tells one procedure from another.
    func titleWeight(_ term: Int32) -> Float {
        let n = Float(families.count)
        let df = Float(titleFrequency[Int(term)])
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }
}

/// One procedure as the ranker sees it.
struct IndexedProcedure: Sendable {
    /// The name first, then the family's aliases.
    var titles: [IndexedText]
    var family: Int32
    /// Words per field.
    var lengths: [Float]
    var ages: AgeRange?
    var levels: [Level]
}
