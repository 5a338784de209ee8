import ThuTucKnowledge

/// Reads the Word export's channel rows (`hinh_thuc_nop`): kind, time, fee.
///
/// The rows arrive split, so only their cells need reading: the kind is one
/// of the three labels, the time a cell for ``ProcessingTimeParser`` (empty
/// means no information) and the fee a cell for ``FeeStatementParser``. A fee
/// cell stating several fees ("Phí : 2.000.000 Đồng (…)\nPhí : 3.500.000 Đồng
/// (…)") gives one channel per fee, all with the row's kind and time, as the
/// portal export lists such cases in rows of their own. The description
/// column (`mo_ta`) is prose and is not read.
public enum ChannelRowParser {
    /// The channels of one record, in source order, exact repeats removed.
    public static func parse(_ rows: [WordExportRecord.ChannelRow]) -> (channels: [Channel], problems: [ImportProblem]) {
        var channels: [Channel] = []
        var problems: [ImportProblem] = []
        for row in rows {
            let label = PortalText.clean(row.kind)
            guard let kind = Channel.Kind.allCases.first(where: { $0.label == label }) else {
                problems.append(ImportProblem(.channelKindUnknown, label))
                continue
            }
            let time = PortalText.value(row.time).map(ProcessingTimeParser.parse)
            if let time, time.value == nil { problems.append(ImportProblem(.timeWithoutNumber, time.text)) }
            let (fees, feeProblems) = FeeStatementParser.parse(row.fee)
            problems += feeProblems
            let rowFees: [Fee?] = fees.isEmpty ? [nil] : fees
            channels += rowFees.map { Channel(kind: kind, time: time, fee: $0) }
        }
        let distinct = ChannelTableParser.distinct(channels)
        return (distinct.channels, problems + distinct.problems)
    }
}
