import ThuTucKnowledge

/// Reads the fee cell of a Word-export channel row: one statement per line,
/// "Phí : 2.000.000 Đồng (note)" or "Lệ phí : 03 USD (note)".
///
/// The Word template prints a label, the amount, the currency and the note,
/// so a cell whose amount was typed in words still reads "Phí : Mức thu bằng
/// 50% … Đồng (…)", and one left blank reads "Phí :  Đồng". Each line becomes
/// one ``Fee`` (the channel row then repeats for each, as the portal export's
/// table does for fees that depend on the case):
///
/// - `text` is the line as stated without its note ("Phí : 2.000.000 Đồng");
/// - `amount` is the number in đồng: "2.000.000" and "20000" are read, as are
///   "0" and "Không" (free); foreign currencies, numbers in words and
///   implausibly small amounts get none, by the same rules as ``FeeParser``;
/// - `note` is the text in the trailing parentheses.
///
/// A line with no amount at all is no information, unless its note says
/// something ("Theo quy định của Bộ Tài chính"): the note is then the fee's
/// text. "File đính kèm: …" lines name a file of the fee schedule and are
/// dropped.
public enum FeeStatementParser {
    static let labels = ["Lệ phí", "Phí"].map(\.scalarArray)
    static let attachment = "File đính kèm:"
    static let dong = "Đồng"
    static let foreign = ["USD"]
    /// The word that states a zero fee in place of "0".
    static let zeroWord = "không"

    /// The fees of one cell, in source order; empty when the cell is.
    public static func parse(_ cell: String) -> (fees: [Fee], problems: [ImportProblem]) {
        var fees: [Fee] = []
        var problems: [ImportProblem] = []
        for rawLine in cell.split(whereSeparator: \.isNewline) {
            let line = PortalText.clean(rawLine)
            if line.isEmpty { continue }
            if line.hasPrefix(attachment) {
                problems.append(ImportProblem(.feeAttachmentDropped, line))
                continue
            }
            let (fee, lineProblems) = statement(line)
            problems += lineProblems
            if let fee { fees.append(fee) }
        }
        return (fees, problems)
    }

    /// The fee one line states, or nil when it states none.
    static func statement(_ line: String) -> (fee: Fee?, problems: [ImportProblem]) {
        let scalars = ScalarText(line)
        guard let amountStart = amountStart(in: scalars) else {
            return (Fee(text: line, amount: nil, note: nil), [ImportProblem(.feeLineUnreadable, line)])
        }
        let (body, rawNote) = splitNote(scalars)
        let note = rawNote.flatMap(FeeParser.cleanNote)
        let text = PortalText.clean(scalars.string(0..<body))
        var amountText = PortalText.clean(scalars.string(amountStart..<body))
        var currency: String?
        for candidate in [dong] + foreign where amountText == candidate || amountText.hasSuffix(" " + candidate) {
            currency = candidate
            amountText = PortalText.clean(amountText.dropLast(candidate.count))
        }
        if amountText.isEmpty {
            guard let note else { return (nil, [ImportProblem(.feeAmountMissing, line)]) }
            return FeeParser.read(Fee(text: note, amount: nil, note: nil), [ImportProblem(.feeAmountMissing, line)])
        }
        if let currency, currency != dong {
            return FeeParser.read(Fee(text: text, amount: nil, note: note, currency: currency), [ImportProblem(.feeForeignCurrency, text)])
        }
        guard currency != nil, let number = number(amountText) else {
            return FeeParser.read(Fee(text: text, amount: nil, note: note), [ImportProblem(.feeAmountUnreadable, text)])
        }
        let (fee, problems) = FeeParser.fee(text: text, number: number, note: note)
        return FeeParser.read(fee, problems)
    }

    /// Where the amount starts: after the label, its spaces and ":".
    private static func amountStart(in scalars: ScalarText) -> Int? {
        guard let label = labels.first(where: { scalars.matches($0, at: 0) }) else { return nil }
        var offset = label.count
        while scalars.isWhitespace(at: offset) { offset += 1 }
        guard scalars.scalar(at: offset) == ":" else { return nil }
        return offset + 1
    }

    /// Where the statement ends and its note, when the line ends with a parenthesised one.
    private static func splitNote(_ scalars: ScalarText) -> (bodyEnd: Int, note: String?) {
        guard scalars.scalars.last == ")" else { return (scalars.count, nil) }
        var depth = 0
        var offset = scalars.count - 1
        while offset >= 0 {
            if scalars[offset] == ")" { depth += 1 }
            if scalars[offset] == "(" {
                depth -= 1
                if depth == 0 { return (offset, scalars.string(offset..<scalars.count)) }
            }
            offset -= 1
        }
        return (scalars.count, nil)
    }

    /// "2.000.000" (points group thousands), "20000", "03", or "Không" for 0.
    static func number(_ text: String) -> Int? {
        if text.lowercased() == zeroWord { return 0 }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty && $0.unicodeScalars.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard groups[0].count <= 3, groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return Int(groups.joined())
    }
}
