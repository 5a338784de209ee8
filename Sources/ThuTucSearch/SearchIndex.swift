import Foundation
import ThuTucKnowledge
import ThuTucText

/// The catalogue indexed for search: words interned, postings per field,
/// titles (names and aliases) kept in order for phrase and coverage scoring,
/// level variants grouped into families.
///
/// Built once per knowledge version; immutable and shared by all queries.
public final class SearchIndex: Sendable {
    public let knowledge: KnowledgeBase
    /// Reads the level part off a name; variants differing only by it are one family.
    let levelSuffix: LevelSuffix
    /// Reads the ages names and questions state.
    let ages: AgeReader
    let terms: TermTable
    let procedures: [IndexedProcedure]
    /// Per folded term, its postings in every field but the document list,
    /// one per accented form found in a field.
    let postings: [[Posting]]
    /// The same postings of the commonest words, a slot per procedure.
    let dense: DensePostings
    /// The ranking's constants: ``dense`` holds saturations worked out with
    /// them, so the engine ranks with these rather than with a copy of its own.
    let parameters = RankingParameters()
    /// Per folded term, the document-list postings, kept apart: there are
    /// many and they weigh little, so only informative words use them.
    let documentPostings: [[Posting]]
    /// Per folded term: procedures holding it in any field.
    let documentFrequency: [Int32]
    /// Per folded term: how much it tells one family's titles from another's.
    let titleWeights: [Float]
    /// The same per accented form: "lại" (again) and "lái" (drive) weigh apart.
    let markedTitleWeights: [Float]
    /// Procedure positions per family.
    let families: [[Int32]]
    /// Folded terms of titles, aliases and the lexicon: what typos are corrected to.
    let corrections: CorrectionIndex
    let lexicon: LexiconMatcher
    /// Every procedure's titles, word after word, for the title matcher;
    /// each procedure's ``IndexedProcedure/spans`` point into `titleSpans`.
    let titleWords: [TitleWord]
    let titleSpans: [TitleSpan]
    /// Words in the longest title: the title matcher's buffers are made
    /// that long once per reading rather than grown title by title.
    let longestTitle: Int
    /// Pairs of folded words that stand next to each other in some title.
    let titleBigrams: Set<UInt64>
    /// BM25F over adjacent pairs of words in the short fields.
    let pairs: BigramPostings
    /// Folded field names (lĩnh vực) with their procedures, for list questions.
    let fieldNames: [(name: String, text: IndexedText, procedures: [Int32])]

    /// Indexes `knowledge`.
    public convenience init(knowledge: KnowledgeBase) {
        self.init(knowledge: knowledge, denseShare: Self.denseShare)
    }

    /// Indexes `knowledge`, giving dense rows to the words at least
    /// `denseShare` of the procedures hold (above 1: to none, for tests
    /// that compare the two ways of scoring).
    init(knowledge: KnowledgeBase, denseShare: Double) {
        var terms = TermTable()
        let lexicon = LexiconMatcher(lexicon: knowledge.lexicon, terms: &terms)
        let levelSuffix = LevelSuffix(wording: knowledge.lexicon.catalogue)
        let ages = AgeReader(wording: knowledge.lexicon.catalogue)
        let citizenSubjects = Set(knowledge.lexicon.catalogue.citizenSubjects)

        var familyByKey: [String: Int32] = [:]
        var families: [[Int32]] = []
        var familyOf: [Int32] = []
        for (position, procedure) in knowledge.procedures.enumerated() {
            let key = TextNormalizer.fold(levelSuffix.strip(procedure.name))
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
        let tokenized = CatalogueTokenizer.tokenize(
            knowledge, aliases: familyOf.map { aliasesByFamily[Int($0)] }, acronyms: AcronymExpander(lexicon: knowledge.lexicon),
            levelSuffix: levelSuffix, into: &terms
        )

        var procedures: [IndexedProcedure] = []
        procedures.reserveCapacity(knowledge.procedures.count)
        var postings = [[Posting]](repeating: [], count: terms.foldedCount)
        var documentPostings = [[Posting]](repeating: [], count: terms.foldedCount)
        var documentFrequency = [Int32](repeating: 0, count: terms.foldedCount)
        var titleTermsByFamily: [Set<Int32>] = Array(repeating: [], count: families.count)
        // Per procedure, the name first, then its short form, the family's
        // aliases and acronyms spelt out: weighed here, then laid out flat.
        var titlesOf: [[IndexedTitle]] = []
        titlesOf.reserveCapacity(knowledge.procedures.count)

        let lengths = tokenized.map { texts in IndexField.allCases.map { field in Float(texts[field].reduce(0) { $0 + $1.count }) } }
        let count = max(Float(knowledge.procedures.count), 1)
        let averageLength = IndexField.allCases.map { field in max(lengths.reduce(0) { $0 + $1[field.rawValue] } / count, 1) }

        // Words are counted by their accented form (numbers, which have none,
        // by their folded form); each count becomes a weight of the folded
        // word that carries the accented id, so a question's word finds exact
        // and folded-only matches in a single pass. Outside the document list
        // a procedure's weights are summed over the fields into one posting
        // per accented form: BM25F adds them up anyway, and the lists to walk
        // are shorter.
        var foldedCounts = [UInt16](repeating: 0, count: terms.foldedCount)
        var markedCounts = [UInt16](repeating: 0, count: terms.markedCount)
        var foldedOfMarked = [Int32](repeating: -1, count: terms.markedCount)
        var lastProcedure = [Int32](repeating: -1, count: terms.foldedCount)
        var touchedFolded: [Int32] = []
        var touchedMarked: [Int32] = []
        var pending = PendingPostings(foldedCount: terms.foldedCount, markedCount: terms.markedCount)
        for (position, procedure) in knowledge.procedures.enumerated() {
            let texts = tokenized[position]
            let document = Int32(position)
            for field in IndexField.allCases {
                for text in texts[field] {
                    for (folded, marked) in zip(text.folded, text.marked) {
                        if marked >= 0 {
                            if markedCounts[Int(marked)] == 0 { touchedMarked.append(marked) }
                            markedCounts[Int(marked)] &+= 1
                            foldedOfMarked[Int(marked)] = folded
                        } else {
                            if foldedCounts[Int(folded)] == 0 { touchedFolded.append(folded) }
                            foldedCounts[Int(folded)] &+= 1
                        }
                    }
                }
                let b = field.lengthNormalization
                let norm = 1 - b + b * lengths[position][field.rawValue] / averageLength[field.rawValue]
                let scale = field.weight / norm
                func post(_ folded: Int32, marked: Int32, count: UInt16) {
                    let weight = scale * Float(count)
                    if field == .document {
                        let posting = Posting(document: document, marked: marked, weight: weight, fields: 1 << UInt8(field.rawValue))
                        documentPostings[Int(folded)].append(posting)
                    } else {
                        pending.add(folded: folded, marked: marked, weight: weight, field: field)
                    }
                    if lastProcedure[Int(folded)] != document {
                        lastProcedure[Int(folded)] = document
                        documentFrequency[Int(folded)] += 1
                    }
                }
                for marked in touchedMarked {
                    post(foldedOfMarked[Int(marked)], marked: marked, count: markedCounts[Int(marked)])
                    markedCounts[Int(marked)] = 0
                }
                for folded in touchedFolded {
                    post(folded, marked: -1, count: foldedCounts[Int(folded)])
                    foldedCounts[Int(folded)] = 0
                }
                touchedFolded.removeAll(keepingCapacity: true)
                touchedMarked.removeAll(keepingCapacity: true)
            }
            pending.flush(document: document, into: &postings)
            let titles = texts[.name] + (texts.shortName.map { [$0] } ?? []) + texts[.alias] + texts.spelledOut
            let plainTitle = texts.shortName == nil ? 0 : 1
            let name = Self.matchTokens(texts[.name].first)
            let concepts = lexicon.concepts(of: procedure, name: name)
            let both = lexicon.coveredBoth(in: name)
            let family = familyOf[position]
            for title in titles {
                titleTermsByFamily[Int(family)].formUnion(title.folded)
            }
            titlesOf.append(titles.map { IndexedTitle(text: $0, weights: [], total: 0) })
            procedures.append(
                IndexedProcedure(
                    family: family,
                    ages: ages.range(name: procedure.name), levels: procedure.levels,
                    isCurated: !aliasesByFamily[Int(family)].isEmpty,
                    isForCitizens: procedure.subjects.contains(where: citizenSubjects.contains),
                    concepts: concepts.subtracting(both), conceptsIfAsked: concepts.intersection(both),
                    plainTitle: plainTitle
                )
            )
        }

        var titleFrequency = [Int32](repeating: 0, count: terms.foldedCount)
        for set in titleTermsByFamily {
            for term in set { titleFrequency[Int(term)] += 1 }
        }
        var markedFrequency = [Int32](repeating: 0, count: terms.markedCount)
        for family in families {
            var seen = Set<Int32>()
            for position in family {
                for title in titlesOf[Int(position)] {
                    seen.formUnion(title.text.marked.filter { $0 >= 0 })
                }
            }
            for term in seen { markedFrequency[Int(term)] += 1 }
        }
        let familyCount = Float(families.count)
        let titleWeights = titleFrequency.map { Self.inverseFrequency(Float($0), of: familyCount) }
        let markedTitleWeights = markedFrequency.map { Self.inverseFrequency(Float($0), of: familyCount) }
        for position in titlesOf.indices {
            for title in titlesOf[position].indices {
                titlesOf[position][title].weigh(titleWeights, marked: markedTitleWeights, stopwords: lexicon)
            }
        }
        var titleWords: [TitleWord] = []
        var titleSpans: [TitleSpan] = []
        for position in procedures.indices {
            let first = titleSpans.count
            for title in titlesOf[position] {
                titleSpans.append(TitleSpan(start: titleWords.count, count: title.text.count, total: title.total, words: title.words))
                for word in title.text.folded.indices {
                    titleWords.append(TitleWord(folded: title.text.folded[word], marked: title.text.marked[word], weight: title.weights[word]))
                }
            }
            procedures[position].spans = first..<titleSpans.count
        }

        var fieldGroups: [String: [Int32]] = [:]
        for (position, procedure) in knowledge.procedures.enumerated() {
            fieldGroups[procedure.field, default: []].append(Int32(position))
        }
        var fieldNames: [(name: String, text: IndexedText, procedures: [Int32])] = []
        for name in fieldGroups.keys.sorted() {
            fieldNames.append((name, CatalogueTokenizer.index(name, terms: &terms), fieldGroups[name] ?? []))
        }

        var titleBigrams = Set<UInt64>()
        for titles in titlesOf {
            for title in titles where title.text.count > 1 {
                for offset in 1..<title.text.count {
                    titleBigrams.insert(Self.bigram(title.text.folded[offset - 1], title.text.folded[offset]))
                }
            }
        }

        var correctionTerms = Set<Int32>()
        for set in titleTermsByFamily { correctionTerms.formUnion(set) }
        for fieldName in fieldNames { correctionTerms.formUnion(fieldName.text.folded) }
        correctionTerms.formUnion(lexicon.vocabulary)

        self.knowledge = knowledge
        self.levelSuffix = levelSuffix
        self.ages = ages
        self.terms = terms
        self.procedures = procedures
        self.titleWords = titleWords
        self.titleSpans = titleSpans
        self.longestTitle = titleSpans.map(\.count).max() ?? 0
        self.postings = postings
        self.dense = DensePostings(
            postings: postings, width: procedures.count, minimumShare: denseShare, parameters: parameters
        )
        self.documentPostings = documentPostings
        self.documentFrequency = documentFrequency
        self.titleWeights = titleWeights
        self.markedTitleWeights = markedTitleWeights
        self.families = families
        self.lexicon = lexicon
        self.fieldNames = fieldNames
        self.titleBigrams = titleBigrams
        self.pairs = BigramPostings(texts: tokenized, lengths: lengths, averageLength: averageLength)
        self.corrections = CorrectionIndex(terms: correctionTerms.sorted(), table: terms, frequency: documentFrequency)
    }

    /// The share of procedures a word must be in for its postings to get a
    /// row in ``dense``.
    static let denseShare = 0.125

    /// A text's words as the phrase sets match them.
    static func matchTokens(_ text: IndexedText?) -> [MatchToken] {
        guard let text else { return [] }
        return zip(text.folded, text.marked).map { MatchToken(folded: $0, marked: $1) }
    }

    static func bigram(_ first: Int32, _ second: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
    }

    /// Whether the word at `position` and the next one stand together in some title.
    func opensTitlePhrase(_ words: [MatchToken], at position: Int) -> Bool {
        let word = words[position].folded
        guard word >= 0, position + 1 < words.count, words[position + 1].folded >= 0 else { return false }
        return titleBigrams.contains(Self.bigram(word, words[position + 1].folded))
    }

    /// Inverse document frequency of a folded term over all fields.
    func idf(_ term: Int32) -> Float {
        Self.inverseFrequency(Float(documentFrequency[Int(term)]), of: Float(procedures.count))
    }

    /// Inverse frequency of a folded term among titles: how much it tells one procedure from another.
    func titleWeight(_ term: Int32) -> Float {
        titleWeights[Int(term)]
    }

    /// The title weight of a word, by its accents when they are known; nil
    /// for a word no name or alias holds, which cannot tell titles apart.
    func titleWeight(_ word: MatchToken) -> Float? {
        if word.marked >= 0, Int(word.marked) < markedTitleWeights.count {
            let weight = markedTitleWeights[Int(word.marked)]
            if weight < neverInTitles { return weight }
        }
        let weight = titleWeights[Int(word.folded)]
        return weight < neverInTitles ? weight : nil
    }

    /// The weight a word found in no title gets from the inverse frequency formula.
    private var neverInTitles: Float { Self.inverseFrequency(0, of: Float(families.count)) - 1e-3 }

    /// The BM25 inverse document frequency of a term found in `frequency` of `count` documents.
    static func inverseFrequency(_ frequency: Float, of count: Float) -> Float {
        log(1 + (count - frequency + 0.5) / (frequency + 0.5))
    }
}

/// A name or alias with each word's weight, stopwords (also inside phrases
/// like "thủ tục") weighing nothing.
struct IndexedTitle: Sendable {
    var text: IndexedText
    var weights: [Float]
    var total: Float
    /// A bit per folded word (id modulo 64): a title sharing no bit with the
    /// question cannot match it, and is skipped without a look.
    var words: UInt64 = 0

    mutating func weigh(_ termWeights: [Float], marked markedWeights: [Float], stopwords: LexiconMatcher) {
        let stopped = stopwords.stopwordPositions(in: text)
        words = text.folded.reduce(0) { $0 | Self.bit($1) }
        weights = text.folded.indices.map { position in
            if stopped[position] { return 0 }
            let marked = text.marked[position]
            return marked >= 0 ? markedWeights[Int(marked)] : termWeights[Int(text.folded[position])]
        }
        total = weights.reduce(0, +)
    }

    static func bit(_ folded: Int32) -> UInt64 {
        1 << UInt64(UInt32(bitPattern: folded) & 63)
    }
}

/// One procedure as the ranker sees it.
struct IndexedProcedure: Sendable {
    var family: Int32
    var ages: AgeRange?
    var levels: [Level]
    /// Whether we wrote an overlay for the procedure or a level variant of it.
    var isCurated: Bool
    /// Whether citizens (not only organisations) carry it out.
    var isForCitizens: Bool
    /// The actions and facets its name carries (see `concepts.txt`).
    var concepts: ConceptSet
    /// Those its name gives while also covering their plain case ("của Việt
    /// Nam; … của nước ngoài"): carried only when a message asks for them.
    var conceptsIfAsked: ConceptSet
    /// Which of its titles is the name without its bracketed parts (0, the
    /// name itself, when it has none; else 1, its short form).
    var plainTitle: Int
    /// Its titles in ``SearchIndex/titleSpans``: the name first, then its
    /// short form, the family's aliases and their acronyms spelt out.
    var spans: Range<Int> = 0..<0
}

extension SearchIndex {
    /// Procedures counted once per family of level variants.
    public var familyCount: Int { families.count }
}
