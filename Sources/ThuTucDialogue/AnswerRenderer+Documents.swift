import ThuTucKnowledge

extension AnswerRenderer {
    /// A case of a procedure's dossier: the general dossier (the groups
    /// that are sections of it, title nil) or one case, its groups merged
    /// when the source repeats a title.
    struct DocumentCase {
        var title: String?
        var groups: [DocumentGroup]
    }

    /// The longest item, detail and case title in a default reply, in characters.
    static let longestItem = 240
    static let longestDetail = 120
    static let longestCaseTitle = 90
    /// Details shown under one item.
    static let shownDetails = 3

    /// The cases in the order answers number them: the general dossier
    /// first when the source has one, then each case.
    func documentCases(_ procedure: Procedure) -> [DocumentCase] {
        let groups = procedure.documents.filter { !$0.items.isEmpty }
        var cases: [DocumentCase] = []
        let general = groups.filter { !$0.isCase }
        if !general.isEmpty { cases.append(DocumentCase(title: nil, groups: general)) }
        for group in groups where group.isCase {
            if let index = cases.firstIndex(where: { $0.title != nil && $0.title == group.title }) {
                cases[index].groups.append(group)
            } else {
                cases.append(DocumentCase(title: group.title, groups: [group]))
            }
        }
        return cases
    }

    /// The documents answer within `budget` characters: for an everyday
    /// procedure, what to bring, then the catalogue's cases one line each;
    /// else the usual case (the general dossier, or the first case),
    /// numbered from 1 with conditional documents last, then the other
    /// cases one line each; for a follow-up naming a case, that case.
    func documents(_ procedure: Procedure, request: DocumentRequest?, budget: Int) -> [String] {
        let cases = documentCases(procedure)
        let bring = knowledge.overlays[procedure.code]?.bring ?? []
        if let request, let index = chosenCase(request, in: cases) {
            return caseAnswer(cases, index: index, budget: budget)
        }
        var output: [String] = []
        if let number = request?.number, !cases.isEmpty {
            output += lines(text(.documentsCaseUnknown, ["number": String(number), "count": String(cases.count)]))
            return output + caseLines(cases, from: 0, budget: budget - length(output))
        }
        if !bring.isEmpty {
            output += lines(text(.documentsBringHeader))
            for (index, item) in bring.enumerated() {
                output += lines(text(.documentsBringItem, ["number": String(index + 1), "text": item]))
            }
            guard cases.count > 1 else { return output + (cases.isEmpty ? [] : lines(text(.documentsFullList))) }
            output += lines(text(.documentsCasesHeader, ["example": "2"]))
            return output + caseLines(cases, from: 0, budget: budget - length(output))
        }
        guard let lead = cases.first else { return lines(text(.documentsNone)) }
        let others = cases.count > 1
            ? lines(text(.documentsOtherCasesHeader, ["example": "2"])) + caseLines(cases, from: 1, budget: budget / 3)
            : []
        let header = lead.title.map { lines(text(.documentsLeadCase, ["title": Self.lowercasingFirst(shortened($0, to: Self.longestCaseTitle))])) }
            ?? lines(text(.documentsHeader))
        return header + items(of: lead, budget: budget - length(header) - length(others)) + others
    }

    /// The case a request picks: by number, else by words of its title.
    private func chosenCase(_ request: DocumentRequest, in cases: [DocumentCase]) -> Int? {
        if let number = request.number { return cases.indices.contains(number - 1) ? number - 1 : nil }
        return request.match(cases.map { $0.title ?? text(.documentsGeneralCase) })
    }

    /// One case's documents, with its notes, after its title.
    private func caseAnswer(_ cases: [DocumentCase], index: Int, budget: Int) -> [String] {
        let chosen = cases[index]
        let title = chosen.title ?? text(.documentsGeneralCase)
        var output = lines(text(.documentsCaseTitle, ["number": String(index + 1), "title": title]))
        // The documents first; the notes get what they leave, a quarter at most.
        output += items(of: chosen, budget: budget - length(output))
        let notes = chosen.groups.flatMap(\.notes)
        var left = min(budget - length(output), budget / 4)
        for note in notes where left > 40 {
            let line = text(.documentsNote, ["note": shortened(note, to: left - 10)])
            output += lines(line)
            left -= line.count + 1
        }
        return output
    }

    /// The lines naming `cases` from position `start`, numbered as answers number them.
    private func caseLines(_ cases: [DocumentCase], from start: Int, budget: Int) -> [String] {
        var output: [String] = []
        var used = 0
        for index in cases.indices.dropFirst(start) {
            let title = shortened(cases[index].title ?? text(.documentsGeneralCase), to: Self.longestCaseTitle)
            let line = text(.documentsCaseLine, ["number": String(index + 1), "title": title])
            let more = text(.documentsCasesMore, ["count": String(cases.count - index)])
            if used + line.count + more.count + 2 > budget, index + 1 < cases.count {
                output += lines(more)
                break
            }
            output += lines(line)
            used += line.count + 1
        }
        return output
    }

    /// A case's documents numbered from 1, the documents asked for only in
    /// some cases last, as fully as `budget` allows: with their sub-items,
    /// then without, then with shorter names, then only as many as fit.
    private func items(of chosen: DocumentCase, budget: Int) -> [String] {
        // Each name is cut once per length, however many lists are tried.
        let documents = chosen.groups.flatMap(\.items)
        let long = documents.map { shortened($0.name, to: Self.longestItem) }
        for details in [Self.shownDetails, 0] {
            let output = itemLines(chosen, names: long, details: details, limit: nil)
            if length(output) <= budget { return output }
        }
        let short = documents.map { shortened($0.name, to: Self.longestDetail) }
        let all = itemLines(chosen, names: short, details: 0, limit: nil)
        if length(all) <= budget { return all }
        // The most items that fit, found by halving (a list only grows with
        // every item shown) rather than by trying one item fewer each time.
        var fitting = itemLines(chosen, names: short, details: 0, limit: 1)
        var low = 1
        var high = chosen.groups.reduce(0) { $0 + $1.items.count } - 1
        while low < high {
            let middle = (low + high + 1) / 2
            let output = itemLines(chosen, names: short, details: 0, limit: middle)
            if length(output) <= budget {
                fitting = output
                low = middle
            } else {
                high = middle - 1
            }
        }
        return fitting
    }

    /// The lines of `chosen`'s documents, `names` holding their names as
    /// shown in the order the groups list them.
    private func itemLines(_ chosen: DocumentCase, names: [String], details: Int, limit: Int?) -> [String] {
        let sections = chosen.groups.count > 1 || (chosen.title == nil && chosen.groups.first?.title != nil)
        var output: [String] = []
        var number = 0
        let total = chosen.groups.reduce(0) { $0 + $1.items.count }
        func add(_ item: RequiredDocument, at position: Int) -> Bool {
            if let limit, number >= limit { return false }
            number += 1
            let name = names[position]
            var values: KeyValuePairs<String, String> = ["number": String(number), "name": name, "copies": copies(item)]
            if let form = item.form {
                values = ["number": String(number), "name": name, "copies": copies(item), "form": form]
                output += lines(text(.documentsItemForm, values))
            } else {
                output += lines(text(.documentsItem, values))
            }
            for detail in item.details.prefix(details) {
                // The source repeats a sub-item under several documents: it is shown under the first.
                let line = text(.documentsDetail, ["text": shortened(detail, to: Self.longestDetail)])
                if !output.contains(line) { output += lines(line) }
            }
            if item.details.count > details, details > 0 {
                output += lines(text(.documentsDetail, ["text": text(.truncationMark)]))
            }
            return true
        }
        var titled: Set<String> = []
        var conditional: [(item: RequiredDocument, position: Int)] = []
        var start = 0
        for group in chosen.groups {
            defer { start += group.items.count }
            var usual: [(item: RequiredDocument, position: Int)] = []
            for (offset, item) in group.items.enumerated() {
                if item.conditional {
                    conditional.append((item, start + offset))
                } else {
                    usual.append((item, start + offset))
                }
            }
            guard !usual.isEmpty else { continue }
            // A section the source splits in two ("Giấy tờ phải xuất trình" twice) is headed once.
            if sections, let title = group.title, chosen.title != title {
                let heading = shortened(title, to: Self.longestCaseTitle)
                if titled.insert(heading).inserted { output += lines(text(.documentsSection, ["title": heading])) }
            }
            for entry in usual where !add(entry.item, at: entry.position) { break }
        }
        if !conditional.isEmpty, limit.map({ number < $0 }) ?? true {
            output += lines(text(.documentsConditional))
            for entry in conditional where !add(entry.item, at: entry.position) { break }
        }
        if number < total {
            output += lines(text(.documentsMore, ["count": String(total - number)]))
        }
        return output
    }

    /// The lines' length against a documents budget, in Unicode scalars:
    /// the knowledge is NFC, where a Vietnamese letter is one scalar, and
    /// counting characters (grapheme breaking) made measuring a long list
    /// cost more than writing it. Replies cut for a client are still
    /// measured in characters (`RenderedAnswer.fitted`).
    private func length(_ lines: [String]) -> Int {
        lines.reduce(0) { $0 + $1.unicodeScalars.count + 1 }
    }

    /// The documents in one phrase, for the overview and the generic steps.
    func documentSummary(_ procedure: Procedure) -> String {
        if let bring = knowledge.overlays[procedure.code]?.bring, !bring.isEmpty {
            return text(.overviewDocumentsBring, ["count": String(bring.count)])
        }
        let cases = documentCases(procedure)
        guard let lead = cases.first else { return text(.feeUnknown) }
        let count = String(lead.groups.reduce(0) { $0 + $1.items.count })
        guard cases.count > 1 else { return text(.overviewDocuments, ["count": count]) }
        return text(.overviewDocumentsCases, ["count": count, "cases": String(cases.count)])
    }
}
