/// The field postings of the words many procedures hold, laid out again as
/// one row per word with a slot per procedure position.
///
/// Walking a long posting list costs a data-dependent branch per procedure
/// (does its run go on?) that the processor guesses wrong often; a row is
/// read straight through, eight slots at a time in vector registers
/// (`SIMD8`), with no branch at all. The lists stay the source of truth:
/// a procedure with several postings for the word (several accented forms)
/// has an empty slot and is scored from its run in the list, so every score
/// is summed exactly as the list walk sums it.
///
/// A slot holds its posting's BM25 saturation already worked out, for both
/// credits a question word can give it (see
/// ``RankingParameters/saturation(_:k1:)``): scoring a row is then a select
/// and a multiply-add per slot instead of a division.
struct DensePostings: Sendable {
    /// Slots per row: the number of procedures.
    let width: Int
    /// Per folded word, its row, or -1 when the word keeps its list only.
    private let rowOf: [Int32]
    /// Row after row: the saturation of the procedure's only posting for
    /// the word at full credit, or 0 when it has none or several.
    let matched: [Float]
    /// Row after row: the same at the accent-mismatch credit.
    let mismatched: [Float]
    /// Row after row: that posting's accented form.
    let marked: [Int32]
    /// Per row, where each run of several postings for one procedure
    /// starts in the word's list.
    let runs: [[Int32]]

    /// Gives a row to each word held by at least `minimumShare` of the
    /// `width` procedures: below that, the list is shorter to walk than a
    /// row is to read.
    init(postings: [[Posting]], width: Int, minimumShare: Double, parameters: RankingParameters) {
        self.width = width
        let minimumCount = max(1, Int((Double(width) * minimumShare).rounded(.up)))
        var rowOf = [Int32](repeating: -1, count: postings.count)
        var rows = 0
        for (folded, list) in postings.enumerated() where list.count >= minimumCount {
            rowOf[folded] = Int32(rows)
            rows += 1
        }
        var matched = [Float](repeating: 0, count: rows * width)
        var mismatched = [Float](repeating: 0, count: rows * width)
        var marked = [Int32](repeating: -1, count: rows * width)
        var runs = [[Int32]](repeating: [], count: rows)
        for (folded, list) in postings.enumerated() where rowOf[folded] >= 0 {
            let row = Int(rowOf[folded])
            var next = 0
            while next < list.count {
                let start = next
                let document = list[next].document
                while next < list.count && list[next].document == document { next += 1 }
                if next - start == 1 {
                    let slot = row * width + Int(document)
                    // What the list walk computes for this posting alone, at either credit.
                    matched[slot] = RankingParameters.saturation(list[start].weight, k1: parameters.k1)
                    mismatched[slot] = RankingParameters.saturation(parameters.accentMismatchCredit * list[start].weight, k1: parameters.k1)
                    marked[slot] = list[start].marked
                } else {
                    runs[row].append(Int32(start))
                }
            }
        }
        self.rowOf = rowOf
        self.matched = matched
        self.mismatched = mismatched
        self.marked = marked
        self.runs = runs
    }

    /// The row of a folded word, if it has one.
    func row(of folded: Int) -> Int? {
        rowOf[folded] >= 0 ? Int(rowOf[folded]) : nil
    }

    /// How many words have a row.
    var rowCount: Int { runs.count }
}
