extension StringProtocol {
    /// Whether the text has more than `length` characters, counting no
    /// further than that: some document names run to thousands of
    /// characters, and counting them whole on every rendering of a list was
    /// most of the time spent answering "cần giấy tờ gì".
    func isLonger(than length: Int) -> Bool {
        // Every character is at least one byte.
        guard utf8.count > length else { return false }
        guard let end = index(startIndex, offsetBy: Swift.max(length, 0), limitedBy: endIndex) else { return false }
        return end != endIndex
    }
}
