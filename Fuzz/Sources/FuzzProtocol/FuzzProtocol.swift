import FuzzSupport
import ThuTucJSON
import ThuTucServer

/// Checks the protocol on one input, read as bytes a client sent: framed
/// into lines (limit 512, so overlong lines happen), each answered on one
/// connection state. Every reply must be well framed: one JSON object on one
/// line for a JSON request, SMTP-style "NNN-"/"NNN " lines otherwise.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProtocol(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let handler = ProtocolHandler(service: FuzzSupport.service)
    var framer = LineFramer(limit: 512)
    var state = ConnectionState(id: 1)
    let bytes = FuzzSupport.bytes(data, size)
    // The first byte chooses where the input is cut into two reads, so that
    // lines split across reads are exercised too.
    let cut = size > 0 ? Int(bytes[0]) % (size + 1) : 0
    let events = framer.feed(bytes[..<cut]) + framer.feed(bytes[cut...]) + framer.finish()
    for event in events {
        switch event {
        case .line(let line):
            checkReply(handler.handle(line, state: &state), json: answeredInJSON(line), emptyAllowed: !answeredInJSON(line), line: line)
        case .overflow(let firstByte):
            checkReply(handler.lineTooLong(firstByte: firstByte, state: state), json: firstByte == UInt8(ascii: "{"), emptyAllowed: false, line: [])
        }
        if state.closing { break }
    }
    return 0
}

/// Whether the server answers `line` in JSON: an object, or an array (a
/// request in the wrong shape) when the line is valid UTF-8 and parses.
func answeredInJSON(_ line: [UInt8]) -> Bool {
    switch line.first(where: { $0 != 0x20 && $0 != 0x09 }) {
    case UInt8(ascii: "{")?: true
    case UInt8(ascii: "[")?: String(validating: line, as: UTF8.self) != nil && (try? JSONReader.parse(line)) != nil
    default: false
    }
}

/// A JSON reply is one line holding one object with an "id"; a plain reply
/// is lines of three digits and "-", then one of three digits and " ".
func checkReply(_ reply: [UInt8], json: Bool, emptyAllowed: Bool, line: [UInt8]) {
    if reply.isEmpty {
        FuzzSupport.require(emptyAllowed, "no reply to \(line)")
        return
    }
    FuzzSupport.require(reply.last == 0x0A, "reply without a final newline to \(line)")
    let lines = reply.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false)
    if json {
        FuzzSupport.require(lines.count == 1, "JSON reply on \(lines.count) lines to \(line)")
        guard case .object(let members)? = try? JSONReader.parse(lines[0]) else {
            FuzzSupport.require(false, "JSON reply is not an object: \(String(decoding: reply, as: UTF8.self))")
            return
        }
        FuzzSupport.require(members["id"] != nil, "JSON reply without id to \(line)")
        return
    }
    for (index, replyLine) in lines.enumerated() {
        let isDigits = replyLine.count >= 4 && replyLine.prefix(3).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        let separator: UInt8 = index == lines.count - 1 ? 0x20 : UInt8(ascii: "-")
        FuzzSupport.require(isDigits && replyLine[replyLine.startIndex + 3] == separator, "badly framed reply line \(index) to \(line)")
        FuzzSupport.require(!replyLine.contains(0x0D), "CR inside a reply to \(line)")
    }
}

/// The entry point SwiftPM links `main` to: libFuzzer's driver over ``fuzzProtocol(_:_:)``.
@_cdecl("FuzzProtocol_main")
public func fuzzProtocolMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv, fuzzProtocol)
}
