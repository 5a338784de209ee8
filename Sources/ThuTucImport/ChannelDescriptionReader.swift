import ThuTucKnowledge

/// Reads facts out of the prose around a channel row, which itself is not
/// kept: the unit of a bare-number time, the case a repeated row is for,
/// and what an online channel lets one do.
enum ChannelDescriptionReader {
    /// Unit words as prose writes them, lowercased, longest first.
    static let units: [(text: [Unicode.Scalar], unit: ProcessingTime.Unit)] = [
        ("ngày làm việc".scalarArray, .workingDays), ("ngày".scalarArray, .days), ("giờ".scalarArray, .hours),
        ("tháng".scalarArray, .months),
    ]
    /// Words that, shortly before a number, make it a time limit ("trong thời hạn 05 ngày làm việc").
    static let limitWords = ["thời hạn", "thời gian", "trong vòng", "không quá", "trong ", "tối đa", "chậm nhất"]
    /// How far before the number a limit word may stand, in scalars.
    static let limitReach = 40

    /// The unit the texts give `value` in ("… trong thời hạn 05 ngày làm
    /// việc …" for a bare "5"), when every time limit of that number in the
    /// first text that has one names the same unit.
    static func unit(of value: Double, in texts: [String]) -> ProcessingTime.Unit? {
        guard value == value.rounded(), value >= 0, value < 1000 else { return nil }
        let number = Int(value)
        for text in texts {
            let found = Set(limits(of: number, in: ScalarText(text.lowercased())))
            if found.count == 1 { return found.first }
            if found.count > 1 { return nil }
        }
        return nil
    }

    /// The units given to `number` as a time limit in `scalars`.
    private static func limits(of number: Int, in scalars: ScalarText) -> [ProcessingTime.Unit] {
        var found: [ProcessingTime.Unit] = []
        var offset = 0
        while offset < scalars.count {
            guard scalars.isDigit(at: offset), !scalars.isDigit(at: offset - 1), scalars.scalar(at: offset - 1) != ".",
                  scalars.scalar(at: offset - 1) != "/" else {
                offset += 1
                continue
            }
            let end = scalars.digitRunEnd(from: offset)
            defer { offset = end }
            guard Int(scalars.string(offset..<end)) == number, scalars.scalar(at: end) != "/", scalars.scalar(at: end) != "." || !scalars.isDigit(at: end + 1) else {
                continue
            }
            var cursor = end
            while scalars.scalar(at: cursor) == " " { cursor += 1 }
            // "05 (năm) ngày làm việc": the number in words may follow in parentheses.
            if scalars.scalar(at: cursor) == "(", let close = scalars.scalars[cursor...].firstIndex(of: ")"), close - cursor < 16 {
                cursor = close + 1
                while scalars.scalar(at: cursor) == " " { cursor += 1 }
            }
            guard let unit = units.first(where: { scalars.matches($0.text, at: cursor) })?.unit else { continue }
            let before = scalars.string(max(0, offset - limitReach)..<offset)
            if limitWords.contains(where: { before.contains($0) }) { found.append(unit) }
        }
        return found
    }

    /// Openings of a clause that names a case, lowercased.
    static let caseOpenings = ["trường hợp", "đối với"]
    /// The longest case label kept, in characters; a longer clause is cut at a word.
    static let longestLabel = 100

    /// The case a row applies to: the first clause of `texts` (its
    /// description and note, in the order that tells rows apart best) that
    /// names one ("Trường hợp nội dung thẩm định phức tạp thì …" →
    /// "Trường hợp nội dung thẩm định phức tạp"), else a short `note`
    /// itself (the Word export's "Thẩm định cấp phép … phục vụ nghiên cứu").
    static func caseLabel(_ texts: [String], note: String?) -> String? {
        for text in texts {
            if let clause = caseClause(in: text) { return clause }
        }
        guard let note, note.count <= longestLabel * 2 else { return nil }
        // "Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.": the case is what comes before the amount.
        let subject = note.split(separator: ":", maxSplits: 1).first.map(String.init) ?? note
        return shortened(PortalText.trimmingTrailingSeparators(PortalText.clean(subject)))
    }

    private static func caseClause(in text: String) -> String? {
        let lowered = text.lowercased()
        // "Tại cơ quan đại diện: 10 USD/bản": a description that opens with a place names the row's case up to its colon.
        if lowered.hasPrefix("tại "), let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= longestLabel {
            return String(text[..<colon])
        }
        guard let opening = caseOpenings.compactMap({ lowered.range(of: $0) }).min(by: { $0.lowerBound < $1.lowerBound }) else {
            return nil
        }
        let offset = lowered.distance(from: lowered.startIndex, to: opening.lowerBound)
        let scalars = Array(text.unicodeScalars)
        var end = offset
        // The clause ends where its condition does: "thì", ":", ",", ";" or a sentence end.
        while end < scalars.count, ![":", ";", ",", ".", "\n", "("].contains(scalars[end]) {
            end += 1
            if String(String.UnicodeScalarView(scalars[max(offset, end - 5)..<end])).hasSuffix(" thì ") {
                end -= 5
                break
            }
        }
        let clause = PortalText.clean(String(String.UnicodeScalarView(scalars[offset..<end])))
        guard clause.count > "trường hợp".count else { return nil }
        return shortened(clause.prefix(1).uppercased() + clause.dropFirst())
    }

    /// `text` cut after a whole word to ``longestLabel`` characters, marked with "…".
    private static func shortened(_ text: String) -> String {
        guard text.count > longestLabel else { return text }
        let prefix = text.prefix(longestLabel)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return PortalText.trimmingTrailingSeparators(String(cut)) + "…"
    }

    /// What an online channel lets one do: all of it ("toàn trình", in the
    /// description or the procedure's name), only book a time and place
    /// ("đăng ký thời gian, địa điểm", "đặt lịch"), else send the dossier.
    static func onlineScope(description: String, name: String) -> Channel.OnlineScope {
        let lowered = description.lowercased()
        if bookingWords.contains(where: { lowered.contains($0) }) { return .booking }
        if lowered.contains("toàn trình") || name.lowercased().contains("toàn trình") { return .full }
        return .submit
    }

    /// Whether a row says its fee is paid at a Vietnamese mission abroad.
    static func saysAbroad(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return abroadWords.contains { lowered.contains($0) }
    }

    static let abroadWords = ["cơ quan đại diện", "đại sứ quán", "lãnh sự quán", "cơ quan đại diện ngoại giao"]

    static let bookingWords = ["đăng ký thời gian, địa điểm", "đặt lịch", "đặt hẹn", "hẹn lịch", "đăng ký lịch hẹn"]
}
