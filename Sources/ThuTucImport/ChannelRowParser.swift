import ThuTucKnowledge

/// Reads the Word export's channel rows (`hinh_thuc_nop`): kind, time, fee.
///
/// The rows arrive split, so only their cells need reading: the kind is one
/// of the three labels, the time a cell for ``ProcessingTimeParser`` (empty
/// means no information) and the fee a cell for ``FeeStatementParser``. A fee
/// cell stating several fees ("Phí : 2.000.000 Đồng (…)\nPhí : 3.500.000 Đồng
/// (…)") gives one channel per fee, all with the row's kind and time, as the
/// portal export lists such cases in rows of their own, each fee's note
/// naming its case. The description column (`mo_ta`) is prose and is not
/// kept; it is read, with the steps, as the portal export's is
/// (``ChannelDescriptionReader``).
public enum ChannelRowParser {
    /// The channels of one record, in source order, exact repeats removed.
    public static func parse(
        _ rows: [WordExportRecord.ChannelRow], name: String = "", steps: String = ""
    ) -> (channels: [Channel], problems: [ImportProblem]) {
        var read: [ChannelTableParser.ReadRow] = []
        var problems: [ImportProblem] = []
        for row in rows {
            let label = PortalText.clean(row.kind)
            guard let kind = Channel.Kind.allCases.first(where: { $0.label == label }) else {
                problems.append(ImportProblem(.channelKindUnknown, label))
                continue
            }
            let description = PortalText.clean(row.description)
            let time = PortalText.value(row.time).map {
                ChannelTableParser.timeCell($0, description: description, steps: steps, problems: &problems)
            }
            let (fees, feeProblems) = FeeStatementParser.parse(row.fee)
            problems += feeProblems
            let online = kind == .online ? ChannelDescriptionReader.onlineScope(description: description, name: name) : nil
            let rowFees: [Fee?] = fees.isEmpty ? [nil] : fees
            for fee in rowFees {
                var channel = Channel(kind: kind, time: time, fee: fee, online: online)
                if fee?.currency != nil, ChannelDescriptionReader.saysAbroad(description + " " + (fee?.note ?? "")) {
                    channel.fee?.abroad = true
                }
                let note = fee?.note
                // Several fees in one cell differ by their notes; one fee's row, by its description.
                let texts = rowFees.count > 1 ? (note.map { [$0] } ?? []) : [description] + (note.map { [$0] } ?? [])
                read.append(ChannelTableParser.ReadRow(channel: channel, caseTexts: texts, note: note))
            }
        }
        let distinct = ChannelTableParser.distinct(read)
        return (distinct.channels, problems + distinct.problems)
    }
}
