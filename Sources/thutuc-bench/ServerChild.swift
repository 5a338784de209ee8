@preconcurrency import Glibc
import ThuTucDialogue
import ThuTucSearch
import ThuTucServer

/// The server role: serves the catalogue at one scale over TCP, as
/// `thutuc serve --port 0 --no-log` would, until standard input closes;
/// with `--redis-port`, keeping its sessions in that Redis (the cluster step).
///
/// The bench starts this rather than `thutuc serve` because `swift run
/// thutuc-bench` does not build `thutuc`, and because only the bench can
/// serve a replicated catalogue. The server code is the same: `TCPServer`,
/// `ProtocolHandler` and `Service` from ThuTucServer, with Config/thutuc.json.
enum ServerChild {
    /// Prints "listening on HOST:PORT THREADS" on standard output when ready.
    static func run(_ options: BenchOptions) throws -> Int32 {
        var configuration = try Configuration.load(path: "Config/thutuc.json", required: false)
        configuration.host = "127.0.0.1"
        configuration.port = 0
        // Room for the idle test's connections next to any the previous test
        // is still closing; the default limit is exactly 10,000.
        configuration.maxConnections = max(configuration.maxConnections, options.idleConnections + 2_000)
        if let port = options.redisPort {
            configuration.sessions.kind = .redis
            configuration.sessions.url = RedisURL(host: "127.0.0.1", port: port, database: 0)
            configuration.sessions.prefix = "bench:"
        }
        let (knowledge, _) = try CatalogueReplicator.load(directory: options.knowledge, scale: options.scale)
        let assistant = Assistant(
            engine: SearchEngine(index: SearchIndex(knowledge: knowledge), options: SearchOptions(levelPreference: configuration.levelPreference)),
            hotline: configuration.hotline
        )
        let service = Service(configuration: configuration, assistant: assistant, log: RequestLog(enabled: false))
        let server = try TCPServer.start(handler: ProtocolHandler(service: service))
        print("listening on \(server.address) \(server.threadCount)")
        fflush(stdout)
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
        }
        server.stop()
        server.wait()
        return 0
    }
}
