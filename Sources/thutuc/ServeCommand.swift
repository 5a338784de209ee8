@preconcurrency import Glibc
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucServer

/// `thutuc serve`: the TCP line server, or with --stdio the same protocol on stdin and stdout.
enum ServeCommand {
    static let spec = CommandSpec(
        name: "serve",
        synopsis: ["thutuc serve [OPTIONS]", "thutuc serve --stdio [OPTIONS]"],
        summary: "Serves the line protocol over TCP (docs/PROTOCOL.md).",
        details: """
            options:
              --stdio               the same protocol on standard input and output, until end of input
              --no-log              no request log
            \(CommonOptions.serverHelp)
            \(CommonOptions.knowledgeHelp)

            Runs until SIGTERM or SIGINT (a graceful stop); SIGHUP reloads the knowledge.
            """,
        options: CommonOptions.knowledgeOptions.union(CommonOptions.serverOptions),
        switches: ["--stdio", "--no-log"],
        run: run
    )

    static func run(_ parsed: Arguments) throws -> Int32 {
        try parsed.noPositionals()
        let common = try CommonOptions(parsed)
        var configuration = common.configuration
        let log: RequestLog = if parsed.has("--no-log") {
            RequestLog(enabled: false)
        } else if let path = configuration.log {
            try RequestLog.appending(to: path)
        } else {
            RequestLog(enabled: true)
        }
        let assistant: Assistant
        do {
            assistant = try common.assistant()
        } catch KnowledgeError.invalid(let problems) {
            // Every problem, one per line as FILE:LINE: message, so that an
            // operator fixes them all in one go instead of one per restart.
            for problem in problems { fputs("\(problem)\n", stderr) }
            fputs("thutuc: \(configuration.knowledge) has \(problems.count) error(s); not serving\n", stderr)
            return Dispatcher.failureStatus
        }
        if parsed.has("--stdio"), configuration.sessions.kind != .memory {
            // A Redis round trip needs an event loop to wait on; one program on a pipe needs no shared sessions.
            fputs("thutuc: serve --stdio keeps its sessions in memory; the Redis store is for the TCP server\n", stderr)
            configuration.sessions.kind = .memory
        }
        let service = Service(configuration: configuration, assistant: assistant, log: log)
        let handler = ProtocolHandler(service: service)
        if parsed.has("--stdio") {
            return StdioServer(handler: handler).run()
        }
        return try TCPCommand.serve(handler: handler)
    }
}
