import ThuTucKnowledge
import ThuTucText

/// The lexicon compiled into phrase sets over the index's term ids.
struct LexiconMatcher: Sendable {
    /// What a mapped phrase is read as.
    struct Reading: Sendable {
        var phrase: String
        var reading: [Token]
        var alternative: [Token]?
        var readingText: String
        var alternativeText: String?
        /// See ``Lexicon/Mapping/isTopic``.
        var isTopic: Bool
    }

    var mappings = PhraseSet<Reading>()
    var cues = PhraseSet<Intent>()
    var stopwords = PhraseSet<Bool>()
    var smalltalk = PhraseSet<Lexicon.SmalltalkKind>()
    var dialogue = PhraseSet<(kind: Lexicon.DialogueKind, onlyAtStart: Bool)>()
    var salutations = PhraseSet<Bool>()
    var requestMarkers = PhraseSet<Bool>()
    var places = PhraseSet<Bool>()
    var conjunctions = PhraseSet<Bool>()
    /// See ``AnatomyPhrase/Kind/person``, ``AnatomyPhrase/Kind/death`` and
    /// ``AnatomyPhrase/Kind/held``.
    var persons = PhraseSet<Bool>()
    var deaths = PhraseSet<Bool>()
    var held = PhraseSet<Bool>()
    /// "cấp tỉnh", "cấp xã"…: a level a message asks for, from `catalogue.txt`.
    var levels = PhraseSet<Level>()
    /// Phrases naming a topic the catalogue does not hold, each with its
    /// index in ``Lexicon/outside``.
    var outside = PhraseSet<Int>()
    /// Folded words after which a lone capital letter is a placeholder name.
    var placeholderTitles = Set<String>()
    /// The concepts of `concepts.txt`, in file order: bit `i` of a
    /// ``ConceptSet`` is `concepts[i]`.
    var concepts: [Concept] = []
    /// The concepts that are actions, the usual action among them, and the facets.
    var actions = ConceptSet()
    var usual = ConceptSet()
    var facets = ConceptSet()
    /// The facets whose procedures serve only their case (`only = yes`).
    var exclusiveFacets = ConceptSet()
    /// Phrases of procedure names, each giving one concept.
    var conceptNames = PhraseSet<ConceptSet>()
    /// Phrases of messages, each asking for one or more concepts.
    var conceptAsks = PhraseSet<ConceptSet>()
    /// Phrases of procedure names that cover a concept's plain case as well.
    var conceptBoth = PhraseSet<ConceptSet>()
    /// Every folded word the lexicon mentions.
    var vocabulary = Set<Int32>()
    init(lexicon: Lexicon, terms: inout TermTable) {
        // Lexicon entries are written as they are spelt, so a word written
        // without marks is plain on purpose: "a" (anh) must not match "ạ".
        func compile(_ text: String) -> (tokens: [Token], match: [MatchToken]) {
            let tokens = TextNormalizer.normalize(text).tokens
            var match: [MatchToken] = []
            for token in tokens {
                let folded = terms.internFolded(token.folded.utf8)
                vocabulary.insert(folded)
                let key = token.marked ?? (token.kind == .word ? token.folded : nil)
                match.append(MatchToken(folded: folded, marked: key.map { terms.internMarked($0.utf8) } ?? MatchToken.unknown))
            }
            return (tokens, match)
        }
        for mapping in lexicon.mappings {
            let phrase = compile(mapping.phrase)
            let reading = compile(mapping.reading)
            let alternative = mapping.alternative.map(compile)
            mappings.insert(
                phrase.match,
                Reading(
                    phrase: mapping.phrase, reading: reading.tokens, alternative: alternative?.tokens,
                    readingText: mapping.reading, alternativeText: mapping.alternative, isTopic: mapping.isTopic
                )
            )
        }
        for cue in lexicon.cues {
            cues.insert(compile(cue.phrase).match, cue.intent)
        }
        for stopword in lexicon.stopwords {
            stopwords.insert(compile(stopword).match, true)
        }
        for entry in lexicon.smalltalk {
            smalltalk.insert(compile(entry.phrase).match, entry.kind)
        }
        for entry in lexicon.dialogue {
            dialogue.insert(compile(entry.phrase).match, (entry.kind, entry.onlyAtStart))
        }
        for entry in lexicon.anatomy {
            let phrase = compile(entry.phrase).match
            switch entry.kind {
            case .salutation: salutations.insert(phrase, true)
            case .request: requestMarkers.insert(phrase, true)
            case .place: places.insert(phrase, true)
            case .conjunction: conjunctions.insert(phrase, true)
            case .person: persons.insert(phrase, true)
            case .death: deaths.insert(phrase, true)
            case .held: held.insert(phrase, true)
            case .placeholderTitle: placeholderTitles.insert(TextNormalizer.fold(entry.phrase))
            }
        }
        for entry in lexicon.catalogue.levelWords {
            levels.insert(compile("cấp " + entry.word).match, entry.level)
        }
        for (topic, entry) in lexicon.outside.enumerated() {
            for phrase in entry.phrases { outside.insert(compile(phrase).match, topic) }
        }
        concepts = Array(lexicon.concepts.prefix(ConceptSet.capacity))
        // A phrase listed under several concepts asks for any of them: its sets are joined.
        var names: [[MatchToken]: ConceptSet] = [:]
        var asks: [[MatchToken]: ConceptSet] = [:]
        var order: [(phrase: [MatchToken], isName: Bool)] = []
        for (index, concept) in concepts.enumerated() {
            switch concept.kind {
            case .action: actions.insert(index)
            case .facet: facets.insert(index)
            }
            if concept.isExclusive { exclusiveFacets.insert(index) }
            if concept.isUsual { usual.insert(index) }
            for phrase in concept.namePhrases.map({ compile($0).match }) {
                if names[phrase] == nil { order.append((phrase, true)) }
                names[phrase, default: ConceptSet()].insert(index)
            }
            // In a message, a phrase naming both cases ("xuất khẩu, nhập
            // khẩu") asks for neither: it is read whole, asking nothing.
            for phrase in concept.bothPhrases.map({ compile($0).match }) {
                conceptBoth.insert(phrase, ConceptSet(bits: 1 << UInt64(index)))
                if asks[phrase] == nil {
                    order.append((phrase, false))
                    asks[phrase] = ConceptSet()
                }
            }
            for phrase in concept.askPhrases.map({ compile($0).match }) {
                if asks[phrase] == nil { order.append((phrase, false)) }
                asks[phrase, default: ConceptSet()].insert(index)
            }
        }
        for (phrase, isName) in order {
            if isName {
                conceptNames.insert(phrase, names[phrase] ?? ConceptSet())
            } else {
                conceptAsks.insert(phrase, asks[phrase] ?? ConceptSet())
            }
        }
    }

    /// Whether `asked` holds an action other than the usual one: a message
    /// asking for something to be done (cấp lại, gia hạn) to a paper it says
    /// is held is about that paper, not the next step.
    func asksAction(_ asked: ConceptSet) -> Bool {
        !asked.intersection(actions).subtracting(usual).isEmpty
    }

    /// How far a procedure's concepts agree with those a message asks for:
    /// +1 for an action asked and named (a procedure naming no action does
    /// the usual one, first issue), -1 for another action named instead,
    /// -0.5 for no action named when another is asked or for one named when
    /// none is; per facet, +2 when asked and named, -1 when asked and not
    /// named, -0.5 when named and not asked (a case the message tells
    /// outweighs the title's other words; a case it does not tell is only
    /// a preference for the plain variant).
    func agreement(of procedure: ConceptSet, asked: ConceptSet) -> Float {
        var total: Float = 0
        let named = procedure.intersection(actions).subtracting(usual)
        let wanted = asked.intersection(actions)
        if !wanted.isEmpty {
            if !named.intersection(wanted).isEmpty || (named.isEmpty && !wanted.intersection(usual).isEmpty) {
                total += 1
            } else {
                total -= named.isEmpty ? 0.5 : 1
            }
        } else if !named.isEmpty {
            total -= 0.5
        }
        let facetsNamed = procedure.intersection(facets)
        let facetsWanted = asked.intersection(facets)
        total += 2 * Float(facetsNamed.intersection(facetsWanted).count)
        total -= 0.5 * Float(facetsNamed.subtracting(facetsWanted).count)
        total -= Float(facetsWanted.subtracting(facetsNamed).count)
        return total
    }

    /// The concepts a procedure carries: those its name's words give, and
    /// those held by its ministry's field.
    func concepts(of procedure: Procedure, name: [MatchToken]) -> ConceptSet {
        var set = concepts(in: name, using: conceptNames)
        for (index, concept) in concepts.enumerated()
        where concept.heldBy.contains(where: { $0.ministry == procedure.ministry && $0.field == procedure.field }) {
            set.insert(index)
        }
        return set
    }

    /// The concepts of a name that also covers their plain case (see
    /// ``Concept/bothPhrases``): carried only when a message asks for them.
    func coveredBoth(in name: [MatchToken]) -> ConceptSet {
        concepts(in: name, using: conceptBoth)
    }

    /// The concepts the words of `text` carry, each phrase read longest first.
    func concepts(in text: [MatchToken], using set: PhraseSet<ConceptSet>) -> ConceptSet {
        var found = ConceptSet()
        var position = 0
        while position < text.count {
            if let entry = set.longestMatch(in: text, at: position) {
                found.formUnion(entry.payload)
                position += entry.tokens.count
            } else {
                position += 1
            }
        }
        return found
    }

    /// For each word of `text`, whether it belongs to a stopword or stopword phrase.
    func stopwordPositions(in text: IndexedText) -> [Bool] {
        let words = zip(text.folded, text.marked).map { MatchToken(folded: $0, marked: $1) }
        var stopped = [Bool](repeating: false, count: words.count)
        var position = 0
        while position < words.count {
            if let entry = stopwords.longestMatch(in: words, at: position) {
                for offset in 0..<entry.tokens.count { stopped[position + offset] = true }
                position += entry.tokens.count
            } else {
                position += 1
            }
        }
        return stopped
    }
}
