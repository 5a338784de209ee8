import Foundation
import ThuTucKnowledge
import ThuTucText

/// Reads every procedure's default answers (overview, documents, time, fee,
/// method) the way a citizen reads them and reports what would mislead or
/// cannot be used: `thutuc audit`, and the tests that keep the everyday
/// procedures clean.
///
/// The checks read the rendered text (and, where the text alone cannot tell,
/// the record behind it), not the renderer's own decisions, so that they
/// measure the answers before and after a change to the renderer alike.
public struct AnswerAudit: Sendable {
    /// What can be wrong with a reply.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// "Miễn phí" as the fee, while the record's note gives an amount or says who sets it.
        case freeContradicted = "free-contradicted"
        /// A processing time shown as a bare number.
        case timeWithoutUnit = "time-without-unit"
        /// A group heading or a note listed as a document to bring.
        case headingAsDocument = "heading-as-document"
        /// A form's file name, or the source's own numbering after ours ("2. 1. Đơn…").
        case fileNameOrNumbering = "file-name-or-numbering"
        /// The same note (or line) twice in one reply.
        case repeatedNote = "repeated-note"
        /// A reply longer than its intent's budget.
        case overBudget = "over-budget"

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One thing wrong with one reply.
    public struct Finding: Sendable, Hashable {
        public var code: String
        public var intent: Intent
        public var kind: Kind
        /// The text concerned, shortened.
        public var detail: String
    }

    /// The intents a citizen asks about most, each read as its default reply.
    public static let intents: [Intent] = [.overview, .documents, .time, .fee, .method]

    /// The longest default reply of each intent, in characters: a phone
    /// screen or two. Documents get more, since they are a checklist.
    public static func budget(for intent: Intent) -> Int {
        switch intent {
        case .documents: 1_500
        case .overview: 1_000
        case .fee: 1_000
        default: 800
        }
    }

    public let renderer: AnswerRenderer

    public init(renderer: AnswerRenderer) {
        self.renderer = renderer
    }

    /// Everything wrong with `procedure`'s default replies.
    public func findings(for procedure: Procedure) -> [Finding] {
        var findings: [Finding] = []
        for intent in Self.intents {
            let text = renderer.answer(procedure, intents: [intent]).text
            for (kind, detail) in check(text, intent: intent, procedure: procedure) {
                findings.append(Finding(code: procedure.code, intent: intent, kind: kind, detail: Self.shortened(detail)))
            }
        }
        return findings
    }

    func check(_ text: String, intent: Intent, procedure: Procedure) -> [(Kind, String)] {
        var found: [(Kind, String)] = []
        let lines = text.split(separator: "\n").map(String.init)
        if intent == .fee || intent == .overview, let line = freeContradicted(lines, procedure) {
            found.append((.freeContradicted, line))
        }
        if intent == .time || intent == .overview, let value = bareTime(text, procedure) {
            found.append((.timeWithoutUnit, value))
        }
        if intent == .documents {
            if let line = lines.first(where: isHeadingOrNote) { found.append((.headingAsDocument, line)) }
        }
        if let line = lines.first(where: hasFileNameOrNumbering) { found.append((.fileNameOrNumbering, line)) }
        if let line = repeatedLine(lines) { found.append((.repeatedNote, line)) }
        if text.count > Self.budget(for: intent) { found.append((.overBudget, "\(text.count) characters")) }
        return found
    }

    // MARK: - Fees

    /// A fee line (not a note) that says "Miễn phí" while a free channel's
    /// note states an amount or who sets the fee.
    private func freeContradicted(_ lines: [String], _ procedure: Procedure) -> String? {
        let free = renderer.text(.feeFree)
        let notePrefix = renderer.text(.feeNote, ["note": ""]).trimmingCharacters(in: .whitespaces)
        let contradicting = procedure.channels.contains { channel in
            guard let fee = channel.fee, fee.amount == 0, let note = fee.note else { return false }
            return Self.statesAmount(note) || Self.namesSetter(note)
        }
        guard contradicting else { return nil }
        return lines.first { line in
            !line.trimmingCharacters(in: .whitespaces).hasPrefix(notePrefix) && line.containsBytes(free)
        }
    }

    /// Whether `note` states a sum of money: digits grouped by points
    /// ("135.000") or digits before a currency word ("20000 đồng", "10 USD").
    static func statesAmount(_ note: String) -> Bool {
        let scalars = Array(note.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard scalars[index].properties.numericType != nil, index == 0 || !isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            var grouped = false
            while end + 3 < scalars.count, scalars[end] == ".", (1...3).allSatisfy({ isDigit(scalars[end + $0]) }),
                  end + 4 >= scalars.count || !isDigit(scalars[end + 4]) {
                end += 4
                grouped = true
            }
            if grouped { return true }
            let after = String(String.UnicodeScalarView(scalars[end..<min(end + 8, scalars.count)])).lowercased()
            let trimmed = after.drop { $0 == " " }
            if currencyWords.contains(where: { trimmed.hasPrefix($0) }) { return true }
            index = end
        }
        return false
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    private static let currencyWords = ["đồng", "đ/", "vnđ", "usd", "triệu"]

    /// Whether `note` says that someone else sets the fee: the province, a
    /// local authority, or a law, decree or circular.
    static func namesSetter(_ note: String) -> Bool {
        let lowered = note.lowercased()
        return setterWords.contains { lowered.containsBytes($0) }
    }

    private static let setterWords = [
        "hội đồng nhân dân", "hđnd", "ủy ban nhân dân cấp tỉnh", "uỷ ban nhân dân cấp tỉnh", "địa phương",
        "thông tư", "nghị định", "luật phí", "pháp luật về phí", "bộ tài chính",
    ]

    // MARK: - Times

    /// The first number shown as a time without its unit.
    private func bareTime(_ text: String, _ procedure: Procedure) -> String? {
        for channel in procedure.channels {
            guard let time = channel.time, let value = time.value, time.unit == nil else { continue }
            let number = AnswerRenderer.number(value)
            if text.containsBytes(number) { return time.text }
        }
        return nil
    }

    // MARK: - Documents

    /// A numbered line ("3. …") whose item is a heading ("Trường hợp …, hồ
    /// sơ gồm:") or a note ("Lưu ý: …").
    private func isHeadingOrNote(_ line: String) -> Bool {
        guard let name = Self.numberedItem(line) else { return false }
        let item = Self.withoutCopies(name).trimmingCharacters(in: .whitespaces)
        let lowered = item.lowercased()
        if Self.noteOpenings.contains(where: { lowered.hasPrefix($0) }) { return true }
        if item.hasSuffix(":") { return true }
        return Self.headingEndings.contains { lowered.hasSuffix($0) }
    }

    private static let noteOpenings = ["lưu ý", "ghi chú", "chú ý", "*"]
    private static let headingEndings = ["hồ sơ gồm", "bao gồm", "gồm có", "gồm:"]

    /// The item text of a line numbered by the answer ("12. Giấy…" → "Giấy…").
    static func numberedItem(_ line: String) -> Substring? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        return rest.dropFirst(2)
    }

    /// An item without the copies the answer adds at its end ("(1 bản chính)").
    private static func withoutCopies(_ item: Substring) -> Substring {
        guard item.hasSuffix(")"), let open = item.lastIndex(of: "(") else { return item }
        let inside = item[item.index(after: open)...].lowercased()
        guard inside.contains("bản") || inside.contains("số lượng") || inside.contains("mẫu") else { return item }
        return item[..<open]
    }

    /// A line holding a form's file name, or an item whose text starts with
    /// the source's own enumerator after the answer's number.
    private func hasFileNameOrNumbering(_ line: String) -> Bool {
        let lowered = line.lowercased()
        for ext in Self.fileExtensions {
            var searchStart = lowered.startIndex
            while let range = lowered.range(of: ext, range: searchStart..<lowered.endIndex) {
                let next = lowered[range.upperBound...].first
                if range.lowerBound > lowered.startIndex, next.map({ !$0.isLetter }) ?? true { return true }
                searchStart = range.upperBound
            }
        }
        guard let item = Self.numberedItem(line) else { return false }
        return Self.startsWithEnumerator(item)
    }

    private static let fileExtensions = [".docx", ".doc", ".pdf", ".xlsx", ".xls"]

    /// "1.", "1.2.", "a)", "(iv)", "h)" at the start of `text`, then a space or the end.
    static func startsWithEnumerator(_ text: Substring) -> Bool {
        var rest = text
        let opened = rest.first == "("
        if opened { rest = rest.dropFirst() }
        let body = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") || $0 == "đ" }
        guard !body.isEmpty, body.count <= 5 else { return false }
        let core = body.filter { $0 != "." }
        let isNumber = !core.isEmpty && core.allSatisfy(\.isNumber)
        let isLetter = core.count == 1 && core.allSatisfy(\.isLetter)
        let isRoman = !core.isEmpty && core.allSatisfy { "ivxIVX".contains($0) }
        guard isNumber || isLetter || isRoman else { return false }
        let after = rest.dropFirst(body.count)
        if after.first == ")" { return after.dropFirst().first.map { $0 == " " } ?? true }
        if !opened, body.last == ".", isNumber || isRoman { return after.first.map { $0 == " " } ?? true }
        return false
    }

    // MARK: - Repeats

    /// A line of 20 characters or more that the reply already said, compared
    /// without case, labels, spacing or final punctuation.
    private func repeatedLine(_ lines: [String]) -> String? {
        var seen: Set<String> = []
        for line in lines {
            let key = Self.comparable(line)
            guard key.count >= 20 else { continue }
            if !seen.insert(key).inserted { return line }
        }
        return nil
    }

    /// A line reduced to what it says: without leading markers and labels ("Ghi chú:"), case and final punctuation.
    static func comparable(_ line: String) -> String {
        var text = Substring(line.lowercased())
        text = text.drop { $0 == " " || $0 == "-" || $0 == "+" }
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 12 {
            text = text[text.index(after: colon)...]
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return String(words.reversed().drop { ".;,".contains($0) }.reversed())
    }

    private static func shortened(_ text: String) -> String {
        text.count > 100 ? String(text.prefix(97)) + "..." : text
    }
}
