import ThuTucKnowledge
import ThuTucText

/// A question after normalisation, repair, lexicon reading and intent detection:
/// what the ranker searches for and what the dialogue layer decides with.
public struct AnalyzedQuery: Sendable {
    /// A word that takes part in the search.
    public struct Term: Sendable, Hashable {
        /// The word as it reached the ranker (after repair and lexicon reading).
        public var text: String
        var match: MatchToken
        /// Less than 1 for words the engine guessed (typo repairs).
        public var weight: Float
        /// Whether the index knows the word at all.
        public var isKnown: Bool { match.folded >= 0 }
    }

    /// A phrase naming a topic the catalogue does not hold (see `outside.txt`).
    public struct OutsidePhrase: Sendable, Hashable {
        /// Index in ``Lexicon/outside``.
        public var topic: Int
        /// The phrase as typed.
        public var text: String
        /// Whether it stands in a sentence holding the request.
        public var inRequest: Bool
        var words: [MatchToken]
    }

    /// A paper the message says the citizen already holds ("đã được cấp
    /// Giấy phép thành lập"): issuing it again is not what is asked.
    public struct HeldPaper: Sendable, Hashable {
        /// The paper's words as typed.
        public var text: String
        var words: [MatchToken]
    }

    /// One sentence of the message and the part it plays.
    public struct Sentence: Sendable, Hashable {
        public enum Role: String, Sendable {
            /// Holds the request (or the message has no story around it).
            case request
            /// Tells the story around the request: its words weigh less.
            case context
        }

        /// The sentence's place in the message, from 0.
        public var number: Int
        public var role: Role
        /// Its words as typed (the address line, places and placeholders left out).
        public var words: [String]
    }

    /// One change made to the question before searching, for the why view.
    public struct Rewrite: Sendable, Hashable {
        public enum Kind: String, Sendable {
            case typingMethod = "telex/vni"
            case split
            case typo
            case lexicon
        }

        public var kind: Kind
        public var from: String
        public var to: String
    }

    public var text: String
    public var normalized: NormalizedText
    /// Content words, in question order, with everyday names read as the catalogue's words.
    public var terms: [Term]
    /// The content words with everyday names left as typed, when that differs
    /// from ``terms``: an alias may match the question's own wording better.
    public var literalTerms: [Term]?
    /// The intent of the strongest cue, if any.
    public var intent: Intent?
    /// Every distinct intent cued, in question order.
    public var intents: [Intent]
    /// The cue phrases found, as typed.
    public var cuePhrases: [String]
    /// Catalogue codes typed in the question that the catalogue has.
    public var codes: [String]
    /// Numbers typed in the question ("2" answering a choice, "8" in "8 tuổi").
    public var numbers: [Int]
    /// Ages given as "N tuổi", "dưới N tuổi", ….
    var ages: [AgeRange]
    /// Every word of the message as read (stopwords and cues included, the
    /// address line and places left out), for phrases shared with a name.
    var words: [MatchToken] = []
    /// When the request joins two things with "và" ("lệ phí hộ chiếu và căn
    /// cước"), each side as a question of its own; empty otherwise.
    public var parts: [AnalyzedQuery] = []
    /// Levels the message names ("cấp tỉnh"): the family member at that
    /// level answers rather than the deployment's preferred one.
    public var levels: [Level] = []
    /// Phrases of topics the catalogue does not hold, in message order.
    public var outside: [OutsidePhrase] = []
    /// The concepts (actions and facets of `concepts.txt`) the message asks for.
    public var concepts = ConceptSet()
    /// Papers the message says are held already, in message order.
    public var held: [HeldPaper] = []
    /// The message's sentences as read, for the why view.
    public var sentences: [Sentence] = []
    /// The smalltalk kind when the question is nothing but smalltalk.
    public var smalltalk: Lexicon.SmalltalkKind?
    public var rewrites: [Rewrite]
    /// Words typed that the index does not know, even after repair.
    public var unknownWords: [String]
    /// "bắt đầu lại" and nothing else: the conversation should start over.
    public var isReset = false
    /// "còn … thì sao": the previous question, asked about a new topic.
    public var isContinuation = false

    /// True when nothing in the question names a topic.
    public var hasNoTopic: Bool { terms.isEmpty && codes.isEmpty }
}
