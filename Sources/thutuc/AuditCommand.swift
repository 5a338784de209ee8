import ThuTucDialogue

/// `thutuc audit`: renders every procedure's default answers and reports, per
/// kind, what would mislead a citizen (see ``AnswerAudit``); exits 1 when an
/// everyday procedure (one with an overlay) has a finding (a failure, as
/// for `check`).
enum AuditCommand {
    static let spec = CommandSpec(
        name: "audit",
        synopsis: ["thutuc audit [OPTIONS]"],
        summary: "Reads every procedure's default answers and reports what misleads.",
        details: """
            options:
              --kind KIND           only this kind of finding (\(AnswerAudit.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
              --verbose             list every finding, not only the everyday procedures'
            \(CommonOptions.knowledgeHelp)
            """,
        options: CommonOptions.knowledgeOptions.union(["--kind"]),
        switches: ["--verbose"],
        run: run
    )

    static func run(_ parsed: Arguments) throws -> Int32 {
        try parsed.noPositionals()
        var kinds = AnswerAudit.Kind.allCases
        if let name = parsed.value("--kind") {
            guard let kind = AnswerAudit.Kind(rawValue: name) else {
                throw UsageError("unknown kind '\(name)' for --kind (use " + AnswerAudit.Kind.allCases.map(\.rawValue).joined(separator: ", ") + ")")
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
        return report.everydayFindings.contains { kinds.contains($0.kind) } ? Dispatcher.failureStatus : 0
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
