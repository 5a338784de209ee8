/// The Vietnamese vocabulary the engine reads questions with, loaded from
/// `Knowledge/lexicon/*.txt`: abbreviations, everyday names, spelling variants,
/// chat shorthand, intent cues, stopwords and smalltalk.
public struct Lexicon: Sendable {
    /// A phrase read as another ("sổ đỏ = giấy chứng nhận quyền sử dụng đất").
    public struct Mapping: Sendable, Hashable {
        public var phrase: String
        public var reading: String
        /// For ambiguous shorthand ("dk = đăng ký | được"): the reading used when
        /// the phrase ends the question or comes before a negation or question word.
        public var alternative: String?
        /// An everyday name of a topic (from `everyday.txt`), rather than a
        /// spelling of the same words: the engine also tries the question as typed.
        public var isTopic: Bool
        public var location: SourceLocation

        public init(phrase: String, reading: String, alternative: String?, isTopic: Bool, location: SourceLocation) {
            self.phrase = phrase
            self.reading = reading
            self.alternative = alternative
            self.isTopic = isTopic
            self.location = location
        }
    }

    /// A phrase that signals what a question asks ("mất bao lâu" → time).
    public struct Cue: Sendable, Hashable {
        public var intent: Intent
        public var phrase: String
        public var location: SourceLocation

        public init(intent: Intent, phrase: String, location: SourceLocation) {
            self.intent = intent
            self.phrase = phrase
            self.location = location
        }
    }

    /// The kinds of social turns the assistant answers without a procedure.
    public enum SmalltalkKind: String, Sendable, CaseIterable {
        case greeting, thanks, bye, identity, help
    }

    /// A smalltalk phrase and its kind.
    public struct Smalltalk: Sendable, Hashable {
        public var kind: SmalltalkKind
        public var phrase: String
        public var location: SourceLocation

        public init(kind: SmalltalkKind, phrase: String, location: SourceLocation) {
            self.kind = kind
            self.phrase = phrase
            self.location = location
        }
    }

    /// Phrases that steer the conversation rather than ask something.
    public enum DialogueKind: String, Sendable, CaseIterable {
        /// "bắt đầu lại": forget the focus.
        case reset
        /// "còn … thì sao": ask the previous question about a new topic.
        case continuation
    }

    /// A conversation-steering phrase and its kind.
    public struct DialoguePhrase: Sendable, Hashable {
        public var kind: DialogueKind
        public var phrase: String
        /// Written with a leading "^": counts only at the start of a question.
        public var onlyAtStart: Bool
        public var location: SourceLocation

        public init(kind: DialogueKind, phrase: String, onlyAtStart: Bool, location: SourceLocation) {
            self.kind = kind
            self.phrase = phrase
            self.onlyAtStart = onlyAtStart
            self.location = location
        }
    }

    public var mappings: [Mapping]
    public var cues: [Cue]
    public var stopwords: [String]
    public var smalltalk: [Smalltalk]
    public var dialogue: [DialoguePhrase]
    public var anatomy: [AnatomyPhrase]
    public var concepts: [Concept]
    public var catalogue: CatalogueWording
    public var outside: [OutsideTopic]
    public var choices: ChoiceWords

    public init(
        mappings: [Mapping] = [], cues: [Cue] = [], stopwords: [String] = [], smalltalk: [Smalltalk] = [],
        dialogue: [DialoguePhrase] = [], anatomy: [AnatomyPhrase] = [], concepts: [Concept] = [],
        catalogue: CatalogueWording = CatalogueWording(), outside: [OutsideTopic] = [], choices: ChoiceWords = ChoiceWords()
    ) {
        self.mappings = mappings
        self.cues = cues
        self.stopwords = stopwords
        self.smalltalk = smalltalk
        self.dialogue = dialogue
        self.anatomy = anatomy
        self.concepts = concepts
        self.catalogue = catalogue
        self.outside = outside
        self.choices = choices
    }
}

/// Where an entry came from, for FILE:LINE messages.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}
