/// One procedure's field postings while it is being indexed: the weights of
/// each accented form (or, for numbers, folded form) summed over the fields,
/// made into one posting apiece once the procedure is done.
struct PendingPostings {
    private struct Entry {
        var folded: Int32
        var weight: Float = 0
        var fields: UInt8 = 0
    }

    /// Per accented form, then per folded form for words without accents,
    /// the entry's index in `entries` (-1 when the procedure has none yet).
    private var markedSlot: [Int32]
    private var foldedSlot: [Int32]
    private var entries: [Entry] = []
    /// Per entry, the accented form it is for (-1 for a folded-only entry).
    private var entryMarked: [Int32] = []

    init(foldedCount: Int, markedCount: Int) {
        markedSlot = Array(repeating: -1, count: markedCount)
        foldedSlot = Array(repeating: -1, count: foldedCount)
    }

    /// Adds one field's weight for a word of the current procedure.
    mutating func add(folded: Int32, marked: Int32, weight: Float, field: IndexField) {
        let slot = marked >= 0 ? markedSlot[Int(marked)] : foldedSlot[Int(folded)]
        let entry: Int
        if slot >= 0 {
            entry = Int(slot)
        } else {
            entry = entries.count
            entries.append(Entry(folded: folded))
            entryMarked.append(marked)
            if marked >= 0 { markedSlot[Int(marked)] = Int32(entry) } else { foldedSlot[Int(folded)] = Int32(entry) }
        }
        entries[entry].weight += weight
        entries[entry].fields |= 1 << UInt8(field.rawValue)
    }

    /// Appends the current procedure's postings, in the order its words were
    /// first met, and starts the next procedure.
    mutating func flush(document: Int32, into postings: inout [[Posting]]) {
        for (entry, marked) in zip(entries, entryMarked) {
            postings[Int(entry.folded)].append(Posting(document: document, marked: marked, weight: entry.weight, fields: entry.fields))
            if marked >= 0 { markedSlot[Int(marked)] = -1 } else { foldedSlot[Int(entry.folded)] = -1 }
        }
        entries.removeAll(keepingCapacity: true)
        entryMarked.removeAll(keepingCapacity: true)
    }
}
