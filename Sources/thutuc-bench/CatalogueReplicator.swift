import ThuTucKnowledge

/// Builds the catalogue the bench measures: Knowledge/ as committed, or
/// replicated in memory with synthetic copies, never written to disk.
///
/// Every copy is parsed from disk again rather than copied from the first
/// load: a copied `Procedure` would share its strings' storage with the
/// original and make memory look sublinear when it is not. So "load" at N×
/// is the cost of reading N catalogues, which is what a catalogue N times as
/// large would cost.
enum CatalogueReplicator {
    /// The knowledge at `scale`× and the seconds spent reading and copying.
    static func load(directory: String, scale: Int) throws -> (knowledge: KnowledgeBase, seconds: Double) {
        let start = MonotonicTime.now()
        let original = try KnowledgeLoader.load(directory: directory)
        guard scale > 1 else { return (original, MonotonicTime.seconds(from: start, to: MonotonicTime.now())) }
        var procedures = original.procedures
        procedures.reserveCapacity(original.procedures.count * scale)
        for copy in 1..<scale {
            let fresh = try KnowledgeLoader.load(directory: directory).procedures
            for (position, procedure) in fresh.enumerated() {
                procedures.append(replica(procedure, copy: copy, serial: (copy - 1) * fresh.count + position))
            }
        }
        let knowledge = KnowledgeBase(
            procedures: procedures, overlays: original.overlays, lexicon: original.lexicon,
            templates: original.templates, directory: original.directory
        )
        return (knowledge, MonotonicTime.seconds(from: start, to: MonotonicTime.now()))
    }

    /// The largest scale the code scheme below supports.
    static let maximumScale = 1000

    /// A copy with a new code in the catalogue's "d.dddddd" format and a
    /// changed name.
    ///
    /// Codes start with 9, 8 or 7, which the catalogue does not use (it uses
    /// 1, 2, 3, 5 and 6), so copies never collide with real procedures. The
    /// name gains one rare word ("R7" for copy 7) rather than a phrase such as
    /// "bản sao", which real questions use ("bản sao giấy khai sinh") and
    /// which would skew the ranking; it is not in brackets, because the index
    /// also indexes a name without its bracketed parts.
    static func replica(_ procedure: Procedure, copy: Int, serial: Int) -> Procedure {
        var replica = procedure
        let number = String(serial % 1_000_000)
        replica.code = "\(9 - serial / 1_000_000)." + String(repeating: "0", count: 6 - number.count) + number
        replica.name = procedure.name + " R\(copy)"
        return replica
    }
}
