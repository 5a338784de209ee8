import ThuTucJSON

/// The request lines a load test sends, in rotation, and how to tell an answer.
struct RequestSource: Sendable {
    /// What the results call these requests.
    let name: String
    /// Whole lines, or for JSON the part after the per-connection prefix.
    let bodies: [[UInt8]]
    /// JSON questions start `{"id":N,"session":"bN",` with N the connection's
    /// number, so that each connection is one conversation.
    let sessionPerConnection: Bool
    /// The first byte of a good reply line: "{" (JSON), "2" ("200 PONG"), "+" (Redis's "+PONG").
    let answerByte: UInt8

    /// Our plain-mode PING: one "200 PONG" line back.
    static let ping = RequestSource(name: "ping", bodies: [Array("PING\n".utf8)], sessionPerConnection: false, answerByte: UInt8(ascii: "2"))

    /// Redis's inline PING: "+PONG" back.
    static let redisPing = RequestSource(name: "ping", bodies: [Array("PING\r\n".utf8)], sessionPerConnection: false, answerByte: UInt8(ascii: "+"))

    /// JSON-lines questions, one JSON reply line each.
    static func questions(_ texts: [String]) -> RequestSource {
        let bodies = texts.map { text in
            var writer = JSONWriter()
            writer.string("text", text)
            // `{"text":"…"}\n` without its "{": the prefix supplies it.
            return Array(writer.line().dropFirst())
        }
        return RequestSource(name: "questions", bodies: bodies, sessionPerConnection: true, answerByte: UInt8(ascii: "{"))
    }

    /// What connection `index` puts before each body.
    func prefix(connection index: Int) -> [UInt8] {
        sessionPerConnection ? Array("{\"id\":\(index),\"session\":\"b\(index)\",".utf8) : []
    }

    /// Whether a reply line starting with `head` is an answer rather than an
    /// error or a notice ("421 idle", "503 busy", a JSON "error" member).
    func isAnswer(_ head: [UInt8]) -> Bool {
        guard head.first == answerByte else { return false }
        guard sessionPerConnection else { return true }
        // The reply echoes "id" first, so an error member starts within the first bytes.
        let error = Array("\"error\"".utf8)
        guard head.count >= error.count else { return true }
        return !(0...(head.count - error.count)).contains { head[$0..<($0 + error.count)].elementsEqual(error) }
    }
}
