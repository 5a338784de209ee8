@preconcurrency import Glibc
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucServer

/// `thutuc serve`: the TCP line server, or with --stdio the same protocol on stdin and stdout.
enum ServeCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        let parsed = try Arguments(arguments, options: CommonOptions.options, switches: ["--stdio", "--no-log"])
        try parsed.noPositionals()
        let common = try CommonOptions(parsed)
        let assistant: Assistant
        do {
            assistant = try common.assistant()
        } catch KnowledgeError.invalid(let problems) {
            // Every problem, one per line as FILE:LINE: message, so that an
            // operator fixes them all in one go instead of one per restart.
            for problem in problems { fputs("\(problem)\n", stderr) }
            fputs("thutuc: \(common.configuration.knowledge) has \(problems.count) error(s); not serving\n", stderr)
            return 1
        }
        var configuration = common.configuration
        if parsed.has("--stdio"), configuration.sessions.kind != .memory {
            // A Redis round trip needs an event loop to wait on; one program on a pipe needs no shared sessions.
            fputs("thutuc: serve --stdio keeps its sessions in memory; the Redis store is for the TCP server\n", stderr)
            configuration.sessions.kind = .memory
        }
        let service = Service(configuration: configuration, assistant: assistant, log: RequestLog(enabled: !parsed.has("--no-log")))
        let handler = ProtocolHandler(service: service)
        if parsed.has("--stdio") {
            return StdioServer(handler: handler).run()
        }
        return try TCPCommand.serve(handler: handler)
    }
}
