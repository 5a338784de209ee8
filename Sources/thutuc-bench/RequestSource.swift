import ThuTucJSON

/// The request lines a load test sends, in rotation, and how to tell an answer.
struct RequestSource: Sendable {
    /// What the results call these requests.
    let name: String
    /// Whole lines, or for JSON the part after the session prefix.
    let bodies: [[UInt8]]
    /// For JSON questions: which bodies open a dialogue. Each opens a new
    /// session, `{"id":N,"session":"bN.K",` for the K-th dialogue of
    /// connection N, so that a dialogue's turns share a session and unrelated
    /// questions do not, exactly as in the in-process measurement.
    let opensDialogue: [Bool]?
    /// The first byte of a good reply line: "{" (JSON), "2" ("200 PONG"), "+" (Redis's "+PONG").
    let answerByte: UInt8

    /// Our plain-mode PING: one "200 PONG" line back.
    static let ping = RequestSource(name: "ping", bodies: [Array("PING\n".utf8)], opensDialogue: nil, answerByte: UInt8(ascii: "2"))

    /// Redis's inline PING: "+PONG" back.
    static let redisPing = RequestSource(name: "ping", bodies: [Array("PING\r\n".utf8)], opensDialogue: nil, answerByte: UInt8(ascii: "+"))

    /// JSON-lines questions, one JSON reply line each, asked dialogue by dialogue.
    static func questions(_ dialogues: [[String]]) -> RequestSource {
        var bodies: [[UInt8]] = []
        var opens: [Bool] = []
        for dialogue in dialogues {
            for (index, text) in dialogue.enumerated() {
                var writer = JSONWriter()
                writer.string("text", text)
                // `{"text":"…"}\n` without its "{": the prefix supplies it.
                bodies.append(Array(writer.line().dropFirst()))
                opens.append(index == 0)
            }
        }
        return RequestSource(name: "questions", bodies: bodies, opensDialogue: opens, answerByte: UInt8(ascii: "{"))
    }

    /// What connection `index` puts before each body of its `dialogue`-th dialogue.
    func prefix(connection index: Int, dialogue: Int) -> [UInt8] {
        opensDialogue == nil ? [] : Array("{\"id\":\(index),\"session\":\"b\(index).\(dialogue)\",".utf8)
    }

    /// Whether a reply line starting with `head` is an answer rather than an
    /// error or a notice ("421 idle", "503 busy", a JSON "error" member).
    func isAnswer(_ head: [UInt8]) -> Bool {
        guard head.first == answerByte else { return false }
        guard opensDialogue != nil else { return true }
        // The reply echoes "id" first, so an error member starts within the first bytes.
        let error = Array("\"error\"".utf8)
        guard head.count >= error.count else { return true }
        return !(0...(head.count - error.count)).contains { head[$0..<($0 + error.count)].elementsEqual(error) }
    }
}
