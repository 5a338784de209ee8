import FuzzSupport
import ThuTucDialogue
import ThuTucSearch

/// Checks the query engine and the dialogue on one input, read as a question
/// and, after the first newline, a follow-up in the same session: no crash,
/// scores finite and in order, the same ranking twice (for one input in
/// eight: it costs a search), and a reply with text and a confidence
/// between 0 and 1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEngine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let assistant = FuzzSupport.service.assistant
    let input = FuzzSupport.bytes(data, size)
    let text = String(decoding: input, as: UTF8.self)
    let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let question = parts[0]

    let engine = assistant.engine
    let ranked = engine.rank(engine.analyze(question))
    if input.count % 8 == 0 {
        let again = engine.rank(engine.analyze(question))
        FuzzSupport.require(ranked.map(\.procedure.code) == again.map(\.procedure.code), "two rankings of \(question.debugDescription)")
    }
    for (index, candidate) in ranked.enumerated() {
        FuzzSupport.require(candidate.score.isFinite && candidate.bm25.isFinite && candidate.coverage.isFinite, "a score is not finite for \(question.debugDescription)")
        if index > 0 { FuzzSupport.require(ranked[index - 1].score >= candidate.score, "ranking out of order for \(question.debugDescription)") }
    }
    var session = Session()
    // An odd first byte asks for short replies, as a chat gateway does.
    let maxCharacters = input.first.map { $0 & 1 == 1 } == true ? 40 + Int(input[input.count - 1]) * 4 : nil
    for (turn, line) in parts.enumerated() {
        let reply = assistant.respond(to: line, in: &session, maxCharacters: maxCharacters)
        FuzzSupport.require(!reply.text.isEmpty, "empty reply to turn \(turn) of \(text.debugDescription)")
        FuzzSupport.require(reply.confidence.isFinite && (0...1).contains(reply.confidence), "confidence \(reply.confidence) for \(text.debugDescription)")
    }
    return 0
}

/// The entry point SwiftPM links `main` to: libFuzzer's driver over ``fuzzEngine(_:_:)``.
@_cdecl("FuzzEngine_main")
public func fuzzEngineMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv, fuzzEngine)
}
