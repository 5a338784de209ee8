import Foundation
import ThuTucKnowledge

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
        return text(.timeUnknown)
    }

    /// A list item without the source's bullet ("- ", "+ ", "* "): the answer numbers items itself.
    func withoutBullet(_ text: String) -> String {
        var rest = Substring(text).unicodeScalars
        while let first = rest.first, Self.bulletMarks.contains(first) { rest = rest.dropFirst() }
        return String(rest)
    }

    private static let bulletMarks: Set<Unicode.Scalar> = ["-", "+", "*", "•", "–", " "]

    func documentCount(_ procedure: Procedure) -> Int {
        procedure.documents.reduce(0) { $0 + $1.items.count }
    }

    func copies(_ item: RequiredDocument) -> String {
        switch (item.originals, item.copies) {
        case (0, 0): text(.copiesUnstated)
        case (let originals, 0): text(.copiesOriginals, ["count": String(originals)])
        case (0, let copies): text(.copiesCopies, ["count": String(copies)])
        case (let originals, let copies): text(.copiesBoth, ["originals": String(originals), "copies": String(copies)])
        }
    }

    func timeText(_ time: ProcessingTime) -> String {
        guard let value = time.value else { return time.text }
        let number = Self.number(value)
        guard let unit = time.unit else { return text(.timeBareNumber, ["value": number]) }
        return number + " " + unitLabel(unit)
    }

    func feeText(_ fee: Fee) -> String {
        switch fee.amount {
        case 0: text(.feeFree)
        case let amount?: text(.feeAmount, ["amount": Self.grouped(amount)])
        case nil: fee.text
        }
    }

    /// One line when every channel says the same, else one line per channel.
    func perChannel(
        _ procedure: Procedure, header: TemplateKey, line: TemplateKey, same: TemplateKey, value: (Channel) -> String
    ) -> [String] {
        let channels = procedure.channels
        guard !channels.isEmpty else { return lines(text(.methodUnknown)) }
        let values = channels.map(value)
        if Set(values).count == 1, let only = values.first {
            return lines(text(same, ["value": only]))
        }
        var output = lines(text(header))
        for (channel, value) in zip(channels, values) {
            output += lines(text(line, ["channel": channelLabel(channel.kind), "value": value]))
        }
        return output
    }

    func timeSummary(_ procedure: Procedure) -> String {
        summary(procedure.channels.map { $0.time.map(timeText) ?? text(.timeUnknown) }, procedure)
    }

    func feeSummary(_ procedure: Procedure) -> String {
        summary(procedure.channels.map { $0.fee.map(feeText) ?? text(.feeUnknown) }, procedure)
    }

    private func summary(_ values: [String], _ procedure: Procedure) -> String {
        if values.isEmpty { return text(.timeUnknown) }
        if Set(values).count == 1, let only = values.first { return only }
        return join(zip(procedure.channels, values).map { channelLabel($0.kind) + ": " + $1 })
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
}
