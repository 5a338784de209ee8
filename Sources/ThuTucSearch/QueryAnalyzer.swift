import ThuTucKnowledge
import ThuTucText

/// Turns a message into an ``AnalyzedQuery``: repairs words the index does
/// not know, reads lexicon phrases, reads the message sentence by sentence
/// (address lines, places and placeholder names dropped; the request weighing
/// more than the story around it), finds intent cues, smalltalk and the
/// concepts asked for, and drops stopwords, leaving the words that name the
/// procedure.
struct QueryAnalyzer: Sendable {
    /// Weight of a word the engine corrected rather than read.
    static let repairedWeight: Float = 0.85
    /// Weight of a word in a sentence of the story, when another sentence holds the request.
    static let contextWeight: Float = 0.5
    /// The longest clause read as an address line ("Kính gửi …,").
    static let longestSalutation = 15
    /// The most stopwords between a person and a death word ("chồng của tôi đã mất").
    static let longestPersonGap = 3
    /// The most words of a held paper compared with names: enough to tell
    /// papers apart, few enough that a name's own wording still holds them.
    static let longestHeldPaper = 5

    let index: SearchIndex

    /// A word being analysed: the token, how it matches, where it stands,
    /// and whether a later stage has used it up.
    private struct Word {
        var token: Token
        var match: MatchToken
        var weight: Float = 1
        var consumed = false
        /// Used up by the anatomy: an address line, a place, not part of the message's phrasing.
        var isDropped = false
        /// The sentence and clause it belongs to, counted from 0.
        var sentence = 0
        var clause = 0
    }

    func analyze(_ text: String) -> AnalyzedQuery {
        let normalized = TextNormalizer.normalize(text)
        var query = AnalyzedQuery(
            text: text, normalized: normalized, terms: [], literalTerms: nil, intent: nil, intents: [], cuePhrases: [],
            codes: [], numbers: [], ages: [], smalltalk: nil, rewrites: [], unknownWords: []
        )
        var words: [Word] = []
        var sentence = 0
        var clause = 0
        for (position, token) in normalized.tokens.enumerated() {
            if token.boundary >= .sentence { sentence += 1 }
            if token.boundary >= .clause { clause += 1 }
            let start = words.count
            switch token.kind {
            case .code:
                if index.knowledge.procedure(code: token.folded) != nil, !query.codes.contains(token.folded) {
                    query.codes.append(token.folded)
                }
            case .number:
                if let value = Int(token.folded) {
                    query.numbers.append(value)
                    let next = position + 1 < normalized.tokens.count ? normalized.tokens[position + 1].folded : ""
                    if next == AgeReader.ageWord {
                        let before = normalized.tokens[max(0, position - 2)..<position].map(\.folded)
                        query.ages.append(index.ages.range(stated: value, after: before[...]))
                    }
                }
                // Numbers stay in the stream so phrases around them read right ("đủ 14 tuổi"
                // is no "đủ tuổi" cue; "rút bhxh 1 lần" can be a lexicon phrase), but name no topic.
                words.append(Word(token: token, match: matchToken(token)))
            case .word:
                if isPlaceholder(at: position, in: normalized.tokens) { continue }
                repair(token, query: &query, into: &words)
            }
            for offset in start..<words.count {
                words[offset].sentence = sentence
                words[offset].clause = clause
            }
        }
        let questionSentences = questionSentences(normalized)
        let repaired = words
        let repairedMatches = words.map(\.match)
        for start in repairedMatches.indices {
            if let level = index.lexicon.levels.longestMatch(in: repairedMatches, at: start)?.payload, !query.levels.contains(level) {
                query.levels.append(level)
            }
        }
        var usedTopic = false
        let reading = read(repaired, topics: true, usedTopic: &usedTopic, questions: questionSentences, query: &query)
        query.terms = reading.terms
        query.words = reading.phraseWords
        query.concepts = reading.concepts
        query.held = reading.held
        query.outside = reading.outside
        query.parts = reading.parts.map { part in
            var side = query
            side.terms = terms(of: part)
            side.words = part.filter { !$0.isDropped }.map(\.match)
            side.outside = []
            return side
        }
        query.sentences = reading.sentences
        for word in reading.words where !word.consumed && word.match.folded < 0 && word.token.kind == .word {
            query.unknownWords.append(word.token.text)
        }
        if usedTopic {
            var ignored = query
            let literal = read(repaired, topics: false, usedTopic: &usedTopic, questions: questionSentences, query: &ignored)
            query.literalTerms = literal.terms
            // An everyday name may swallow the words of a topic outside the
            // catalogue ("gia hạn hộ chiếu ngoại giao"): its phrases are read as typed.
            query.outside = literal.outside
        }
        query.isContinuation = reading.steering.contains(.continuation)
        if query.terms.isEmpty, query.codes.isEmpty, query.intent == nil {
            if reading.steering.contains(.reset) {
                query.isReset = true
            } else if let smalltalk = reading.smalltalk {
                query.smalltalk = smalltalk
            }
        }
        return query
    }

    /// What one reading of the message (with or without everyday names
    /// translated) leaves to search with.
    private struct Reading {
        var words: [Word]
        var terms: [AnalyzedQuery.Term]
        /// See ``AnalyzedQuery/words``.
        var phraseWords: [MatchToken]
        var concepts: ConceptSet
        var held: [AnalyzedQuery.HeldPaper]
        var outside: [AnalyzedQuery.OutsidePhrase]
        var sentences: [AnalyzedQuery.Sentence]
        var steering: Set<Lexicon.DialogueKind>
        var smalltalk: Lexicon.SmalltalkKind?
        /// The words on each side of a conjunction in the request, when both sides hold terms.
        var parts: [ArraySlice<Word>]
    }

    /// Reads the repaired words once: lexicon phrases, conversation steering,
    /// smalltalk, cues, the message's anatomy, the concepts asked and the
    /// stopwords, in that order (each stage only marks words used).
    private func read(
        _ repaired: [Word], topics: Bool, usedTopic: inout Bool, questions: Set<Int>, query: inout AnalyzedQuery
    ) -> Reading {
        var words = readLexicon(repaired, topics: topics, usedTopic: &usedTopic, query: &query)
        // The phrase finders below only mark words used: the matches stay as read.
        let matches = words.map(\.match)
        let steering = findDialogue(&words, matches: matches)
        // Smalltalk before cues, where longer: "bạn có phải người thật không" is
        // a question to the assistant, not an eligibility cue.
        let smalltalk = findSmalltalk(&words, matches: matches)
        let cued = findCues(&words, matches: matches, query: &query)
        let sentences = readAnatomy(&words, matches: matches, cued: cued, questions: questions)
        let concepts = findConcepts(words, matches: matches)
        let heldRanges = findHeld(words, matches: matches)
        let held = heldRanges.map { range in
            AnalyzedQuery.HeldPaper(text: words[range].map(\.token.text).joined(separator: " "), words: Array(matches[range]))
        }
        let asksAction = index.lexicon.asksAction(concepts)
        let outside = findOutside(words, matches: matches, sentences: sentences, held: asksAction ? [] : heldRanges)
        let phraseWords = words.filter { !$0.isDropped }.map(\.match)
        let parts = joinedParts(words, matches: matches, sentences: sentences)
        dropStopwords(&words, matches: matches)
        return Reading(
            words: words, terms: terms(of: words), phraseWords: phraseWords, concepts: concepts, held: held, outside: outside,
            sentences: sentences,
            steering: steering, smalltalk: smalltalk, parts: parts.map { words[$0] }
        )
    }

    /// The two sides of the first conjunction in a request sentence, as
    /// ranges of `words` (the rest of that sentence on either side), when
    /// both hold a word the index knows.
    private func joinedParts(_ words: [Word], matches: [MatchToken], sentences: [AnalyzedQuery.Sentence]) -> [Range<Int>] {
        for start in words.indices where !words[start].isDropped {
            guard let entry = index.lexicon.conjunctions.longestMatch(in: matches, at: start),
                sentences.first(where: { $0.number == words[start].sentence })?.role != .context
            else { continue }
            let sentence = words[start].sentence
            let first = (words[..<start].lastIndex { $0.sentence != sentence }).map { $0 + 1 } ?? 0
            let end = words[start...].firstIndex { $0.sentence != sentence } ?? words.count
            let sides = [first..<start, (start + entry.tokens.count)..<end]
            let known = sides.allSatisfy { side in words[side].contains { !$0.consumed && $0.token.kind == .word && $0.match.folded >= 0 } }
            return known ? sides : []
        }
        return []
    }

    private func terms(of words: some Collection<Word>) -> [AnalyzedQuery.Term] {
        var terms: [AnalyzedQuery.Term] = []
        terms.reserveCapacity(words.count)
        var previous: Word?
        for word in words where !word.consumed {
            if word.token.kind == .word || isClass(word, after: previous) {
                terms.append(AnalyzedQuery.Term(text: word.token.folded, match: word.match, weight: word.weight))
            }
            previous = word
        }
        return terms
    }

    /// Whether `word` is a number that, with the word before it, names a
    /// class the catalogue holds ("cảng cá loại 1", "công trình cấp 3"):
    /// such a number tells variants apart, where a number elsewhere ("đủ
    /// 14 tuổi", "2 con") names no topic.
    private func isClass(_ word: Word, after previous: Word?) -> Bool {
        guard word.token.kind == .number, word.match.folded >= 0, let previous, previous.token.kind == .word, previous.match.folded >= 0
        else { return false }
        return index.pairs.holds(previous.match.folded, word.match.folded)
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

    /// A capital letter standing alone after a title word ("anh C", "xã A"):
    /// a name hidden by the writer, which says nothing about the procedure.
    private func isPlaceholder(at position: Int, in tokens: [Token]) -> Bool {
        let letter = tokens[position].text.utf8
        guard letter.count == 1, let byte = letter.first, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"), position > 0 else {
            return false
        }
        let titles = index.lexicon.placeholderTitles
        if titles.contains(tokens[position - 1].folded) { return true }
        return position > 1 && titles.contains(tokens[position - 2].folded + " " + tokens[position - 1].folded)
    }

    /// The sentences closed by a "?", counted as the words' ``Word/sentence`` are.
    private func questionSentences(_ normalized: NormalizedText) -> Set<Int> {
        var questions = Set<Int>()
        var sentence = 0
        for token in normalized.tokens {
            if token.boundary == .question { questions.insert(sentence) }
            if token.boundary >= .sentence { sentence += 1 }
        }
        if normalized.ending == .question { questions.insert(sentence) }
        return questions
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
    /// everyday topic names only when `topics` is true. A reading's words
    /// stand where the phrase stood, in its sentence and clause.
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
                if !namesContent(at: end, in: matches) {
                    tokens = alternative
                    readingText = alternativeText
                }
            }
            let typed = words[position..<end].map(\.token.text).joined(separator: " ")
            query.rewrites.append(.init(kind: .lexicon, from: typed, to: readingText))
            let weight = words[position..<end].map(\.weight).min() ?? 1
            for token in tokens {
                output.append(
                    Word(token: token, match: matchToken(token), weight: weight, sentence: words[position].sentence, clause: words[position].clause)
                )
            }
            position = end
        }
        return output
    }

    private func isStopword(at position: Int, in matches: [MatchToken]) -> Bool {
        index.lexicon.stopwords.longestMatch(in: matches, at: position) != nil
    }

    /// Whether a word at `position` names something the message is about:
    /// there is one, and no stopword, cue or request phrase starts there.
    private func namesContent(at position: Int, in matches: [MatchToken]) -> Bool {
        position < matches.count && !isStopword(at: position, in: matches) && !isQuestionPhrase(at: position, in: matches)
    }

    /// Whether an intent cue or a request phrase starts at `position`
    /// ("ở đâu", "cần gì", "được không"): what is asked, not what it is about.
    private func isQuestionPhrase(at position: Int, in matches: [MatchToken]) -> Bool {
        index.lexicon.cues.longestMatch(in: matches, at: position) != nil
            || index.lexicon.requestMarkers.longestMatch(in: matches, at: position) != nil
    }

    /// Walks `matches` left to right and, at each position `startsHere`
    /// allows, reads the longest phrase of `set` that starts there; `read`
    /// gets it with its range and returns whether it was taken: the walk
    /// goes on past a phrase taken, and at the next word otherwise. Every
    /// phrase finder of the anatomy reads the message this way.
    private func scanPhrases<Payload>(
        _ set: PhraseSet<Payload>, in matches: [MatchToken], startsHere: (Int) -> Bool,
        _ read: (PhraseSet<Payload>.Entry, Range<Int>) -> Bool
    ) {
        var position = 0
        while position < matches.count {
            if startsHere(position), let entry = set.longestMatch(in: matches, at: position) {
                let range = position..<(position + entry.tokens.count)
                if read(entry, range) {
                    position = range.upperBound
                    continue
                }
            }
            position += 1
        }
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
        scanPhrases(set, in: matches, startsHere: { !words[$0].consumed }) { entry, range in
            guard accept(entry, range.lowerBound) else { return false }
            for offset in range { words[offset].consumed = true }
            found(entry, words[range])
            return true
        }
    }

    /// Marks intent cues as used and records the strongest (longest) one;
    /// returns the sentences that hold a cue.
    private func findCues(_ words: inout [Word], matches: [MatchToken], query: inout AnalyzedQuery) -> Set<Int> {
        var best: (intent: Intent, length: Int)?
        var phrases: [String] = []
        var intents: [Intent] = []
        var sentences = Set<Int>()
        consumePhrases(index.lexicon.cues, in: &words, matches: matches) { entry, typed in
            phrases.append(typed.map(\.token.text).joined(separator: " "))
            if let first = typed.first { sentences.insert(first.sentence) }
            if !intents.contains(entry.payload) { intents.append(entry.payload) }
            if best == nil || typed.count > best?.length ?? 0 { best = (entry.payload, typed.count) }
        }
        query.cuePhrases += phrases
        query.intents += intents.filter { !query.intents.contains($0) }
        query.intent = best?.intent
        return sentences
    }

    /// Reads the message sentence by sentence: drops address clauses and
    /// place names, finds the sentences that hold the request (a cue, a
    /// request phrase or a "?"), and lowers the weight of the others when
    /// there are both. Returns the sentences with their roles, for the why view.
    private func readAnatomy(_ words: inout [Word], matches: [MatchToken], cued: Set<Int>, questions: Set<Int>) -> [AnalyzedQuery.Sentence] {
        let lexicon = index.lexicon
        // An address clause opens the message or a sentence, is short, and is followed by more.
        var position = 0
        while position < words.count {
            let clause = words[position].clause
            let end = words[position...].firstIndex { $0.clause != clause } ?? words.count
            if end < words.count, end - position <= Self.longestSalutation,
                position == 0 || words[position - 1].sentence != words[position].sentence,
                lexicon.salutations.longestMatch(in: matches, at: position) != nil
            {
                for offset in position..<end {
                    words[offset].consumed = true
                    words[offset].isDropped = true
                }
            }
            position = end
        }
        var placeRanges: [Range<Int>] = []
        consumePhrases(lexicon.places, in: &words, matches: matches) { _, placed in placeRanges.append(placed.indices) }
        for range in placeRanges {
            for offset in range { words[offset].isDropped = true }
        }
        dropDeaths(&words, matches: matches)

        var requests = cued.union(questions)
        for start in words.indices where lexicon.requestMarkers.longestMatch(in: matches, at: start) != nil {
            requests.insert(words[start].sentence)
        }
        let sentenceCount = (words.last?.sentence ?? 0) + 1
        let isStory = !requests.isEmpty && requests.count < sentenceCount
        if isStory {
            for offset in words.indices where !requests.contains(words[offset].sentence) {
                words[offset].weight *= Self.contextWeight
            }
        }
        var sentences: [AnalyzedQuery.Sentence] = []
        for offset in words.indices {
            let number = words[offset].sentence
            if sentences.last?.number != number {
                let role: AnalyzedQuery.Sentence.Role = isStory && !requests.contains(number) ? .context : .request
                sentences.append(AnalyzedQuery.Sentence(number: number, role: role, words: []))
            }
            if !words[offset].consumed || sentences[sentences.count - 1].role != .context {
                sentences[sentences.count - 1].words.append(words[offset].token.text)
            }
        }
        return sentences
    }

    /// Drops a death word whose subject is a person the message speaks of
    /// and after which the clause names nothing ("chồng tôi đã mất thì…"),
    /// with its subject: someone died, nothing was lost, so the words ask
    /// for no reissue, match no name about a lost paper, and the person is
    /// the story's, not the procedure's ("nhận cha, mẹ, con" is not about a
    /// mother who died). "Bố tôi mất giấy khai sinh" keeps them.
    private func dropDeaths(_ words: inout [Word], matches: [MatchToken]) {
        scanPhrases(index.lexicon.deaths, in: matches, startsHere: { !words[$0].consumed }) { _, death in
            let end = death.upperBound
            let namesNothingAfter = !namesContent(at: end, in: matches) || words[end].clause != words[death.lowerBound].clause
            if namesNothingAfter, let subject = personSubject(before: death.lowerBound, in: words, matches: matches) {
                for offset in subject..<end {
                    words[offset].consumed = true
                    words[offset].isDropped = true
                }
            }
            return true
        }
    }

    /// Where a person phrase starts that ends just before `position`, in
    /// its clause, with at most a few stopwords between ("bố tôi đã",
    /// "chồng của tôi").
    private func personSubject(before position: Int, in words: [Word], matches: [MatchToken]) -> Int? {
        let clause = words[position].clause
        for start in stride(from: position - 1, through: max(0, position - Self.longestPersonGap - 3), by: -1) {
            guard words[start].clause == clause, !words[start].consumed else { return nil }
            guard let person = index.lexicon.persons.longestMatch(in: matches, at: start), start + person.tokens.count <= position else {
                continue
            }
            let between = (start + person.tokens.count)..<position
            if between.count <= Self.longestPersonGap, between.allSatisfy({ isStopword(at: $0, in: matches) }) {
                return start
            }
        }
        return nil
    }

    /// The concepts the message asks for, read over the words cues and
    /// address lines left ("mất bao lâu" is a time cue, not a loss). The
    /// words stay: "cấp lại" also names the procedure.
    private func findConcepts(_ words: [Word], matches: [MatchToken]) -> ConceptSet {
        var found = ConceptSet()
        scanPhrases(index.lexicon.conceptAsks, in: matches, startsHere: { !words[$0].consumed }) { entry, range in
            guard words[range].allSatisfy({ !$0.consumed }) else { return false }
            found.formUnion(entry.payload)
            return true
        }
        return found
    }

    /// Where the message names papers it says are held already: the words
    /// that follow a held phrase ("đã được cấp") in its clause, up to a
    /// stopword or cue ("… Giấy phép thành lập thì …"), when there are at least two.
    private func findHeld(_ words: [Word], matches: [MatchToken]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        scanPhrases(index.lexicon.held, in: matches, startsHere: { !words[$0].isDropped }) { _, cue in
            let start = cue.upperBound
            var end = start
            while end < words.count, end - start < Self.longestHeldPaper, words[end].clause == words[cue.lowerBound].clause,
                !words[end].consumed, words[end].token.kind == .word, words[end].match.folded >= 0, namesContent(at: end, in: matches)
            {
                end += 1
            }
            if end - start >= 2 { found.append(start..<end) }
            return true
        }
        return found
    }

    /// The phrases of topics the catalogue does not hold, read over every
    /// word but the address line and places (a cue may share their words).
    /// One inside a paper the message says is held (`held`: given only when
    /// the message asks nothing to be done to it) is left out: "đã làm thủ
    /// tục cấp giấy phép lao động, nay muốn …" asks for the next step, which
    /// the catalogue may well hold.
    private func findOutside(
        _ words: [Word], matches: [MatchToken], sentences: [AnalyzedQuery.Sentence], held: [Range<Int>]
    ) -> [AnalyzedQuery.OutsidePhrase] {
        var found: [AnalyzedQuery.OutsidePhrase] = []
        scanPhrases(index.lexicon.outside, in: matches, startsHere: { !words[$0].isDropped }) { entry, range in
            if held.contains(where: { $0.overlaps(range) }) { return true }
            let sentence = words[range.lowerBound].sentence
            let inRequest = sentences.first { $0.number == sentence }?.role != .context
            found.append(
                AnalyzedQuery.OutsidePhrase(
                    topic: entry.payload, text: words[range].map(\.token.text).joined(separator: " "), inRequest: inRequest,
                    words: Array(matches[range])
                )
            )
            return true
        }
        return found
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
