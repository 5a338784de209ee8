import ThuTucText

/// Checks on one decoded procedure beyond what the JSON types enforce.
enum ProcedureValidator {
    /// Text the portal's page wraps around its data; none of it may reach Knowledge/.
    static let portalResidue = ["Không có thông tin", "Chọn cơ quan thực hiện", "-- Chọn", "Hệ thống chỉ hiển thị"]

    static func problems(in procedure: Procedure, file: String, line: Int) -> [KnowledgeProblem] {
        var problems: [KnowledgeProblem] = []
        func fail(_ message: String) {
            problems.append(KnowledgeProblem(file: file, line: line, message: message))
        }
        if !isCode(procedure.code) { fail("code '\(procedure.code)' is not of the form 1.234567") }
        if procedure.name.isEmpty { fail("\(procedure.code): empty name") }
        if procedure.field.isEmpty { fail("\(procedure.code): empty field") }
        if procedure.levels.isEmpty { fail("\(procedure.code): no level") }
        if !procedure.url.hasPrefix("https://") { fail("\(procedure.code): url must start with https://") }
        for text in texts(of: procedure) {
            if let residue = portalResidue.first(where: { text.containsBytes($0) }) {
                fail("\(procedure.code): portal text '\(residue)' in '\(text.prefix(60))'")
                break
            }
        }
        for reference in procedure.legal {
            if let date = reference.date, !isDay(date) { fail("\(procedure.code): legal date '\(date)' is not of the form YYYY-MM-DD") }
        }
        for channel in procedure.channels {
            if let amount = channel.fee?.amount, amount < 0 { fail("\(procedure.code): negative fee") }
            if let value = channel.time?.value, value < 0 { fail("\(procedure.code): negative time") }
        }
        return problems
    }

    static func isCode(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard bytes.count == 8, bytes[1] == UInt8(ascii: ".") else { return false }
        return bytes.enumerated().allSatisfy { index, byte in index == 1 || (byte >= 0x30 && byte <= 0x39) }
    }

    /// Whether `date` is "YYYY-MM-DD" with a month from 01 to 12 and a day from 01 to 31.
    static func isDay(_ date: String) -> Bool {
        let bytes = Array(date.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) }),
              let month = Int(date.dropFirst(5).prefix(2)), let day = Int(date.suffix(2)) else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    private static func texts(of procedure: Procedure) -> [String] {
        var texts = [procedure.name, procedure.field] + procedure.subjects + procedure.agencies + procedure.authorities
        if let address = procedure.address { texts.append(address) }
        for group in procedure.documents {
            if let title = group.title { texts.append(title) }
            texts += group.items.map(\.name)
        }
        texts += procedure.results.map(\.name)
        texts += procedure.legal.map(\.title)
        texts += procedure.legal.compactMap(\.issuer)
        for channel in procedure.channels {
            if let fee = channel.fee { texts.append(fee.text) }
            if let note = channel.fee?.note { texts.append(note) }
        }
        return texts
    }
}
