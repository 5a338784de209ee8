/// Reading a plain-mode STATS reply.
extension TestClient {
    /// The next reply as STATS gives it: "key: value" lines by key, the
    /// "# Section" lines left out. Fails when the reply is not code 200.
    func readStats() throws -> [String: String] {
        let lines = try readReply()
        guard lines.allSatisfy({ $0.hasPrefix("200") }) else { throw TestClientError.badJSON(lines.joined(separator: "\n")) }
        var stats: [String: String] = [:]
        for line in lines {
            let body = line.dropFirst(4)
            guard !body.hasPrefix("#"), let colon = body.firstIndex(of: ":") else { continue }
            stats[String(body[..<colon])] = String(body[body.index(after: colon)...].drop { $0 == " " })
        }
        return stats
    }
}
