import ThuTucKnowledge

/// Reads one "Phí, lệ phí" cell of the channel table and the note after it.
///
/// The cell is "Miễn phí", "Không có thông tin" or one amount with a currency
/// ("7,000 Việt Nam Đồng", "70,000 VNĐ", "10 USD"); the note in parentheses
/// carries the actual rates and is kept, because "Miễn phí" alone can be wrong
/// (a note may read "8.000.000/lần"). Amounts are in đồng, so a foreign
/// currency keeps its text but no amount.
///
/// Some records state the amount in thousands ("20 VNĐ" with the note
/// "20.000 vnđ/tờ khai"). A fee under 1,000 đồng is taken ×1000 only when its
/// note says so, and is otherwise left without an amount rather than quoted.
public enum FeeParser {
    static let free = "Miễn phí"
    static let dong = ["Việt Nam Đồng", "VNĐ"]
    static let foreign = ["USD"]
    /// The smallest amount that is plausible as a Vietnamese fee.
    static let smallestPlausibleAmount = 1_000

    /// The fee a cell states, or nil when the cell says there is no information.
    public static func parse(cell: String, note rawNote: String?) -> (fee: Fee?, problems: [ImportProblem]) {
        let text = PortalText.clean(cell)
        let note = rawNote.flatMap(cleanNote)
        guard !text.isEmpty, text != PortalText.notAvailable else {
            let problems = note.map { [ImportProblem(.feeNoteWithoutFeeDropped, $0)] } ?? []
            return (nil, problems)
        }
        if text == free {
            let problems = note.map { hasAmount($0) ? [ImportProblem(.feeFreeButNoteHasRates, $0)] : [] } ?? []
            return read(Fee(text: text, amount: 0, note: note), problems)
        }
        guard let (number, currency) = amount(in: text) else {
            return read(Fee(text: text, amount: nil, note: note), [ImportProblem(.feeAmountImplausible, text)])
        }
        if foreign.contains(currency) {
            return read(Fee(text: text, amount: nil, note: note, currency: currency), [ImportProblem(.feeForeignCurrency, text)])
        }
        let (fee, problems) = fee(text: text, number: number, note: note)
        return read(fee, problems)
    }

    /// `fee` with what its note says (``FeeNoteReader``), and a problem when
    /// a note of a fee without amount says nothing that could be read.
    static func read(_ fee: Fee, _ problems: [ImportProblem]) -> (fee: Fee, problems: [ImportProblem]) {
        guard let note = fee.note else { return (fee, problems) }
        let reading = FeeNoteReader.read(note, cellAmount: fee.currency == nil ? fee.amount : 1)
        var read = fee
        read.note = reading.note
        read.per = reading.per
        read.basis = reading.basis
        read.law = reading.law
        read.extra = reading.extra
        read.rates = reading.rates
        read.until = reading.until
        var all = problems
        if note.hasPrefix("/"), reading.per != nil { all.append(ImportProblem(.feeUnitAttached, note)) }
        if (fee.amount ?? 0) == 0, fee.currency == nil, reading.basis == nil, let rest = reading.note {
            all.append(ImportProblem(.feeNoteUnread, rest))
        }
        return (read, all)
    }

    /// The fee for a number of đồng: an implausibly small one gets no amount
    /// unless the note states it in thousands.
    static func fee(text: String, number: Int, note: String?) -> (fee: Fee, problems: [ImportProblem]) {
        if number == 0 || number >= smallestPlausibleAmount {
            return (Fee(text: text, amount: number, note: note), [])
        }
        if let note, noteStates(number * 1_000, in: note) {
            return (Fee(text: text, amount: number * 1_000, note: note), [ImportProblem(.feeAmountScaledFromNote, text)])
        }
        // "145 VNĐ" with the note "… 145 USD/thẻ": the cell's currency is a slip the note corrects.
        if let note, let currency = foreign.first(where: { note.contains(String(number) + " " + $0) }) {
            let corrected = String(number) + " " + currency
            return (Fee(text: corrected, amount: nil, note: note, currency: currency), [ImportProblem(.feeCurrencyFromNote, text + " → " + corrected)])
        }
        return (Fee(text: text, amount: nil, note: note), [ImportProblem(.feeAmountImplausible, text)])
    }

    /// The length of the fee cell starting at `offset`, if one does: the channel
    /// table parser uses this to find where the "Thời gian" cell ends.
    static func cellLength(in scalars: ScalarText, at offset: Int) -> Int? {
        if scalars.matches(freeScalars, at: offset) { return freeScalars.count }
        if scalars.matches(notAvailableScalars, at: offset) { return notAvailableScalars.count }
        return amountLength(in: scalars, at: offset)
    }

    /// The length of "<amount> <currency>" at `offset`, where the amount is
    /// "0", digits grouped by commas ("2,500,000") or plain digits ("15000").
    static func amountLength(in scalars: ScalarText, at offset: Int) -> Int? {
        guard let first = scalars.scalar(at: offset), first.isASCIIDigit else { return nil }
        var end = scalars.digitRunEnd(from: offset)
        if first == "0" {
            guard end == offset + 1 else { return nil }
        } else if end - offset <= 3 {
            while scalars.scalar(at: end) == ",", scalars.digitRunEnd(from: end + 1) == end + 4 {
                end += 4
            }
        }
        guard scalars.scalar(at: end) == " " else { return nil }
        for currency in currencyScalars where scalars.matches(currency, at: end + 1) {
            return end + 1 + currency.count - offset
        }
        return nil
    }

    /// The note without the portal's wrapping: whitespace collapsed, one
    /// redundant pair of enclosing parentheses removed, nil when empty.
    static func cleanNote(_ note: String) -> String? {
        var text = PortalText.clean(note)
        while text.hasPrefix("("), text.hasSuffix(")"), encloses(text) {
            text = PortalText.clean(text.dropFirst().dropLast())
        }
        return text.isEmpty || emptyNotes.contains(ListMarker.stripped(text)) ? nil : text
    }

    /// Notes that say there is nothing to note.
    static let emptyNotes: Set<String> = ["", PortalText.notAvailable, "Không", "Không có", "Không có."]

    private static let freeScalars = free.scalarArray
    private static let notAvailableScalars = PortalText.notAvailable.scalarArray
    private static let currencyScalars = (dong + foreign).map(\.scalarArray)

    /// The amount and currency of a cell such as "2,500,000 Việt Nam Đồng".
    private static func amount(in text: String) -> (Int, String)? {
        let scalars = ScalarText(text)
        guard amountLength(in: scalars, at: 0) == scalars.count else { return nil }
        let digits = text.unicodeScalars.filter(\.isASCIIDigit)
        guard let space = text.firstIndex(of: " "), let value = Int(String(String.UnicodeScalarView(digits))) else {
            return nil
        }
        return (value, String(text[text.index(after: space)...]))
    }

    /// Whether the first "(" of `text` closes at its last character.
    private static func encloses(_ text: String) -> Bool {
        var depth = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth == 0 { return index == text.unicodeScalars.count - 1 }
            }
        }
        return false
    }

    /// Whether `note` states an amount of money: digits grouped by points
    /// ("8.000.000") or digits followed by a currency word ("50USD", "20.000 đ").
    static func hasAmount(_ note: String) -> Bool {
        let scalars = ScalarText(note)
        var offset = 0
        while offset < scalars.count {
            guard scalars.isDigit(at: offset), !scalars.isDigit(at: offset - 1) else {
                offset += 1
                continue
            }
            var end = scalars.digitRunEnd(from: offset)
            var groups = 0
            while scalars.scalar(at: end) == ".", scalars.digitRunEnd(from: end + 1) == end + 4 {
                end += 4
                groups += 1
            }
            if groups > 0 && !scalars.isDigit(at: end) { return true }
            var after = end
            if scalars.scalar(at: after) == " " { after += 1 }
            if moneyWords.contains(where: { scalars.matches($0, at: after) }) { return true }
            offset = max(end, offset + 1)
        }
        return false
    }

    private static let moneyWords = ["đồng", "Đồng", "đ/", "đ ", "Đ/", "VNĐ", "vnđ", "USD"].map(\.scalarArray)

    /// Whether `note` writes `amount` as "20.000", "20,000" or "20000".
    private static func noteStates(_ amount: Int, in note: String) -> Bool {
        let forms = [String(amount), groupedThousands(amount, separator: "."), groupedThousands(amount, separator: ",")]
        let scalars = ScalarText(note)
        for form in forms {
            let pattern = form.scalarArray
            for offset in scalars.offsets(of: pattern) {
                let before = scalars.scalar(at: offset - 1)
                let after = offset + pattern.count
                let continues = scalars.isDigit(at: after)
                    || ((scalars.scalar(at: after) == "." || scalars.scalar(at: after) == ",") && scalars.isDigit(at: after + 1))
                if !(before?.isASCIIDigit ?? false), before != ".", before != ",", !continues { return true }
            }
        }
        return false
    }

    private static func groupedThousands(_ amount: Int, separator: Character) -> String {
        var digits = Array(String(amount))
        var result: [Character] = []
        while digits.count > 3 {
            result = [separator] + digits.suffix(3) + result
            digits.removeLast(3)
        }
        return String(digits + result)
    }
}
