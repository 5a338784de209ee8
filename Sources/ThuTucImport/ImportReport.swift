/// What the import of one source did: records per ministry, failures, problems and figures.
public struct ImportReport: Sendable {
    /// Records read and written for one ministry folder.
    public struct MinistryCount: Sendable, Hashable {
        public var folder: String
        public var ministry: String
        public var read: Int
        public var written: Int
    }

    /// How often one kind of problem occurred, with some codes to look at.
    public struct Tally: Sendable, Hashable {
        public var kind: ImportProblem.Kind
        public var occurrences = 0
        /// Distinct records with the problem.
        public var records = 0
        /// The first codes met, in import order.
        public var examples: [String] = []
    }

    /// How many example codes a tally keeps.
    public static let exampleLimit = 5

    /// The source imported.
    public var source: CatalogSource
    public var ministries: [MinistryCount] = []
    /// Records that could not be imported at all.
    public var failures: [ImportError] = []
    public var tallies: [ImportProblem.Kind: Tally] = [:]
    public var figures = CoverageFigures()

    public init(source: CatalogSource) {
        self.source = source
    }

    public var recordsRead: Int { ministries.reduce(0) { $0 + $1.read } }
    public var recordsWritten: Int { ministries.reduce(0) { $0 + $1.written } }

    /// Counts the problems of the record `code`.
    public mutating func add(_ problems: [ImportProblem], code: String) {
        var seen: Set<ImportProblem.Kind> = []
        for problem in problems {
            var tally = tallies[problem.kind] ?? Tally(kind: problem.kind)
            tally.occurrences += 1
            if seen.insert(problem.kind).inserted {
                tally.records += 1
                if tally.examples.count < Self.exampleLimit { tally.examples.append(code) }
            }
            tallies[problem.kind] = tally
        }
    }

    /// The report as text for the terminal.
    public func rendered() -> String {
        var lines: [String] = []
        lines.append("source \(source.name): \(source.path) (\(source.format.rawValue), retrieved \(source.retrieved))")
        lines.append("records: \(recordsRead) read, \(recordsWritten) written, \(failures.count) failed")
        for ministry in ministries {
            let folder = ministry.folder.padding(to: 20)
            lines.append("  \(folder) \(ministry.read) read, \(ministry.written) written  (\(ministry.ministry))")
        }
        if !failures.isEmpty {
            lines.append("failed records:")
            lines += failures.map { "  \($0)" }
        }
        lines.append("times with a number: \(percent(figures.timeShare)) (\(figures.timesWithValue) of \(figures.timesGiven) channels that state a time)")
        lines.append("fees with an amount:  \(percent(figures.feeShare)) (\(figures.feesWithAmount) of \(figures.feesGiven) channels that state a fee)")
        if tallies.isEmpty {
            lines.append("problems: none")
        } else {
            lines.append("problems (occurrences / records, example codes):")
            for tally in tallies.values.sorted(by: { $0.kind < $1.kind }) {
                let kind = tally.kind.rawValue.padding(to: 32)
                lines.append("  \(kind) \(tally.occurrences) / \(tally.records)  \(tally.examples.joined(separator: " "))")
                lines.append("      \(tally.kind.summary)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func percent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

extension String {
    /// The string padded with spaces to `width` characters.
    fileprivate func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
