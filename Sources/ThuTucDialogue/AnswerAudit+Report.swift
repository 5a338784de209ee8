import ThuTucKnowledge

extension AnswerAudit {
    /// The findings over a whole catalogue, counted per kind.
    public struct Report: Sendable {
        /// Every finding, by procedure code then intent order.
        public var findings: [Finding]
        /// How many procedures were read.
        public var procedures: Int
        /// The codes of the everyday procedures (those we wrote overlays for).
        public var everyday: Set<String>

        /// Per kind: replies with the finding, procedures with it, everyday procedures with it.
        public func counts(_ kind: Kind) -> (replies: Int, procedures: Int, everyday: Int) {
            let matching = findings.filter { $0.kind == kind }
            let codes = Set(matching.map(\.code))
            return (matching.count, codes.count, codes.intersection(everyday).count)
        }

        /// The findings about everyday procedures.
        public var everydayFindings: [Finding] {
            findings.filter { everyday.contains($0.code) }
        }
    }

    /// Reads every procedure of the knowledge base.
    public func run() -> Report {
        let knowledge = renderer.knowledge
        let perProcedure = ConcurrentMap.map(knowledge.procedures) { findings(for: $0) }
        return Report(findings: perProcedure.flatMap { $0 }, procedures: knowledge.procedures.count, everyday: Set(knowledge.overlays.keys))
    }
}
