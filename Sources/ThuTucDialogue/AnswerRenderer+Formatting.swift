import Foundation
import ThuTucKnowledge
import ThuTucText

extension AnswerRenderer {
    /// The lines of a rendered template; cut where memchr finds line
    /// breaks, since splitting a String by Character walks grapheme clusters
    /// and a generic split of its UTF-8 view steps index by index, and both
    /// showed in profiles.
    func lines(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var text = text
        let cut: [String]? = text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return nil }
            var lines: [String] = []
            var start = 0
            while let found = memchr(base + start, 0x0A, bytes.count - start) {
                let end = UnsafeRawPointer(base).distance(to: found)
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
            }
            guard !lines.isEmpty else { return nil }
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return lines
        }
        return cut ?? [text]
    }

    func join(_ items: [String]) -> String {
        items.joined(separator: text(.listSeparator))
    }

    func levels(_ levels: [Level]) -> String {
        join(levels.map(levelLabel))
    }

    func levelLabel(_ level: Level) -> String {
        switch level {
        case .ministry: text(.levelMinistry)
        case .province: text(.levelProvince)
        case .commune: text(.levelCommune)
        case .other: text(.levelOther)
        }
    }

    /// The channel's Vietnamese label ("trực tiếp").
    func channelLabel(_ kind: Channel.Kind) -> String {
        switch kind {
        case .inPerson: text(.channelInPerson)
        case .online: text(.channelOnline)
        case .post: text(.channelPost)
        }
    }

    func unitLabel(_ unit: ProcessingTime.Unit) -> String {
        switch unit {
        case .workingDays: text(.unitWorkingDays)
        case .days: text(.unitDays)
        case .hours: text(.unitHours)
        case .months: text(.unitMonths)
        }
    }

    /// The channels in a fixed order: in person, online, post.
    func channels(_ procedure: Procedure) -> String {
        let kinds = Set(procedure.channels.map(\.kind))
        let ordered = Channel.Kind.allCases.filter(kinds.contains)
        return ordered.isEmpty ? text(.methodUnknown) : join(ordered.map(channelLabel))
    }

    func agencies(_ procedure: Procedure) -> String {
        let names = procedure.agencies.isEmpty ? procedure.authorities : procedure.agencies
        return names.isEmpty ? text(.agencyUnknown) : join(names)
    }

    /// The agencies for a one-line summary: the catalogue's, else where we
    /// wrote that people go, else the catalogue's silence in two words.
    func agencyLine(_ procedure: Procedure) -> String {
        let names = procedure.agencies.isEmpty ? procedure.authorities : procedure.agencies
        if !names.isEmpty { return join(names) }
        if let place = knowledge.overlays[procedure.code]?.place { return place.trimmingSentenceEnd() }
        return text(.agencyUnknown).trimmingSentenceEnd()
    }

    func copies(_ item: RequiredDocument) -> String {
        switch (item.originals, item.copies) {
        case (0, 0): text(.copiesUnstated)
        case (let originals, 0): text(.copiesOriginals, ["count": String(originals)])
        case (0, let copies): text(.copiesCopies, ["count": String(copies)])
        case (let originals, let copies): text(.copiesBoth, ["originals": String(originals), "copies": String(copies)])
        }
    }

    /// Each channel's value, channels that say the same sharing a line:
    /// one value (no line) when all agree; else one line per distinct value
    /// and case, naming its channels ("trực tuyến, bưu chính") and its case
    /// when the rows of one channel differ; when every channel lists the same
    /// cases and values, the cases are given once for all channels.
    func grouped(_ channels: [Channel], value: (Channel) -> String) -> (same: String?, lines: [(label: String, value: String)]) {
        let rows = channels.map { (channel: $0, value: value($0)) }
        guard let firstValue = rows.first?.value else { return (nil, []) }
        if rows.allSatisfy({ $0.value == firstValue }) { return (firstValue, []) }
        let kinds = Channel.Kind.allCases.filter { kind in channels.contains { $0.kind == kind } }
        // A channel whose rows all say the same needs no case.
        func entries(of kind: Channel.Kind) -> [CaseValue] {
            let own = rows.filter { $0.channel.kind == kind }
            if let only = own.first, own.allSatisfy({ $0.value == only.value }) { return [CaseValue(label: nil, value: only.value)] }
            var seen: [CaseValue] = []
            for row in own {
                let entry = CaseValue(label: row.channel.caseLabel, value: row.value)
                if !seen.contains(entry) { seen.append(entry) }
            }
            return seen
        }
        let first = entries(of: kinds[0])
        if kinds.count > 1, kinds.allSatisfy({ Set(entries(of: $0)) == Set(first) }) {
            return (nil, first.map { (label(text(.channelAll), case: $0.label), $0.value) })
        }
        var lines: [(kinds: [Channel.Kind], entry: CaseValue)] = []
        for kind in kinds {
            for entry in entries(of: kind) {
                if let index = lines.firstIndex(where: { $0.entry == entry }) {
                    lines[index].kinds.append(kind)
                } else {
                    lines.append(([kind], entry))
                }
            }
        }
        return (nil, lines.map { (label(join($0.kinds.map(channelLabel)), case: $0.entry.label), $0.entry.value) })
    }

    /// Channels with the case their rows are for ("trực tiếp (trường hợp …)").
    private func label(_ channels: String, case caseLabel: String?) -> String {
        guard let caseLabel else { return channels }
        return text(.channelWithCase, ["channel": channels, "case": Self.lowercasingFirst(caseLabel)])
    }

    private struct CaseValue: Hashable {
        var label: String?
        var value: String
    }

    /// "Trường hợp …" → "trường hợp …", to sit inside a sentence; an
    /// acronym ("UBND …") stays as it is.
    static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase, text.dropFirst().first?.isUppercase != true else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// `text` cut after a whole word to at most `length` characters, marked with "…" when cut.
    func shortened(_ text: String, to length: Int) -> String {
        guard text.isLonger(than: length) else { return text }
        let mark = self.text(.truncationMark)
        return RenderedAnswer.cutAtWord(text, to: max(length - mark.count, 1)) + mark
    }

    /// 3 → "3", 1.5 → "1,5" (Vietnamese decimal comma).
    static func number(_ value: Double) -> String {
        if value == value.rounded(.towardZero), abs(value) < 1e15 { return String(Int(value)) }
        return String(value).replacingOccurrences(of: ".", with: ",")
    }

    /// 2500000 → "2.500.000" (Vietnamese thousands separator).
    static func grouped(_ amount: Int) -> String {
        let digits = String(amount.magnitude)
        var output = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { output.append(".") }
            output.append(digit)
        }
        return amount < 0 ? "-" + output : output
    }
}

extension String {
    /// Without a final full stop, so that a sentence can sit inside a template's own.
    fileprivate func trimmingSentenceEnd() -> String {
        hasSuffix(".") ? String(dropLast()) : self
    }

    /// The line reduced to what it says, to tell repeats apart: without
    /// leading markers and labels ("Ghi chú:"), case and final punctuation.
    var comparableForm: String {
        var text = Substring(lowercased())
        text = text.drop { $0 == " " || $0 == "-" || $0 == "+" }
        if let colon = text.firstIndex(of: ":"), text.distance(from: text.startIndex, to: colon) <= 12 {
            text = text[text.index(after: colon)...]
        }
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // Trimmed from the end in place: a fee note runs to hundreds of letters.
        var end = words.endIndex
        while end > words.startIndex, ".;,".contains(words[words.index(before: end)]) { end = words.index(before: end) }
        return String(words[..<end])
    }
}
