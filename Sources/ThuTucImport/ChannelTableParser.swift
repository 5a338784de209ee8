import ThuTucKnowledge

/// Reads the flattened channel table of `cach_thuc_thuc_hien`.
///
/// The portal's table "Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả"
/// arrives with its cells run together:
/// `Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến3 Ngày làm việc7,000 Việt Nam Đồng(note)description…Trực tiếp…`.
///
/// A row starts with a channel label ("Trực tiếp", "Trực tuyến", "Dịch vụ bưu
/// chính", capitalised exactly) immediately followed by a time cell and a fee
/// cell. That whole shape is required, so a label inside the free-text
/// description (": nộp hồ sơ trực tuyến qua…", "+ Trực tiếp: nộp…") does not
/// start a row. The description itself is prose and is not kept; it is
/// read (with the record's steps) for the unit of a bare-number time, the
/// case of a repeated row and what an online channel allows
/// (``ChannelDescriptionReader``).
public enum ChannelTableParser {
    /// A row as it stands in the source, before its cells are interpreted.
    public struct Row: Sendable, Hashable {
        public var kind: Channel.Kind
        /// The time cell, or nil when it says "Không có thông tin".
        public var time: String?
        public var fee: String
        /// The text in parentheses right after the fee, without them.
        public var note: String?
        /// Whether the note's parenthesis never closed before the next row.
        public var noteUnbalanced: Bool
        /// The description cell: the text up to the next row.
        public var description: String = ""
    }

    static let header = "Hình thức nộpThời gianPhí, lệ phíMô tả".scalarArray
    static let labels: [(label: [Unicode.Scalar], kind: Channel.Kind)] = Channel.Kind.allCases.map { ($0.label.scalarArray, $0) }
    /// The first scalars of the labels, to reject most offsets at a glance.
    static let labelInitials = Set(labels.compactMap(\.label.first))
    /// A free-text time cell ("Không quy định", "Hệ thống … tự động …") is at most this long.
    static let longestTextTime = 200

    /// The channels of one record, in source order, exact repeats removed;
    /// `name` and `steps` are the record's, read for what the rows leave unsaid.
    public static func parse(_ text: String, name: String = "", steps: String = "") -> (channels: [Channel], problems: [ImportProblem]) {
        guard !PortalText.isEmptyValue(text) else { return ([], []) }
        let (rows, skipped) = rows(in: text)
        var problems: [ImportProblem] = []
        if rows.isEmpty {
            return ([], [ImportProblem(.channelsUnreadable, PortalText.clean(text))])
        }
        if let skipped { problems.append(ImportProblem(.channelsTextBeforeFirstRow, skipped)) }
        var read: [ReadRow] = []
        for row in rows {
            let time = row.time.map { timeCell($0, description: row.description, steps: steps, problems: &problems) }
            let (fee, feeProblems) = FeeParser.parse(cell: row.fee, note: row.note)
            problems += feeProblems
            if row.noteUnbalanced { problems.append(ImportProblem(.feeNoteUnbalanced, row.note ?? "")) }
            let online = row.kind == .online ? ChannelDescriptionReader.onlineScope(description: row.description, name: name) : nil
            let note = fee?.note
            var channel = Channel(kind: row.kind, time: time, fee: fee, online: online)
            if fee?.currency != nil, ChannelDescriptionReader.saysAbroad(row.description + " " + (row.note ?? "")) {
                channel.fee?.abroad = true
            }
            read.append(ReadRow(channel: channel, caseTexts: [row.description] + (note.map { [$0] } ?? []), note: note))
        }
        let distinct = distinct(read)
        return (distinct.channels, problems + distinct.problems)
    }

    /// A channel as read, with the prose that may name its case.
    struct ReadRow {
        var channel: Channel
        /// Where to look for the case, best first.
        var caseTexts: [String]
        /// The fee's note, a case in itself when short.
        var note: String?
    }

    /// The time a cell states; a bare number takes its unit from the row's
    /// description or the record's steps when they state it.
    static func timeCell(_ cell: String, description: String, steps: String, problems: inout [ImportProblem]) -> ProcessingTime {
        var time = ProcessingTimeParser.parse(cell)
        guard let value = time.value else {
            problems.append(ImportProblem(.timeWithoutNumber, time.text))
            return time
        }
        if time.unit == nil {
            if let unit = ChannelDescriptionReader.unit(of: value, in: [description, steps]) {
                time.unit = unit
                problems.append(ImportProblem(.timeUnitFromRecord, time.text + " → " + unit.rawValue))
            } else {
                problems.append(ImportProblem(.timeWithoutUnit, time.text))
            }
        }
        return time
    }

    /// The channels in order without exact repeats; the rows of a kind
    /// that still has several get their case, and a problem is reported.
    static func distinct(_ rows: [ReadRow]) -> (channels: [Channel], problems: [ImportProblem]) {
        var kept: [ReadRow] = []
        for row in rows where !kept.contains(where: { $0.channel == row.channel }) {
            kept.append(row)
        }
        let kinds = kept.map(\.channel.kind)
        guard Set(kinds).count < kinds.count else { return (kept.map(\.channel), []) }
        var channels: [Channel] = []
        for row in kept {
            var channel = row.channel
            if kinds.filter({ $0 == channel.kind }).count > 1 {
                channel.caseLabel = ChannelDescriptionReader.caseLabel(row.caseTexts, note: row.note)
            }
            channels.append(channel)
        }
        return (channels, [ImportProblem(.channelKindRepeated, "\(kinds.count) rows")])
    }

    /// The rows of the table, and the text skipped before the first one if any.
    public static func rows(in text: String) -> (rows: [Row], skipped: String?) {
        let scalars = ScalarText(text)
        var offset = scalars.matches(header, at: 0) ? header.count : 0
        let bodyStart = offset
        var rows: [Row] = []
        var skippedEnd: Int?
        var descriptionStart: Int?
        func closeDescription(at end: Int) {
            guard let start = descriptionStart, !rows.isEmpty else { return }
            rows[rows.count - 1].description = PortalText.clean(scalars.string(start..<end))
        }
        while offset < scalars.count {
            guard let start = rowStart(in: scalars, at: offset) else {
                if rows.isEmpty { skippedEnd = offset + 1 }
                offset += 1
                continue
            }
            closeDescription(at: offset)
            var end = start.feeEnd
            var note: String?
            var unbalanced = false
            if scalars.scalar(at: end) == "(" {
                let scan = noteEnd(in: scalars, openingAt: end)
                note = scalars.string(end + 1..<scan.contentEnd)
                unbalanced = !scan.closed
                end = scan.resumeAt
            }
            rows.append(Row(kind: start.kind, time: start.time, fee: start.fee, note: note, noteUnbalanced: unbalanced))
            descriptionStart = end
            offset = end
        }
        closeDescription(at: scalars.count)
        let skipped = skippedEnd.map { PortalText.clean(scalars.string(bodyStart..<$0)) }
        return (rows, skipped.flatMap { $0.isEmpty ? nil : $0 })
    }

    private struct RowStart {
        var kind: Channel.Kind
        var time: String?
        var fee: String
        var feeEnd: Int
    }

    /// The row that starts at `offset`: a label, a time cell and a fee cell, run together.
    private static func rowStart(in scalars: ScalarText, at offset: Int) -> RowStart? {
        guard let initial = scalars.scalar(at: offset), labelInitials.contains(initial),
              let (label, kind) = labels.first(where: { scalars.matches($0.label, at: offset) }) else { return nil }
        let timeStart = offset + label.count
        guard let (time, feeStart) = timeCell(in: scalars, at: timeStart),
              let feeLength = FeeParser.cellLength(in: scalars, at: feeStart) else { return nil }
        let fee = scalars.string(feeStart..<feeStart + feeLength)
        return RowStart(kind: kind, time: time, fee: fee, feeEnd: feeStart + feeLength)
    }

    /// The time cell at `offset` and where the fee cell starts; the time is nil for "Không có thông tin".
    private static func timeCell(in scalars: ScalarText, at offset: Int) -> (String?, Int)? {
        let notAvailable = PortalText.notAvailable.scalarArray
        if scalars.matches(notAvailable, at: offset) {
            let feeStart = offset + notAvailable.count
            return FeeParser.cellLength(in: scalars, at: feeStart) == nil ? nil : (nil, feeStart)
        }
        if scalars.isDigit(at: offset) {
            return numericTimeCell(in: scalars, at: offset)
        }
        return textTimeCell(in: scalars, at: offset)
    }

    /// "3 Ngày làm việc", "1.5 Ngày làm việc" or a bare "1".
    ///
    /// A bare number runs straight into the fee, and when the fee is an amount
    /// the digits are ambiguous ("120,000 VNĐ" after a time of "1"). The time
    /// then takes the fewest leading digits that leave a well-formed amount
    /// (no leading zero, comma groups of three): times are short, amounts long.
    private static func numericTimeCell(in scalars: ScalarText, at offset: Int) -> (String?, Int)? {
        guard let (_, numberEnd) = ProcessingTimeParser.number(in: scalars, at: offset) else { return nil }
        if let unitLength = ProcessingTimeParser.unitLength(in: scalars, at: numberEnd) {
            let feeStart = numberEnd + unitLength
            guard FeeParser.cellLength(in: scalars, at: feeStart) != nil else { return nil }
            return (scalars.string(offset..<feeStart), feeStart)
        }
        if let next = scalars.scalar(at: numberEnd), !next.isASCIIDigit, next != ",", next != " ",
           FeeParser.cellLength(in: scalars, at: numberEnd) != nil {
            return (scalars.string(offset..<numberEnd), numberEnd)
        }
        let digitsEnd = scalars.digitRunEnd(from: offset)
        for split in offset + 1..<digitsEnd where FeeParser.amountLength(in: scalars, at: split) != nil {
            return (scalars.string(offset..<split), split)
        }
        return nil
    }

    /// A time cell in words ("Không quy định"): it starts with a capital, stays
    /// on one line, holds no channel label and ends where a fee cell begins.
    private static func textTimeCell(in scalars: ScalarText, at offset: Int) -> (String?, Int)? {
        guard let first = scalars.scalar(at: offset), first.isUppercaseLetter else { return nil }
        var end = offset + 1
        while end < scalars.count, end - offset <= longestTextTime {
            let scalar = scalars[end]
            if scalar == "\n" || scalar == "\t" { return nil }
            if labelInitials.contains(scalar), labels.contains(where: { scalars.matches($0.label, at: end) }) { return nil }
            if FeeParser.cellLength(in: scalars, at: end) != nil {
                return (scalars.string(offset..<end), end)
            }
            end += 1
        }
        return nil
    }

    /// Where the note that opens at `open` ends.
    ///
    /// Notes nest parentheses. When the closing one is missing, the note stops
    /// at the next row and is cut after its last ")" so that it does not
    /// swallow the description that follows.
    private static func noteEnd(in scalars: ScalarText, openingAt open: Int) -> (contentEnd: Int, resumeAt: Int, closed: Bool) {
        var depth = 0
        var lastClose: Int?
        var offset = open
        while offset < scalars.count {
            if offset > open, rowStart(in: scalars, at: offset) != nil { break }
            let scalar = scalars[offset]
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth == 0 { return (offset, offset + 1, true) }
                lastClose = offset
            }
            offset += 1
        }
        if let lastClose { return (lastClose + 1, lastClose + 1, false) }
        return (offset, offset, false)
    }
}
