import ThuTucKnowledge

/// A set of concepts from `concepts.txt` (see ``LexiconMatcher/concepts``),
/// one bit each: a procedure's and a message's sets are compared for every
/// candidate of every question.
public struct ConceptSet: Sendable, Hashable {
    static let capacity = Concept.maximumCount

    var bits: UInt64 = 0

    var isEmpty: Bool { bits == 0 }

    public var count: Int { bits.nonzeroBitCount }

    func contains(_ index: Int) -> Bool { bits & (1 << UInt64(index)) != 0 }

    mutating func insert(_ index: Int) { bits |= 1 << UInt64(index) }

    mutating func formUnion(_ other: ConceptSet) { bits |= other.bits }

    func intersection(_ other: ConceptSet) -> ConceptSet { ConceptSet(bits: bits & other.bits) }

    func union(_ other: ConceptSet) -> ConceptSet { ConceptSet(bits: bits | other.bits) }

    func subtracting(_ other: ConceptSet) -> ConceptSet { ConceptSet(bits: bits & ~other.bits) }

    /// The indices held, lowest first.
    var indices: [Int] { (0..<Self.capacity).filter(contains) }
}
