import ThuTucServer

/// `thutuc serve`: the TCP line server, or with --stdio the same protocol on stdin and stdout.
enum ServeCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options, switches: ["--stdio", "--no-log"])
        try parsed.noPositionals()
        let common = try CommonOptions(parsed)
        let assistant = try common.assistant()
        let service = Service(configuration: common.configuration, assistant: assistant, log: RequestLog(enabled: !parsed.has("--no-log")))
        let handler = ProtocolHandler(service: service)
        if parsed.has("--stdio") {
            return StdioServer(handler: handler).run()
        }
        return try TCPCommand.serve(handler: handler)
    }
}
