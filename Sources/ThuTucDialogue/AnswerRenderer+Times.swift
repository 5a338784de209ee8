import ThuTucKnowledge
import ThuTucText

extension AnswerRenderer {
    /// The processing time: for an everyday procedure, the usual time in
    /// our words with the provision it comes from (and the catalogue's
    /// figure when it has a unit); else the catalogue's time per channel and
    /// case, a bare number said plainly to have no unit.
    func time(_ procedure: Procedure, budget: Int) -> [String] {
        if let overlay = knowledge.overlays[procedure.code], let usual = overlay.time {
            var output = lines(text(.timeUsual, ["time": usual]))
            if let basis = overlay.timeBasis { output += lines(text(.timeBasis, ["basis": basis])) }
            // The catalogue's own figure, when it has units and our words do not already say it.
            let timed = procedure.channels.filter { $0.time != nil }
            let portal = compactTimes(procedure)
            if !timed.isEmpty, timed.allSatisfy({ $0.time?.value == nil || $0.time?.unit != nil }), !usual.containsBytes(portal) {
                output += lines(text(.timePortal, ["value": portal]))
            }
            return output
        }
        guard !procedure.channels.isEmpty else { return lines(text(.methodUnknown)) }
        let grouped = grouped(procedure.channels, value: timeValue)
        if let same = grouped.same { return lines(text(.timeSame, ["value": same])) }
        var output = lines(text(.timeHeader))
        var used = output.reduce(0) { $0 + $1.count + 1 }
        for (index, entry) in grouped.lines.enumerated() {
            let line = text(.timeLine, ["channel": entry.label, "value": entry.value])
            let more = text(.timeMore, ["count": String(grouped.lines.count - index)])
            if used + line.count + more.count + 2 > budget, index + 1 < grouped.lines.count {
                output += lines(more)
                break
            }
            output += lines(line)
            used += line.count + 1
        }
        return output
    }

    /// The time of one channel as shown: "5 ngày làm việc", or a bare number said to have no unit.
    func timeValue(_ channel: Channel) -> String {
        guard let time = channel.time else { return text(.timeUnknown) }
        guard let value = time.value else { return time.text }
        let number = Self.number(value)
        guard let unit = time.unit else { return text(.timeBareNumber, ["value": number]) }
        return number + " " + unitLabel(unit)
    }

    /// The time in one phrase, for the overview and the generic steps.
    func timeSummary(_ procedure: Procedure) -> String {
        if let usual = knowledge.overlays[procedure.code]?.time { return usual }
        return shortened(compactTimes(procedure), to: Self.longestSummary)
    }

    /// The longest time or fee phrase in an overview, in characters.
    static let longestSummary = 220

    private func compactTimes(_ procedure: Procedure) -> String {
        guard !procedure.channels.isEmpty else { return text(.timeUnknown) }
        let grouped = grouped(procedure.channels, value: timeValue)
        return grouped.same ?? join(grouped.lines.map { $0.label + ": " + $0.value })
    }
}
