import ThuTucKnowledge

/// The figures `thutuc check` prints about a knowledge base.
struct KnowledgeSummary {
    let knowledge: KnowledgeBase

    func text(verbose: Bool) -> String {
        let procedures = knowledge.procedures
        var lines = ["procedures: \(procedures.count)"]
        var byLevel: [Level: Int] = [:]
        for procedure in procedures { for level in procedure.levels { byLevel[level, default: 0] += 1 } }
        lines.append("by level: " + Level.allCases.map { "\($0.label) \(byLevel[$0] ?? 0)" }.joined(separator: ", "))
        var byField: [String: Int] = [:]
        for procedure in procedures { byField[procedure.field, default: 0] += 1 }
        let fields = byField.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        lines.append("fields: \(fields.count); largest: " + fields.prefix(verbose ? fields.count : 8).map { "\($0.key) \($0.value)" }.joined(separator: ", "))

        let channels = procedures.flatMap { procedure in procedure.channels.map { (procedure.code, $0) } }
        let timed = channels.filter { $0.1.time != nil }
        let timedNumeric = timed.filter { $0.1.time?.value != nil }
        let feed = channels.filter { $0.1.fee != nil }
        let feedNumeric = feed.filter { $0.1.fee?.amount != nil }
        lines.append("channels: \(channels.count); with a time: \(timed.count), as a number: \(timedNumeric.count) (\(percent(timedNumeric.count, timed.count)))")
        lines.append("channels with a fee: \(feed.count), as an amount: \(feedNumeric.count) (\(percent(feedNumeric.count, feed.count)))")
        let recordsWithTime = procedures.filter { $0.channels.contains { $0.time != nil } }
        let recordsTimeNumeric = recordsWithTime.filter { $0.channels.allSatisfy { $0.time == nil || $0.time?.value != nil } }
        let recordsWithFee = procedures.filter { $0.channels.contains { $0.fee != nil } }
        let recordsFeeNumeric = recordsWithFee.filter { $0.channels.allSatisfy { $0.fee == nil || $0.fee?.amount != nil } }
        lines.append("records with a time: \(recordsWithTime.count), all as numbers: \(recordsTimeNumeric.count) (\(percent(recordsTimeNumeric.count, recordsWithTime.count)))")
        lines.append("records with a fee: \(recordsWithFee.count), all as amounts: \(recordsFeeNumeric.count) (\(percent(recordsFeeNumeric.count, recordsWithFee.count)))")
        let documents = procedures.reduce(0) { $0 + $1.documents.reduce(0) { $0 + $1.items.count } }
        lines.append("documents: \(documents); legal references: \(procedures.reduce(0) { $0 + $1.legal.count }); results: \(procedures.reduce(0) { $0 + $1.results.count })")
        let aliases = knowledge.overlays.values.reduce(0) { $0 + $1.aliases.count }
        lines.append("overlays: \(knowledge.overlays.count) (\(aliases) aliases); lexicon: \(knowledge.lexicon.mappings.count) mappings, \(knowledge.lexicon.cues.count) cues, \(knowledge.lexicon.stopwords.count) stopwords, \(knowledge.lexicon.smalltalk.count) smalltalk phrases; templates: \(knowledge.templates.texts.count)")
        lines += unclassified(verbose: verbose)
        if verbose {
            lines.append("channels whose time is not a number:")
            for (code, channel) in timed where channel.time?.value == nil {
                lines.append("  \(code) \(channel.kind.rawValue): \(channel.time?.text ?? "")")
            }
            lines.append("channels whose fee has no amount:")
            for (code, channel) in feed where channel.fee?.amount == nil {
                lines.append("  \(code) \(channel.kind.rawValue): \(channel.fee?.text ?? "")")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// What the import could not classify, and so answers say plainly: a
    /// time's unit, what a fee note says, a document's count.
    private func unclassified(verbose: Bool) -> [String] {
        var bare: [String] = [], unread: [String] = [], uncounted: [String] = []
        for procedure in knowledge.procedures {
            if procedure.channels.contains(where: { $0.time?.value != nil && $0.time?.unit == nil }) { bare.append(procedure.code) }
            if procedure.channels.contains(where: { channel in
                guard let fee = channel.fee, fee.note != nil, fee.currency == nil else { return false }
                return (fee.amount ?? 0) == 0 && fee.basis == nil
            }) { unread.append(procedure.code) }
            if procedure.documents.contains(where: { $0.items.contains { $0.originals == 0 && $0.copies == 0 } }) { uncounted.append(procedure.code) }
        }
        let groups = [
            ("times given as a bare number, no unit in the record", bare),
            ("fee notes of a free or unstated fee that say no amount, waiver, setter or legal text", unread),
            ("documents without a count of originals or copies", uncounted),
        ]
        var lines = ["not classified by the import (procedures):"]
        for (label, codes) in groups {
            lines.append("  \(label): \(codes.count)" + (verbose && !codes.isEmpty ? " — " + codes.joined(separator: " ") : ""))
        }
        return lines
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "n/a" }
        return String(format: "%.1f%%", 100 * Double(part) / Double(whole))
    }
}
