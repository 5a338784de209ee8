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
