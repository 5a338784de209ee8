import CPrefetch

extension SearchEngine {
    /// Starts loading what scoring the next candidates of `pool` will read,
    /// while the one at `candidate` is scored.
    ///
    /// The candidates are scattered over the catalogue, so each one's
    /// procedure entry, title spans and title words are cache misses, and
    /// scoring a candidate is too long a stretch of work for the processor
    /// to reach the next one's loads on its own. Each step is fetched one
    /// candidate ahead of the one that needs it: the entry three ahead, the
    /// spans it points to two ahead, the words they point to one ahead.
    func prefetch(
        after candidate: Int, of pool: [Int], procedures: UnsafeBufferPointer<IndexedProcedure>,
        spans: UnsafeBufferPointer<TitleSpan>, words: UnsafeBufferPointer<TitleWord>
    ) {
        if candidate + 3 < pool.count {
            cprefetch(procedures.baseAddress.map { $0 + pool[candidate + 3] })
        }
        if candidate + 2 < pool.count {
            cprefetch(spans.baseAddress.map { $0 + procedures[pool[candidate + 2]].spans.lowerBound })
        }
        // A procedure's titles lie one after another in `words`.
        guard candidate + 1 < pool.count, let base = words.baseAddress else { return }
        let titles = procedures[pool[candidate + 1]].spans
        guard let first = titles.first, let last = titles.last else { return }
        let start = UnsafeRawPointer(base + spans[first].start)
        let bytes = (spans[last].start + spans[last].count - spans[first].start) * MemoryLayout<TitleWord>.stride
        // Every 64-byte line the words touch, the last one too when they do not start on a line.
        for offset in stride(from: 0, to: bytes, by: 64) {
            cprefetch(start + offset)
        }
        cprefetch(start + max(bytes - 1, 0))
    }
}
