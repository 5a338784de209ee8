/// The longest stretch of a procedure's name that stands word for word in
/// a message: "giấy phép sửa chữa vũ khí" found whole says more than the
/// same words scattered over a long story.
///
/// Made once per question and asked for every candidate's name, so it
/// keeps its tables between names instead of allocating them for each; it
/// is used by one thread at a time.
final class PhraseRun {
    private let words: [MatchToken]
    /// The message's folded words in ascending order, and where each stands:
    /// a title word is looked up by binary search, which costs less than
    /// hashing it for the few dozen words a message has.
    private let sortedWords: [Int32]
    private let sortedPositions: [Int]
    /// Per message position, the run ending there and the call and title
    /// word it was written for: a cell written for anything else reads as
    /// 0, so nothing is cleared between names.
    private var runs: [Int]
    private var stamps: [Int]
    private var call = 0
    /// The runs already found, by title: both readings of a question ask for the same names.
    private var found: [Int: Int] = [:]

    init(words: [MatchToken]) {
        self.words = words
        let known = words.indices.filter { words[$0].folded >= 0 }.sorted {
            (words[$0].folded, $0) < (words[$1].folded, $1)
        }
        sortedWords = known.map { words[$0].folded }
        sortedPositions = known
        runs = Array(repeating: 0, count: words.count)
        stamps = Array(repeating: -1, count: words.count)
    }

    /// The length, in words, of the longest run of the title `key` names
    /// (`title` are its words) found in the message.
    func longest(in title: some Collection<TitleWord>, key: Int) -> Int {
        if let known = found[key] { return known }
        call += 1
        // A stamp names the call and the title word: no title has 65,536 words.
        let base = call << 16
        // Read and written through locals: the class's own arrays would be
        // retained and checked for uniqueness at every access in the loop.
        let words = self.words, sortedWords = self.sortedWords, sortedPositions = self.sortedPositions
        var runs = self.runs, stamps = self.stamps
        self.runs = []
        self.stamps = []
        defer {
            self.runs = runs
            self.stamps = stamps
        }
        var longest = 0
        for (step, titleWord) in title.enumerated() {
            var low = 0, high = sortedWords.count
            while low < high {
                let middle = (low + high) / 2
                if sortedWords[middle] < titleWord.folded { low = middle + 1 } else { high = middle }
            }
            guard low < sortedWords.count, sortedWords[low] == titleWord.folded else { continue }
            var end = low
            while end < sortedWords.count && sortedWords[end] == titleWord.folded { end += 1 }
            let word = MatchToken(folded: titleWord.folded, marked: titleWord.marked)
            // Right to left, so that a cell is read for the previous word before it is written for this one.
            for index in stride(from: end - 1, through: low, by: -1) where words[sortedPositions[index]].matches(word) {
                let position = sortedPositions[index]
                let extends = position > 0 && stamps[position - 1] == base + step - 1
                let run = extends ? runs[position - 1] + 1 : 1
                runs[position] = run
                stamps[position] = base + step
                longest = max(longest, run)
            }
        }
        found[key] = longest
        return longest
    }
}
