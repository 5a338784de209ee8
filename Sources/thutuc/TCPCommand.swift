import ThuTucServer

/// Runs the TCP server until SIGINT or SIGTERM.
enum TCPCommand {
    static func serve(handler: ProtocolHandler) throws -> Int32 {
        throw Arguments.Failure.unexpected("serve without --stdio (the TCP server is not built yet)")
    }
}
