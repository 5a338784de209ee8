import ThuTucKnowledge

extension AnswerRenderer {
    /// What a fee question asks: one line where all channels agree, else a
    /// header and one line per channel (and case) where they differ.
    func feeValues(_ procedure: Procedure) -> [String] {
        guard !procedure.channels.isEmpty else { return lines(text(.methodUnknown)) }
        let grouped = grouped(procedure.channels, value: feeValue)
        if let same = grouped.same { return lines(text(.feeSame, ["value": same])) }
        return lines(text(.feeHeader)) + grouped.lines.flatMap { lines(text(.feeLine, ["channel": $0.label, "value": $0.value])) }
    }

    /// The lines after the fee's `values`: each distinct note once, dated
    /// when it says until when it applies, all within `budget` characters.
    func feeNoteLines(_ procedure: Procedure, after values: [String], budget: Int) -> [String] {
        let notes = feeNotes(procedure)
        var output: [String] = []
        // Each note gets an equal share of what is left, at least enough to be read; the rest go to the link.
        var left = budget - values.reduce(0) { $0 + $1.count + 1 }
        let share = notes.isEmpty ? 0 : max(left / notes.count - 1, Self.shortestNote)
        for (index, note) in notes.enumerated() {
            let dated = note.until.map { until in
                " " + text(until < today() ? .feeNoteExpired : .feeNoteUntil, ["date": CalendarDay.display(until)])
            } ?? ""
            let room = min(share, left) - dated.count - 12
            guard room >= Self.shortestNote / 2 else {
                output += lines(text(.feeMoreNotes, ["count": String(notes.count - index)]))
                break
            }
            let line = text(.feeNote, ["note": shortened(note.text, to: room) + dated])
            // Two notes that differ only past the cut read the same: once is enough.
            if values.contains(line) || output.contains(line) { continue }
            output += lines(line)
            left -= line.count + 1
        }
        return output
    }

    /// The fewest characters a note is cut to.
    static let shortestNote = 80

    /// The distinct notes of a procedure's fees, compared without case and
    /// final punctuation, leaving out a note that only names a row's case.
    private func feeNotes(_ procedure: Procedure) -> [(text: String, until: String?)] {
        // Channels mostly repeat one note word for word: those are told apart
        // by plain comparison, and the costlier comparable form (notes run to
        // hundreds of letters) is made only when some still differ or a row
        // has a case label.
        var distinct: [(text: String, until: String?)] = []
        for channel in procedure.channels {
            guard let fee = channel.fee, let note = fee.note, !distinct.contains(where: { $0.text == note }) else { continue }
            distinct.append((note, fee.until))
        }
        let labelled = procedure.channels.contains { $0.caseLabel != nil }
        guard distinct.count > 1 || labelled else { return distinct }
        // A case label may be a note cut short ("Thẩm định … phục vụ…"): such a note is said by its row already.
        let labels = procedure.channels.compactMap { $0.caseLabel.map { String($0.prefix { $0 != "…" }).comparableForm } }
        var notes: [(text: String, until: String?)] = []
        var seen: [String] = []
        for note in distinct {
            let key = note.text.comparableForm
            if labels.contains(where: { key.hasPrefix($0) }) || seen.contains(key) { continue }
            seen.append(key)
            notes.append(note)
        }
        return notes
    }

    /// The fee of one channel as shown: never "Miễn phí" when the note says
    /// otherwise, and a foreign-currency fee said to be paid abroad.
    func feeValue(_ channel: Channel) -> String {
        guard let fee = channel.fee else { return text(.feeUnknown) }
        if fee.currency != nil {
            let stated = fee.per.map { fee.text + "/" + $0 } ?? fee.text
            return text(fee.abroad ? .feeForeignAbroad : .feeForeign, ["fee": stated])
        }
        if let amount = fee.amount, amount > 0 {
            // The cell's amount may be a reduced rate the note dates ("160.000 … áp dụng đến hết ngày 31/12/2023").
            if let until = fee.rates.first(where: { $0.amount == amount && $0.until != nil })?.until, until < today() {
                return text(.feeAmountExpired, ["value": money(amount, per: fee.per), "date": CalendarDay.display(until)])
            }
            return money(amount, per: fee.per)
        }
        switch fee.basis {
        case .province?:
            return text(.feeProvince)
        case .rates?:
            let current = currentRates(fee)
            guard let low = current.map(\.amount).min(), let high = current.map(\.amount).max() else { return text(.feeExpired) }
            if low == high { return money(low, per: current.first { $0.per != nil }?.per) }
            return text(.feeRange, ["low": Self.grouped(low), "high": Self.grouped(high)])
        case .law?:
            return fee.law.map { text(.feeLaw, ["law": $0]) } ?? text(.feeLawGeneral)
        case .waived?:
            return fee.extra.map { text(.feeWaivedExtra, ["extra": Self.lowercasingFirst($0)]) } ?? text(.feeFree)
        case .foreignCurrency?:
            return text(.feeNoteForeign)
        case nil:
            return fee.amount == 0 ? text(.feeFree) : fee.text
        }
    }

    /// The amount in đồng a fee comes to: the cell's, else the single current rate of its note; nil when there is none.
    func amount(of fee: Fee) -> Int? {
        if fee.currency != nil { return nil }
        if let amount = fee.amount, amount > 0 { return amount }
        switch fee.basis {
        case .rates?:
            let amounts = Set(currentRates(fee).map(\.amount))
            return amounts.count == 1 ? amounts.first : nil
        case .waived?, nil:
            return fee.amount
        case .province?, .law?, .foreignCurrency?:
            return nil
        }
    }

    /// The note's rates that apply today: those dated and not yet past,
    /// which stand in for the undated ones while they last; else the undated.
    private func currentRates(_ fee: Fee) -> [Fee.Rate] {
        let dated = fee.rates.filter { $0.until != nil }
        if !dated.isEmpty {
            let day = today()
            let current = dated.filter { ($0.until ?? "") >= day }
            if !current.isEmpty { return current }
        }
        return fee.rates.filter { $0.until == nil }
    }

    private func money(_ amount: Int, per: String?) -> String {
        guard let per else { return text(.feeAmount, ["amount": Self.grouped(amount)]) }
        return text(.feeAmountPer, ["amount": Self.grouped(amount), "per": per])
    }

    /// The fee in one phrase, for the overview and the generic steps.
    func feeSummary(_ procedure: Procedure) -> String {
        guard !procedure.channels.isEmpty else { return text(.feeUnknown) }
        let grouped = grouped(procedure.channels, value: feeValue)
        return shortened(grouped.same ?? join(grouped.lines.map { $0.label + ": " + $0.value }), to: Self.longestSummary)
    }
}
