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

    /// What is wrong with `text` read as the reply to `intent` about
    /// `procedure`: each kind found, with the text concerned.
    public func check(_ text: String, intent: Intent, procedure: Procedure) -> [(kind: Kind, detail: String)] {
        var found: [(kind: Kind, detail: String)] = []
        let lines = text.split(separator: "\n").map(String.init)
        if intent == .fee || intent == .overview, let line = freeContradicted(lines, procedure) {
            found.append((.freeContradicted, line))
        }
        if intent == .time || intent == .overview {
            // In an overview, only its time line: "3 giấy tờ" is no time.
            let timeText = intent == .time ? text : lines.filter { $0.hasPrefix(overviewTimePrefix) }.joined(separator: "\n")
            if let value = bareTime(timeText, procedure) { found.append((.timeWithoutUnit, value)) }
        }
        if intent == .documents {
            if let line = lines.first(where: isHeadingOrNote) { found.append((.headingAsDocument, line)) }
        }
        if let line = lines.first(where: hasFileNameOrNumbering) { found.append((.fileNameOrNumbering, line)) }
        if let line = repeatedLine(lines) { found.append((.repeatedNote, line)) }
        // The name is as long as the catalogue makes it: the budget is for the rest.
        let length = text.count - (lines.first?.count ?? 0)
        if length > AnswerRenderer.budget(for: intent) { found.append((.overBudget, "\(length) characters after the name")) }
        return found
    }

    // MARK: - Fees

    /// A fee line (not a note) that says "Miễn phí" for a channel that is
    /// free in the record while its note states an amount or who sets the fee.
    private func freeContradicted(_ lines: [String], _ procedure: Procedure) -> String? {
        let free = renderer.text(.feeFree)
        let notePrefix = renderer.text(.feeNote, ["note": ""]).trimmingCharacters(in: .whitespaces)
        let contradicted = Set(procedure.channels.compactMap { channel -> Channel.Kind? in
            guard let fee = channel.fee, fee.amount == 0, let note = fee.note else { return nil }
            return Self.statesAmount(note) || Self.namesSetter(note) ? channel.kind : nil
        })
        guard !contradicted.isEmpty else { return nil }
        for line in lines where !line.trimmingCharacters(in: .whitespaces).hasPrefix(notePrefix) && line.containsBytes(free) {
            for part in channelValues(line) where part.value.containsBytes(free) && !part.kinds.isDisjoint(with: contradicted) {
                return line
            }
        }
        return nil
    }

    /// The values a line gives per channel: "- trực tuyến, bưu chính: X",
    /// "Lệ phí: trực tuyến: X, trực tiếp: Y", or one value for every channel.
    func channelValues(_ line: String) -> [(kinds: Set<Channel.Kind>, value: Substring)] {
        var labels = Channel.Kind.allCases.map { (label: renderer.channelLabel($0), kinds: Set([$0])) }
        labels.append((renderer.text(.channelAll), Set(Channel.Kind.allCases)))
        // Where a run of channel labels ends in ": ", and which channels it names.
        var runs: [(start: String.Index, valueStart: String.Index, kinds: Set<Channel.Kind>)] = []
        var index = line.startIndex
        while index < line.endIndex {
            var cursor = index
            var kinds: Set<Channel.Kind> = []
            while let label = labels.first(where: { line[cursor...].hasPrefix($0.label) }) {
                kinds.formUnion(label.kinds)
                cursor = line.index(cursor, offsetBy: label.label.count)
                if line[cursor...].hasPrefix(" ("), let close = line[cursor...].firstIndex(of: ")") { cursor = line.index(after: close) }
                let separator = renderer.text(.listSeparator)
                if line[cursor...].hasPrefix(separator) { cursor = line.index(cursor, offsetBy: separator.count) } else { break }
            }
            if !kinds.isEmpty, line[cursor...].hasPrefix(": ") {
                runs.append((index, line.index(cursor, offsetBy: 2), kinds))
                index = line.index(cursor, offsetBy: 2)
            } else {
                index = line.index(after: index)
            }
        }
        guard !runs.isEmpty else { return [(Set(Channel.Kind.allCases), line[...])] }
        return runs.enumerated().map { position, run in
            let end = position + 1 < runs.count ? runs[position + 1].start : line.endIndex
            return (run.kinds, line[run.valueStart..<end])
        }
    }

    /// Whether `note` states a sum of money: digits before a currency word
    /// ("20000 đồng", "10 USD", "01 triệu"), or grouped by points before a
    /// unit ("8.000.000/lần"); a grouped number alone ("3.000 GT") is no sum.
    static func statesAmount(_ note: String) -> Bool {
        let scalars = Array(note.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else {
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
            let after = String(String.UnicodeScalarView(scalars[end..<min(end + 8, scalars.count)])).lowercased()
            if grouped, after.hasPrefix("/"), after.dropFirst().first?.isLetter == true { return true }
            let trimmed = after.drop { $0 == " " }
            if currencyWords.contains(where: { trimmed.hasPrefix($0) }) { return true }
            index = end
        }
        return false
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    private static let currencyWords = ["đồng", "đ/", "vnđ", "usd", "triệu"]

    /// Whether `note` says that someone else sets the fee: the province, a
    /// local authority, or a law, decree or circular. A note that waives the
    /// fee ("Miễn lệ phí (Thông tư …)") names a law for the waiver, unless
    /// it goes on about another charge ("… Phí cấp bản sao …").
    static func namesSetter(_ note: String) -> Bool {
        let lowered = note.lowercased().drop { $0 == " " || $0 == "-" || $0 == "+" }
        if waiverWords.contains(where: { lowered.hasPrefix($0) }) {
            let sentences = lowered.split(whereSeparator: { $0 == "." || $0 == ";" }).dropFirst()
            return sentences.contains { sentence in
                let start = sentence.drop { $0 == " " || $0 == "-" || $0 == "+" }
                return start.hasPrefix("phí ") || start.hasPrefix("lệ phí ")
            }
        }
        return setterWords.contains { lowered.contains($0) }
    }

    private static let waiverWords = [
        "miễn lệ phí", "miễn phí", "không thu", "không phải nộp", "không quy định", "không được quy định", "chưa quy định",
    ]

    private static let setterWords = [
        "hội đồng nhân dân", "hđnd", "ủy ban nhân dân cấp tỉnh", "uỷ ban nhân dân cấp tỉnh", "địa phương",
        "thông tư", "nghị định", "luật phí", "pháp luật về phí", "bộ tài chính",
    ]

    // MARK: - Times

    /// How the overview's time line starts: its template's line up to the time.
    private var overviewTimePrefix: String {
        let template = renderer.templates.texts[.overviewBody] ?? ""
        let line = template.split(separator: "\n").first { $0.contains("{time}") } ?? ""
        return String(line.prefix { $0 != "{" })
    }

    /// The first number shown as a time without its unit.
    private func bareTime(_ text: String, _ procedure: Procedure) -> String? {
        for channel in procedure.channels {
            guard let time = channel.time, let value = time.value, time.unit == nil else { continue }
            if Self.showsBare(AnswerRenderer.number(value), in: text) { return time.text }
        }
        return nil
    }

    /// Whether `number` stands in `text` as a number of its own ("1", not
    /// the "1" of "15 giờ" or "01/12") that no unit word follows.
    static func showsBare(_ number: String, in text: String) -> Bool {
        var searchStart = text.startIndex
        while let range = text.range(of: number, range: searchStart..<text.endIndex) {
            searchStart = range.upperBound
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if before.isNumber || before.isLetter || "./,".contains(before) { continue }
            if after.isNumber || after.isLetter || "/".contains(after) { continue }
            if (after == "." || after == ","), text[range.upperBound...].dropFirst().first?.isNumber == true { continue }
            let rest = text[range.upperBound...].drop { $0 == " " }.lowercased()
            if unitWords.contains(where: { rest.hasPrefix($0) }) { continue }
            return true
        }
        return false
    }

    private static let unitWords = ["ngày", "giờ", "tháng", "năm", "phút", "tuần"]

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
            let key = line.comparableForm
            guard key.count >= 20 else { continue }
            if !seen.insert(key).inserted { return line }
        }
        return nil
    }


    private static func shortened(_ text: String) -> String {
        text.count > 100 ? String(text.prefix(97)) + "..." : text
    }
}
