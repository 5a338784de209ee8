import ThuTucKnowledge
import ThuTucText

/// Turns a question into an ``AnalyzedQuery``: repairs words the index does
/// not know, reads lexicon phrases, finds intent cues and smalltalk, and drops
/// stopwords, leaving the words that name the procedure.
struct QueryAnalyzer: Sendable {
    /// Weight of a word the engine corrected rather than read.
    static let repairedWeight: Float = 0.85

    let index: SearchIndex

    /// A word being analysed: the token, how it matches, and whether a later
    /// stage has used it up.
    private struct Word {
        var token: Token
        var match: MatchToken
        var weight: Float = 1
        var consumed = false
    }

    func analyze(_ text: String) -> AnalyzedQuery {
        let normalized = TextNormalizer.normalize(text)
        var query = AnalyzedQuery(
            text: text, normalized: normalized, terms: [], literalTerms: nil, intent: nil, intents: [], cuePhrases: [],
            codes: [], numbers: [], ages: [], smalltalk: nil, rewrites: [], unknownWords: []
        )
        var words: [Word] = []
        for (position, token) in normalized.tokens.enumerated() {
            switch token.kind {
            case .code:
                if index.knowledge.procedure(code: token.folded) != nil, !query.codes.contains(token.folded) {
                    query.codes.append(token.folded)
                }
            case .number:
                if let value = Int(token.folded) {
                    query.numbers.append(value)
                    let next = position + 1 < normalized.tokens.count ? normalized.tokens[position + 1].folded : ""
                    if next == "tuoi" {
                        let before = normalized.tokens[max(0, position - 2)..<position].map(\.folded)
                        query.ages.append(AgeRange(stated: value, after: before[...]))
                    }
                }
                // Numbers stay in the stream so phrases around them read right ("đủ 14 tuổi"
                // is no "đủ tuổi" cue; "rút bhxh 1 lần" can be a lexicon phrase), but name no topic.
                words.append(Word(token: token, match: matchToken(token)))
            case .word:
                repair(token, query: &query, into: &words)
            }
        }
        let repaired = words
        var usedTopic = false
        words = readLexicon(repaired, topics: true, usedTopic: &usedTopic, query: &query)
        // The phrase finders below only mark words used: the matches stay as read.
        let matches = words.map(\.match)
        let steering = findDialogue(&words, matches: matches)
        // Smalltalk before cues, where longer: "bạn có phải người thật không" is
        // a question to the assistant, not an eligibility cue.
        let smalltalk = findSmalltalk(&words, matches: matches)
        findCues(&words, matches: matches, query: &query)
        dropStopwords(&words, matches: matches)
        query.terms = terms(of: words)
        for word in words where !word.consumed && word.match.folded < 0 && word.token.kind == .word { query.unknownWords.append(word.token.text) }
        if usedTopic {
            var ignored = query
            var literal = readLexicon(repaired, topics: false, usedTopic: &usedTopic, query: &ignored)
            let literalMatches = literal.map(\.match)
            _ = findDialogue(&literal, matches: literalMatches)
            _ = findSmalltalk(&literal, matches: literalMatches)
            findCues(&literal, matches: literalMatches, query: &ignored)
            dropStopwords(&literal, matches: literalMatches)
            query.literalTerms = terms(of: literal)
        }
        query.isContinuation = steering.contains(.continuation)
        if query.terms.isEmpty, query.codes.isEmpty, query.intent == nil {
            if steering.contains(.reset) {
                query.isReset = true
            } else if let smalltalk {
                query.smalltalk = smalltalk
            }
        }
        return query
    }

    private func terms(of words: [Word]) -> [AnalyzedQuery.Term] {
        var terms: [AnalyzedQuery.Term] = []
        terms.reserveCapacity(words.count)
        for word in words where !word.consumed && word.token.kind == .word {
            terms.append(AnalyzedQuery.Term(text: word.token.folded, match: word.match, weight: word.weight))
        }
        return terms
    }

    private func matchToken(_ token: Token) -> MatchToken {
        let folded = index.terms.foldedID(token.folded) ?? MatchToken.unknown
        let marked: Int32
        if let key = token.marked {
            marked = index.terms.markedID(key) ?? MatchToken.unseenAccents
        } else {
            marked = MatchToken.unknown
        }
        return MatchToken(folded: folded, marked: marked)
    }

    /// Appends the word as typed when the index knows it; otherwise its
    /// Telex/VNI reading, a split into two known words, or its one-edit correction.
    private func repair(_ token: Token, query: inout AnalyzedQuery, into words: inout [Word]) {
        let match = matchToken(token)
        if match.folded >= 0 {
            words.append(Word(token: token, match: match))
        } else if let decoded = TypingMethodDecoder.decode(token.folded), index.terms.foldedID(decoded.folded) != nil {
            query.rewrites.append(.init(kind: .typingMethod, from: token.text, to: decoded.text))
            words.append(Word(token: decoded, match: matchToken(decoded)))
        } else if let parts = split(token.folded) {
            query.rewrites.append(.init(kind: .split, from: token.text, to: parts.map(\.folded).joined(separator: " ")))
            words += parts.map { Word(token: $0, match: matchToken($0), weight: Self.repairedWeight) }
        } else if let corrected = index.corrections.correct(token.folded) {
            let word = index.terms.word(corrected)
            query.rewrites.append(.init(kind: .typo, from: token.text, to: word))
            let repaired = Token(text: word, folded: word, marked: nil, kind: .word, hasDiacritics: false)
            let correctedMatch = MatchToken(folded: corrected, marked: MatchToken.unknown)
            words.append(Word(token: repaired, match: correctedMatch, weight: Self.repairedWeight))
        } else {
            words.append(Word(token: token, match: match))
        }
    }

    /// Two known words run together ("dangky"), split where both halves are correction targets.
    private func split(_ word: String) -> [Token]? {
        let bytes = Array(word.utf8)
        guard bytes.count >= 4, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var best: (parts: [Token], score: Int32)?
        for cut in 2...(bytes.count - 2) {
            let left = String(decoding: bytes[..<cut], as: UTF8.self)
            let right = String(decoding: bytes[cut...], as: UTF8.self)
            guard let leftID = index.terms.foldedID(left), let rightID = index.terms.foldedID(right),
                index.corrections.isTarget(leftID), index.corrections.isTarget(rightID)
            else { continue }
            let score = min(index.documentFrequency[Int(leftID)], index.documentFrequency[Int(rightID)])
            if best == nil || score > best?.score ?? 0 {
                let parts = [left, right].map { Token(text: $0, folded: $0, marked: nil, kind: .word, hasDiacritics: false) }
                best = (parts, score)
            }
        }
        return best?.parts
    }

    /// Replaces lexicon phrases by their readings, longest phrase first;
    /// everyday topic names only when `topics` is true.
    private func readLexicon(_ words: [Word], topics: Bool, usedTopic: inout Bool, query: inout AnalyzedQuery) -> [Word] {
        let matches = words.map(\.match)
        var output: [Word] = []
        output.reserveCapacity(words.count)
        var position = 0
        while position < words.count {
            guard let entry = index.lexicon.mappings.longestMatch(in: matches, at: position, where: { topics || !$0.isTopic }) else {
                output.append(words[position])
                position += 1
                continue
            }
            let end = position + entry.tokens.count
            let reading = entry.payload
            if reading.isTopic { usedTopic = true }
            var tokens = reading.reading
            var readingText = reading.readingText
            if let alternative = reading.alternative, let alternativeText = reading.alternativeText {
                let nextIsContent = end < words.count && !isStopword(at: end, in: matches)
                if !nextIsContent {
                    tokens = alternative
                    readingText = alternativeText
                }
            }
            let typed = words[position..<end].map(\.token.text).joined(separator: " ")
            query.rewrites.append(.init(kind: .lexicon, from: typed, to: readingText))
            let weight = words[position..<end].map(\.weight).min() ?? 1
            for token in tokens {
                output.append(Word(token: token, match: matchToken(token), weight: weight))
            }
            position = end
        }
        return output
    }

    private func isStopword(at position: Int, in matches: [MatchToken]) -> Bool {
        index.lexicon.stopwords.longestMatch(in: matches, at: position) != nil
    }

    /// Walks the words not yet used, left to right, taking at each the
    /// longest phrase of `set` that `accept` allows (given the phrase and where
    /// it starts); marks its words as used and hands it to `found` with its
    /// words, from which a caller that wants them reads the text as typed.
    /// `matches` are the words' match tokens, in order.
    private func consumePhrases<Payload>(
        _ set: PhraseSet<Payload>, in words: inout [Word], matches: [MatchToken],
        accept: (PhraseSet<Payload>.Entry, Int) -> Bool = { _, _ in true },
        _ found: (PhraseSet<Payload>.Entry, _ words: ArraySlice<Word>) -> Void
    ) {
        var position = 0
        while position < words.count {
            let start = position
            guard !words[start].consumed, let entry = set.longestMatch(in: matches, at: start), accept(entry, start) else {
                position += 1
                continue
            }
            let range = start..<(start + entry.tokens.count)
            for offset in range { words[offset].consumed = true }
            found(entry, words[range])
            position = range.upperBound
        }
    }

    /// Marks intent cues as used and records the strongest (longest) one.
    private func findCues(_ words: inout [Word], matches: [MatchToken], query: inout AnalyzedQuery) {
        var best: (intent: Intent, length: Int)?
        var phrases: [String] = []
        var intents: [Intent] = []
        consumePhrases(index.lexicon.cues, in: &words, matches: matches) { entry, typed in
            phrases.append(typed.map(\.token.text).joined(separator: " "))
            if !intents.contains(entry.payload) { intents.append(entry.payload) }
            if best == nil || typed.count > best?.length ?? 0 { best = (entry.payload, typed.count) }
        }
        query.cuePhrases += phrases
        query.intents += intents.filter { !query.intents.contains($0) }
        query.intent = best?.intent
    }

    /// Marks conversation-steering phrases as used; returns their kinds.
    private func findDialogue(_ words: inout [Word], matches: [MatchToken]) -> Set<Lexicon.DialogueKind> {
        var kinds = Set<Lexicon.DialogueKind>()
        consumePhrases(index.lexicon.dialogue, in: &words, matches: matches, accept: { entry, start in start == 0 || !entry.payload.onlyAtStart }) { entry, _ in
            kinds.insert(entry.payload.kind)
        }
        return kinds
    }

    /// Marks smalltalk phrases as used, where no intent cue as long starts
    /// at the same word ("được" alone is an "ok", "được không" asks something);
    /// returns the first kind found.
    private func findSmalltalk(_ words: inout [Word], matches: [MatchToken]) -> Lexicon.SmalltalkKind? {
        var kind: Lexicon.SmalltalkKind?
        consumePhrases(index.lexicon.smalltalk, in: &words, matches: matches, accept: { entry, start in
            entry.tokens.count > index.lexicon.cues.longestMatch(in: matches, at: start)?.tokens.count ?? 0
        }) { entry, _ in kind = kind ?? entry.payload }
        return kind
    }

    /// Marks stopwords as used, except a word that opens a title phrase with
    /// the word after it ("co" in "cong ty co phan" typed without accents).
    private func dropStopwords(_ words: inout [Word], matches: [MatchToken]) {
        consumePhrases(index.lexicon.stopwords, in: &words, matches: matches, accept: { entry, start in
            !(entry.tokens.count == 1 && index.opensTitlePhrase(matches, at: start))
        }) { _, _ in }
    }
}
