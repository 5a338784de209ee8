import ThuTucKnowledge

/// Reads what a fee note says, so that an answer never headlines "Miễn
/// phí" when the note gives an amount or says someone else sets the fee.
///
/// - A note that is only a unit ("/trang", "/bản") belongs to the amount:
///   it becomes ``Fee/per`` and is no note.
/// - **Rates**: every amount in đồng ("135.000 đồng/lần", "01 triệu
///   đồng/lần cấp", "8.000.000/lần"), with what it is for and, when its
///   sentence says so, the last day it applies ("Kể từ ngày 01/12/2023
///   đến hết ngày 31/12/2025, áp dụng mức thu … 115.000 đồng/lần cấp").
/// - **Until**: the first such day in the note.
/// - **Law**: the first legal number the note names ("244/2016/TT-BTC").
/// - **Basis**, for a cell without an amount ("Miễn phí", none): the
///   province ("Hội đồng nhân dân", "địa phương"), a waiver ("Miễn lệ phí.",
///   "Không thu lệ phí"; with the charge it names besides, "Phí cấp bản sao
///   Trích lục kết hôn (nếu có yêu cầu)", as ``Fee/extra``), the rates, or a
///   legal text; nil when the note says none of these.
enum FeeNoteReader {
    /// What one note says.
    struct Reading: Equatable {
        var note: String?
        var per: String?
        var basis: Fee.Basis?
        var law: String?
        var extra: String?
        var rates: [Fee.Rate] = []
        var until: String?
    }

    static let provinceWords = [
        "hội đồng nhân dân", "hđnd", "ủy ban nhân dân cấp tỉnh quy định", "uỷ ban nhân dân cấp tỉnh quy định",
        "ủy ban nhân dân tỉnh quy định", "địa phương",
    ]
    /// How a note opens that waives the fee for everyone, lowercased; an
    /// exemption for some people ("Miễn lệ phí cho người …") is no waiver.
    static let waivers = [
        "miễn lệ phí", "miễn phí", "miễn thu", "không thu", "không quy định", "không được quy định", "chưa quy định",
        "không có", "không phải nộp", "không mất phí",
    ]
    /// Words after a waiver that limit it to some people or cases.
    static let exemptionWords = ["cho ", "đối với", "trong trường hợp", "khi ", "với "]
    static let lawWords = ["luật phí", "pháp luật về phí", "quy định của bộ tài chính", "bộ trưởng bộ tài chính", "thông tư", "nghị định"]
    static let currencyWords = ["đồng", "Đồng", "ĐỒNG", "VNĐ", "vnđ", "VND", "đ"].map(\.scalarArray)
    static let millionWord = "triệu".scalarArray
    /// The longest "per" kept, in words ("lần cấp", "Giấy chứng nhận").
    static let longestPer = 3

    /// What `note` says about a fee whose cell states `cellAmount` (0 for "Miễn phí", nil for none).
    static func read(_ note: String, cellAmount: Int?) -> Reading {
        var reading = Reading(note: note)
        var text = note
        if text.hasPrefix("/") {
            let (per, rest) = leadingPer(text)
            reading.per = per
            text = rest
            reading.note = rest.isEmpty ? nil : rest
        }
        guard !text.isEmpty else { return reading }
        let scalars = ScalarText(text)
        reading.rates = rates(in: scalars)
        reading.until = dates(in: scalars).first?.day
        reading.law = LegalNumberScanner.numbers(in: scalars).first.map { named($0.number) }
        if let cellAmount, cellAmount > 0 {
            if reading.per == nil { reading.per = reading.rates.first { $0.amount == cellAmount && $0.per != nil }?.per }
            return reading
        }
        let lowered = ListMarker.stripped(text).lowercased()
        if provinceWords.contains(where: { lowered.contains($0) }) {
            reading.basis = .province
        } else if let waiver = waivers.first(where: { lowered.hasPrefix($0) }),
                  !exemptionWords.contains(where: { lowered.dropFirst(waiver.count).drop(while: { $0 == " " }).hasPrefix($0) }) {
            reading.basis = .waived
            reading.extra = extraCharge(in: text)
        } else if !reading.rates.isEmpty {
            reading.basis = .rates
        } else if FeeParser.foreign.contains(where: { text.contains($0) }), hasDigits(text) {
            reading.basis = .foreignCurrency
        } else if reading.law != nil || lawWords.contains(where: { lowered.contains($0) }) {
            reading.basis = .law
        }
        return reading
    }

    /// Legal document types by the code in their number ("…/TT-BTC"), longest first.
    static let typeNames: [(code: String, name: String)] = [
        ("TTLT", "Thông tư liên tịch"), ("TT", "Thông tư"), ("NĐ", "Nghị định"), ("QĐ", "Quyết định"), ("NQ", "Nghị quyết"),
        ("QH", "Luật"),
    ]

    /// "244/2016/TT-BTC" → "Thông tư 244/2016/TT-BTC": a number named by its type, when the number says it.
    static func named(_ number: String) -> String {
        let parts = number.split(separator: "/")
        guard let last = parts.last else { return number }
        for (code, name) in typeNames where last.hasPrefix(code) {
            return name + " " + number
        }
        return number
    }

    private static func hasDigits(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.isASCIIDigit }
    }

    /// "/trang; tối đa …" → ("trang", "tối đa …").
    private static func leadingPer(_ text: String) -> (per: String?, rest: String) {
        let scalars = ScalarText(text)
        let end = perEnd(in: scalars, from: 1)
        let per = PortalText.clean(scalars.string(1..<end))
        var rest = Substring(scalars.string(end..<scalars.count))
        rest = rest.drop { " ;,.-)".contains($0) }
        return (per.isEmpty ? nil : per, PortalText.clean(rest))
    }

    /// Where the words after "/" end: at punctuation, a digit, or after ``longestPer`` words.
    private static func perEnd(in scalars: ScalarText, from start: Int) -> Int {
        var offset = start
        var words = 0
        var inWord = false
        // "/01 Giấy chứng nhận": the count before the unit is skipped.
        while scalars.isDigit(at: offset) { offset += 1 }
        while scalars.isWhitespace(at: offset) { offset += 1 }
        let wordsStart = offset
        while let scalar = scalars.scalar(at: offset) {
            if scalar.isLetter || scalar == "-" {
                if !inWord {
                    if words == longestPer { break }
                    words += 1
                    inWord = true
                }
            } else if scalar == " " {
                inWord = false
            } else {
                break
            }
            offset += 1
        }
        return offset > wordsStart ? offset : start
    }

    /// The amounts in đồng, each once, in order.
    static func rates(in scalars: ScalarText) -> [Fee.Rate] {
        let sentences = sentenceBounds(in: scalars)
        let dated = dates(in: scalars)
        var rates: [Fee.Rate] = []
        var offset = 0
        while offset < scalars.count {
            guard scalars.isDigit(at: offset), !continuesNumber(scalars, before: offset), let found = amount(in: scalars, at: offset) else {
                offset += 1
                continue
            }
            let sentence = sentences.first { $0.contains(offset) }
            let until = dated.first { date in sentence.map { $0.contains(date.offset) } ?? false }?.day
            let rate = Fee.Rate(amount: found.amount, per: found.per, until: until)
            if !rates.contains(rate) { rates.append(rate) }
            offset = found.end
        }
        return rates
    }

    /// Whether the digit at `offset` continues a number or a date before it ("12/2025", "1.000").
    private static func continuesNumber(_ scalars: ScalarText, before offset: Int) -> Bool {
        guard let before = scalars.scalar(at: offset - 1) else { return false }
        if before.isASCIIDigit || before.isLetter { return true }
        return (before == "." || before == "," || before == "/") && scalars.isDigit(at: offset - 2)
    }

    /// An amount of money at `offset`: "135.000 đồng", "20000đ", "01 triệu đồng", "8.000.000/lần".
    private static func amount(in scalars: ScalarText, at offset: Int) -> (amount: Int, per: String?, end: Int)? {
        var end = scalars.digitRunEnd(from: offset)
        var digits = scalars.string(offset..<end)
        var grouped = false
        while let separator = scalars.scalar(at: end), separator == "." || separator == ",",
              scalars.digitRunEnd(from: end + 1) == end + 4, !scalars.isDigit(at: end + 4) {
            digits += scalars.string(end + 1..<end + 4)
            end += 4
            grouped = true
        }
        guard var value = Int(digits), digits.count <= 12 else { return nil }
        var cursor = end
        while scalars.scalar(at: cursor) == " " { cursor += 1 }
        var isMoney = false
        if scalars.matches(millionWord, at: cursor) {
            value *= 1_000_000
            cursor += millionWord.count
            isMoney = true
            while scalars.scalar(at: cursor) == " " { cursor += 1 }
        }
        if let currency = currencyWords.first(where: { scalars.matches($0, at: cursor) }),
           !(scalars.scalar(at: cursor + currency.count)?.isLetter ?? false) || scalars.matches("đồng".scalarArray, at: cursor) {
            cursor += currency.count
            isMoney = true
        } else if !isMoney {
            // "8.000.000/lần": a grouped number before a unit is money.
            guard grouped, scalars.scalar(at: end) == "/", let next = scalars.scalar(at: end + 1), next.isLetter else { return nil }
            cursor = end
            isMoney = true
        }
        guard isMoney, value >= FeeParser.smallestPlausibleAmount else { return nil }
        var per: String?
        if scalars.scalar(at: cursor) == "/" {
            let perEnd = perEnd(in: scalars, from: cursor + 1)
            let words = PortalText.clean(scalars.string(cursor + 1..<perEnd)).drop { $0.isNumber || $0 == " " }
            per = words.isEmpty ? nil : String(words)
            cursor = perEnd
        }
        return (value, per, cursor)
    }

    /// The sentences of a note, as ranges: split at ". ", ";", line ends and list bullets.
    private static func sentenceBounds(in scalars: ScalarText) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var start = 0
        var offset = 0
        while offset < scalars.count {
            let scalar = scalars[offset]
            let ends = scalar == ";" || scalar == "\n"
                || (scalar == "." && (scalars.isWhitespace(at: offset + 1) || offset + 1 == scalars.count))
                || ((scalar == "-" || scalar == "+" || scalar == "*") && scalars.isWhitespace(at: offset + 1) && (offset == 0 || scalars.isWhitespace(at: offset - 1)))
            if ends {
                if offset > start { bounds.append(start..<offset) }
                start = offset + 1
            }
            offset += 1
        }
        if start < scalars.count { bounds.append(start..<scalars.count) }
        return bounds
    }

    static let untilWord = "đến".scalarArray
    static let untilFillers = ["hết", "ngày"].map(\.scalarArray)

    /// Every "đến (hết) (ngày) 31/12/2025" (or "31 tháng 12 năm 2025"): where and which day, as "2025-12-31".
    static func dates(in scalars: ScalarText) -> [(offset: Int, day: String)] {
        var found: [(Int, String)] = []
        for start in scalars.offsets(of: untilWord) {
            var cursor = start + untilWord.count
            var progressed = true
            while progressed {
                progressed = false
                while scalars.scalar(at: cursor) == " " { cursor += 1 }
                for filler in untilFillers where scalars.matches(filler, at: cursor) {
                    cursor += filler.count
                    progressed = true
                }
            }
            if let day = day(in: scalars, at: cursor) { found.append((start, day)) }
        }
        return found
    }

    /// "31/12/2025" or "31 tháng 12 năm 2025" at `offset`, as "2025-12-31".
    private static func day(in scalars: ScalarText, at offset: Int) -> String? {
        var parts: [Int] = []
        var cursor = offset
        let separators: [[Unicode.Scalar]] = ["/".scalarArray, " tháng ".scalarArray, " năm ".scalarArray]
        while parts.count < 3 {
            let end = scalars.digitRunEnd(from: cursor)
            guard end > cursor, let value = Int(scalars.string(cursor..<end)) else { return nil }
            parts.append(value)
            cursor = end
            if parts.count == 3 { break }
            guard let separator = separators.first(where: { scalars.matches($0, at: cursor) }) else { return nil }
            cursor += separator.count
        }
        let (day, month, year) = (parts[0], parts[1], parts[2])
        guard (1...31).contains(day), (1...12).contains(month), (1990...2100).contains(year) else { return nil }
        return String(year) + "-" + twoDigits(month) + "-" + twoDigits(day)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0" + String(value) : String(value)
    }

    /// The charge a waiving note names besides: the first sentence after the
    /// waiver that opens with "Phí" or "Lệ phí", up to where it says how it is set.
    private static func extraCharge(in text: String) -> String? {
        let scalars = ScalarText(text)
        for bounds in sentenceBounds(in: scalars).dropFirst() {
            let sentence = PortalText.clean(scalars.string(bounds))
            let lowered = sentence.lowercased()
            guard lowered.hasPrefix("phí ") || lowered.hasPrefix("lệ phí ") else { continue }
            var end = sentence.endIndex
            for stop in [":", " thực hiện", " theo quy định", " theo ", " được "] {
                if let range = sentence.range(of: stop), range.lowerBound < end { end = range.lowerBound }
            }
            let charge = PortalText.trimmingTrailingSeparators(String(sentence[..<end]))
            return charge.isEmpty ? nil : charge
        }
        return nil
    }
}
