import ThuTucDialogue

/// `thutuc audit`: renders every procedure's default answers and reports, per
/// kind, what would mislead a citizen (see ``AnswerAudit``); exits 1 when an
/// everyday procedure (one with an overlay) has a finding.
enum AuditCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options.union(["--kind"]), switches: ["--verbose"])
        try parsed.noPositionals()
        var kinds = AnswerAudit.Kind.allCases
        if let name = parsed.value("--kind") {
            guard let kind = AnswerAudit.Kind(rawValue: name) else {
                throw Arguments.Failure.unexpected("--kind \(name) (use " + AnswerAudit.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            kinds = [kind]
        }
        let assistant = try CommonOptions(parsed).assistant()
        let report = AnswerAudit(renderer: assistant.renderer).run()
        print("procedures: \(report.procedures) (everyday: \(report.everyday.count)); replies read: \(report.procedures * AnswerAudit.intents.count)")
        print(pad("finding", 26) + pad("replies", 9) + pad("procedures", 12) + "everyday")
        for kind in kinds {
            let counts = report.counts(kind)
            print(pad(kind.rawValue, 26) + pad(String(counts.replies), 9) + pad(String(counts.procedures), 12) + String(counts.everyday))
        }
        let shown = report.findings.filter { kinds.contains($0.kind) }
        if parsed.has("--verbose") {
            for finding in shown { print("\(finding.code) \(finding.intent.rawValue) \(finding.kind.rawValue): \(finding.detail)") }
        } else {
            for finding in report.everydayFindings where kinds.contains(finding.kind) {
                print("\(finding.code) \(finding.intent.rawValue) \(finding.kind.rawValue): \(finding.detail)")
            }
        }
        return report.everydayFindings.contains { kinds.contains($0.kind) } ? 1 : 0
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
