import Foundation
import Testing
import ThuTucDialogue
import ThuTucKnowledge
@testable import ThuTucServer

/// The form in which the Redis store keeps a session: every field comes
/// back, and bytes that are not a session are refused, never trusted.
@Suite("Session codec")
struct SessionCodecTests {
    /// A session with every kept field set, with text that needs escaping.
    static var full: Session {
        var session = Session()
        session.focus = "1.000894"
        session.lastIntents = [.time, .fee]
        session.pending = Session.PendingChoice(
            codes: ["1.001612", "1.001266", "2.000575"],
            labels: ["thành lập \"mới\"", "chấm dứt\nhoạt động", "đăng ký thay đổi \\ nội dung"],
            intents: [.documents, .agency]
        )
        return session
    }

    @Test("every kept field comes back")
    func roundTrip() throws {
        let original = Self.full
        let decoded = try Session(decoding: original.encoded)
        #expect(decoded.focus == original.focus)
        #expect(decoded.lastIntents == original.lastIntents)
        #expect(decoded.pending == original.pending)
        #expect(decoded.lastWhy == nil)
    }

    @Test("each field alone comes back, and an empty session is blank")
    func fieldsAlone() throws {
        var focusOnly = Session()
        focusOnly.focus = "1.001193"
        #expect(try Session(decoding: focusOnly.encoded).focus == "1.001193")
        var intentsOnly = Session()
        intentsOnly.lastIntents = Intent.allCases
        #expect(try Session(decoding: intentsOnly.encoded).lastIntents == Intent.allCases)
        var pendingOnly = Session()
        pendingOnly.pending = Session.PendingChoice(codes: [], labels: [], intents: [])
        #expect(try Session(decoding: pendingOnly.encoded).pending == pendingOnly.pending)
        #expect(!focusOnly.isBlank && !intentsOnly.isBlank && !pendingOnly.isBlank)
        let empty = try Session(decoding: Session().encoded)
        #expect(empty.isBlank)
        #expect(String(decoding: Session().encoded, as: UTF8.self) == #"{"v":1}"#)
    }

    /// Fails when Session or PendingChoice gains a stored field: decide then
    /// whether the store keeps it, and extend the codec and ``full``.
    @Test("the codec knows every stored field of Session")
    func fieldsKnown() {
        let sessionFields = Set(Mirror(reflecting: Self.full).children.compactMap(\.label))
        #expect(sessionFields == ["focus", "lastIntents", "pending", "lastWhy"])
        let choiceFields = Set(Mirror(reflecting: Self.full.pending as Any).children.first.map { Mirror(reflecting: $0.value) }?.children.compactMap(\.label) ?? [])
        #expect(choiceFields == ["codes", "labels", "intents"])
    }

    @Test("members a newer version adds are ignored; absent members take their defaults")
    func tolerantReader() throws {
        let newer = Array(#"{"v":1,"focus":"1.000894","mood":"hurried","pending":null}"#.utf8)
        let session = try Session(decoding: newer)
        #expect(session.focus == "1.000894")
        #expect(session.pending == nil)
        #expect(session.lastIntents.isEmpty)
    }

    @Test("bytes that are not a version-1 session are refused", arguments: [
        ([0xFF, 0xFE], SessionDecodingError.notUTF8),
        (Array("not json".utf8), .notJSON("")),
        (Array("[1]".utf8), .notJSON("the top level must be an object")),
        (Array("{}".utf8), .badMember("v")),
        (Array(#"{"v":2}"#.utf8), .unsupportedVersion(2)),
        (Array(#"{"v":1.5}"#.utf8), .badMember("v")),
        (Array(#"{"v":1,"focus":7}"#.utf8), .badMember("focus")),
        (Array(#"{"v":1,"intents":["time","dancing"]}"#.utf8), .badMember("intents")),
        (Array(#"{"v":1,"pending":[]}"#.utf8), .badMember("pending")),
        (Array(#"{"v":1,"pending":{"codes":["1"],"labels":[]}}"#.utf8), .badMember("pending.labels")),
        (Array(#"{"v":1,"pending":{"codes":[1],"labels":["a"]}}"#.utf8), .badMember("pending.codes")),
    ])
    func refused(bytes: [UInt8], expected: SessionDecodingError) {
        do {
            _ = try Session(decoding: bytes)
            Issue.record("decoded \(String(decoding: bytes, as: UTF8.self))")
        } catch {
            if case .notJSON = expected, case .notJSON = error { return }
            #expect(error == expected)
        }
    }
}
