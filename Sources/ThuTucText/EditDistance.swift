/// Edit distance between short ASCII words, for typo tolerance on folded forms.
public enum EditDistance {
    /// The optimal-string-alignment distance (insertions, deletions,
    /// substitutions and swaps of neighbours), or nil when it exceeds `limit`.
    public static func distance(_ lhs: [UInt8], _ rhs: [UInt8], limit: Int) -> Int? {
        let n = lhs.count, m = rhs.count
        if abs(n - m) > limit { return nil }
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        var before = [Int](repeating: 0, count: m + 1)
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...m {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    value = min(value, before[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        let result = previous[m]
        return result <= limit ? result : nil
    }
}
