@preconcurrency import Glibc

/// `serve --stdio`: the line protocol over standard input and output, one
/// reply flushed per request so that a driving program never waits on a buffer.
public struct StdioServer {
    public let handler: ProtocolHandler

    public init(handler: ProtocolHandler) {
        self.handler = handler
    }

    /// Serves until end of input or QUIT; returns the exit status.
    public func run() -> Int32 {
        var framer = LineFramer(limit: handler.service.configuration.maxLineBytes)
        var state = ConnectionState(id: 0)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return 1
            }
            let events = count == 0 ? framer.finish() : framer.feed(buffer[0..<count])
            for event in events {
                let output: [UInt8]
                switch event {
                case .line(let line): output = handler.handle(line, state: &state)
                case .overflow(let first): output = handler.lineTooLong(firstByte: first, state: state)
                }
                guard write(output) else { return 1 }
                if state.closing { return 0 }
            }
            if count == 0 { return 0 }
        }
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress.map { $0 + offset }, bytes.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
