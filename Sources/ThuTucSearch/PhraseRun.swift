/// The longest stretch of a procedure's name that stands word for word in
/// a message: "giấy phép sửa chữa vũ khí" found whole says more than the
/// same words scattered over a long story.
struct PhraseRun {
    /// The message's words, and where each folded word stands in it.
    private let words: [MatchToken]
    private let positions: [Int32: [Int]]

    init(words: [MatchToken]) {
        self.words = words
        var positions: [Int32: [Int]] = [:]
        for (position, word) in words.enumerated() where word.folded >= 0 {
            positions[word.folded, default: []].append(position)
        }
        self.positions = positions
    }

    /// The length, in words, of the longest run of `title` found in the message.
    func longest(in title: some Sequence<TitleWord>) -> Int {
        // Runs ending at each message position for the previous title word.
        var previous: [Int: Int] = [:]
        var longest = 0
        for titleWord in title {
            var current: [Int: Int] = [:]
            let word = MatchToken(folded: titleWord.folded, marked: titleWord.marked)
            for position in positions[titleWord.folded] ?? [] where words[position].matches(word) {
                let run = (previous[position - 1] ?? 0) + 1
                current[position] = run
                longest = max(longest, run)
            }
            previous = current
        }
        return longest
    }
}
