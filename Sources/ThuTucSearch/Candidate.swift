import ThuTucKnowledge

/// One procedure the ranker proposes, with the figures behind its place.
public struct Candidate: Sendable {
    /// Position in ``KnowledgeBase/procedures``.
    public let position: Int
    /// The catalogue the procedure is read from when asked for: candidates
    /// are copied often while a question is decided, and a copy of the
    /// procedure itself would retain each of its strings and lists.
    private let knowledge: KnowledgeBase
    public var procedure: Procedure { knowledge.procedures[position] }
    /// The procedure's code, read without copying the procedure.
    public var code: String { knowledge.procedures[position].code }
    /// The procedure's name, read without copying the procedure.
    public var name: String { knowledge.procedures[position].name }
    /// The final score the ranking is sorted by.
    public var score: Float
    /// The BM25F part of the score.
    public var bm25: Float
    /// How well the best title (name or alias) matches the question.
    public var title: TitleMatch
    /// Share of the question's weight found anywhere but the document list, 0…1.
    public var coverage: Float
    /// The other figures the score was made of.
    public var features: MatchFeatures

    /// How well the best title matches, 0…1.
    public var titleMatch: Float { title.match }

    init(position: Int, knowledge: KnowledgeBase, score: Float, bm25: Float, title: TitleMatch, coverage: Float, features: MatchFeatures) {
        self.position = position
        self.knowledge = knowledge
        self.score = score
        self.bm25 = bm25
        self.title = title
        self.coverage = coverage
        self.features = features
    }
}

/// How one title (a name or an alias) matches a question.
public struct TitleMatch: Sendable, Hashable {
    /// The combined match, 0…1: an F-measure of ``recall`` and ``precision``,
    /// scaled down when the question's words are not together in order.
    public var match: Float
    /// Share of the question's weight the title holds.
    public var recall: Float
    /// The same counting only words whose accents agree: "số" found as "sở"
    /// helps ranking a little but vouches for nothing.
    public var exactRecall: Float
    /// Share of the title's weight the question holds: low when the title
    /// adds specifics the question did not ask for.
    public var precision: Float
    /// Which title: the name first, then its short form, then the aliases.
    public var index: Int
    /// The whole title stands, in order, inside the question.
    public var isContained = false
    /// The most words of the question, as typed, that stand together in the title.
    public var run = 0

    public static let none = TitleMatch(match: 0, recall: 0, exactRecall: 0, precision: 0, index: 0)
    public static let exact = TitleMatch(match: 1, recall: 1, exactRecall: 1, precision: 1, index: 0, isContained: true, run: 1)
}

/// How one procedure matches a question beyond its title: the figures the
/// ranking combines, kept for the decision and the why view.
public struct MatchFeatures: Sendable, Hashable {
    /// BM25F over every field, as a share of the most the question could score.
    public var bm25: Float
    /// BM25F over the question's adjacent word pairs in the short fields, as
    /// a share of the most the question's pairs could score.
    public var pairs: Float
    /// How far the procedure's actions and facets agree with those asked
    /// (see `concepts.txt`): positive when they agree, negative when not.
    public var concepts: Float
    /// The most words of the procedure's name that stand together in the message.
    public var phrase: Int
    /// Steps down the deployment's level preference.
    public var levelRank: Int
    public var isCurated: Bool
    public var isForCitizens: Bool

    public static let exact = MatchFeatures(bm25: 1, pairs: 1, concepts: 0, phrase: 0, levelRank: 0, isCurated: false, isForCitizens: false)
}
