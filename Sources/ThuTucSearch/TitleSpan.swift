/// One word of a title as the title matcher reads it.
struct TitleWord: Sendable {
    var folded: Int32
    /// The accented form (-1 for numbers, which have none).
    var marked: Int32
    /// How much the word tells procedures apart (0 for stopwords).
    var weight: Float
}

/// Where a title's words stand in ``SearchIndex/titleWords``, with the
/// figures the matcher checks before reading them.
///
/// The titles of all procedures are laid out one after another, in
/// procedure order: matching a candidate's titles reads one stretch of
/// memory instead of three arrays per title scattered over the heap.
struct TitleSpan: Sendable {
    var start: Int
    var count: Int
    /// The sum of the words' weights.
    var total: Float
    /// See ``IndexedTitle/words``.
    var words: UInt64
}
