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

    private static func texts(of procedure: Procedure) -> [String] {
        var texts = [procedure.name, procedure.field] + procedure.subjects + procedure.agencies + procedure.authorities
        if let address = procedure.address { texts.append(address) }
        for group in procedure.documents {
            if let title = group.title { texts.append(title) }
            texts += group.items.map(\.name)
        }
        texts += procedure.results.map(\.name)
        texts += procedure.legal.map(\.title)
        for channel in procedure.channels {
            if let fee = channel.fee { texts.append(fee.text) }
            if let note = channel.fee?.note { texts.append(note) }
        }
        return texts
    }
}
