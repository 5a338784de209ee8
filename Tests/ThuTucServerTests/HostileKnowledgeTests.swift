@preconcurrency import Glibc
import Foundation
import Testing
import ThuTucDialogue
import ThuTucServer

/// Broken knowledge: refused at start with every FILE:LINE, and on reload
/// (SIGHUP or RELOAD) rejected while the old version keeps serving. Reloads
/// run off the event loops, and a request in flight keeps its version.
@Suite("Hostile knowledge", .timeLimit(.minutes(1)))
struct HostileKnowledgeTests {
    static let token = "reload-token-0123456789"

    @Test("thutuc serve refuses a broken Knowledge/, printing every problem as FILE:LINE, and exits 1")
    func brokenAtStart() throws {
        let copy = try KnowledgeCopy(procedures: 60)
        try copy.breakLine(5)
        try copy.breakLine(41, with: "not json at all")
        let lexicon = copy.path + "/lexicon/everyday.txt"
        let handle = try #require(FileHandle(forWritingAtPath: lexicon))
        handle.seekToEndOfFile()
        handle.write(Data([0xFF, 0xFE, 0x0A]))
        handle.closeFile()
        let lexiconLine = try String(decoding: Data(contentsOf: URL(fileURLWithPath: lexicon)), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let server = try ServerProcess(["serve", "--knowledge", copy.path, "--port", "0"])
        #expect(server.exitStatus() == 1)
        let output = server.output
        #expect(output.contains("\(copy.proceduresFile):5: "), "\(output)")
        #expect(output.contains("\(copy.proceduresFile):41: bad JSON"), "\(output)")
        #expect(output.contains("\(lexicon):\(lexiconLine): not valid UTF-8"), "\(output)")
        #expect(output.contains("has 3 error(s); not serving"), "\(output)")
        #expect(!output.contains("listening"))
    }

    @Test("SIGHUP reloads: a broken version is rejected with FILE:LINE and the old one serves on; a good one replaces it")
    func sighupReload() throws {
        let copy = try KnowledgeCopy(procedures: 100)
        let config = copy.path + "/thutuc.json"
        try #"{"port": 0, "knowledge": "\#(copy.path)", "authToken": "\#(Self.token)", "threads": 1}"#.write(toFile: config, atomically: true, encoding: .utf8)
        let server = try ServerProcess(["serve", "--config", config])
        let port = try server.listeningPort()
        let client = try TestClient(port: port, timeout: Hostile.readTimeout)
        _ = try client.readLine()
        try client.send("AUTH \(Self.token)\nSTATS\n")
        #expect(try client.readReply() == ["235 authenticated"])
        #expect(try client.readStats()["procedures"] == "100")

        try copy.breakLine(7)
        server.signal(SIGHUP)
        #expect(server.waitFor("SIGHUP: \(copy.proceduresFile):7: "), "\(server.output)")
        #expect(server.output.contains("SIGHUP: reload rejected, still serving the previous knowledge: 1 error(s)"))
        try client.send("STATS\nđăng ký khai sinh\n")
        let rejected = try client.readStats()
        #expect(rejected["procedures"] == "100")
        #expect(rejected["reloads_rejected"] == "1" && rejected["reloads_ok"] == "0", "\(rejected)")
        #expect(try client.readReply().joined().contains("1.001193"), "the old knowledge still answers")

        try copy.mendLine(7)
        try copy.addProcedures(30)
        server.signal(SIGHUP)
        #expect(server.waitFor("SIGHUP: reloaded \(copy.path): 130 procedures"), "\(server.output)")
        try client.send("STATS\n")
        let reloaded = try client.readStats()
        #expect(reloaded["procedures"] == "130" && reloaded["sessions"] == "1", "\(reloaded)")
        #expect(reloaded["reloads_ok"] == "1" && reloaded["reloads_rejected"] == "1", "\(reloaded)")
        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)
    }

    @Test("RELOAD of a broken version answers 550 / reload_rejected with FILE:LINE; the old version serves on; a good one replaces it")
    func adminReload() throws {
        let copy = try KnowledgeCopy(procedures: 100)
        let server = try ServerFixture.start(knowledge: copy.path) { $0.authToken = Self.token }
        defer { server.shutDown() }
        let admin = try Hostile.connect(server)
        let user = try Hostile.connect(server)
        try admin.send("AUTH \(Self.token)\n")
        #expect(try admin.readReply() == ["235 authenticated"])

        try copy.breakLine(12)
        try admin.send("RELOAD\n")
        let rejected = try admin.readReply()
        #expect(rejected.first == "550-reload rejected, still serving the previous knowledge: knowledge has 1 error(s):", "\(rejected)")
        #expect(rejected.last?.hasPrefix("550 \(copy.proceduresFile):12: ") == true, "\(rejected)")
        try admin.send(#"{"id":"r","cmd":"RELOAD"}"# + "\n")
        let rejectedJSON = try admin.readJSON()
        #expect(rejectedJSON.errorCode == "reload_rejected")
        #expect(((rejectedJSON["error"] as? [String: Any])?["message"] as? String)?.contains("catalogue.jsonl:12:") == true)
        try user.send("đăng ký khai sinh\n")
        #expect(try user.readReply().joined().contains("1.001193"))

        try copy.mendLine(12)
        try copy.addProcedures(20)
        try admin.send("RELOAD\n")
        #expect(try admin.readReply() == ["200 reloaded: 120 procedures"])
        try admin.send(#"{"id":"r2","cmd":"RELOAD"}"# + "\n")
        let reloaded = try admin.readJSON()
        #expect(reloaded["id"] as? String == "r2" && reloaded["reply"] as? String == "reloaded")
        #expect((reloaded["procedures"] as? NSNumber)?.intValue == 120)
        try user.expectAlive()
    }

    @Test("RELOAD runs off the event loop: other connections on the same loop are answered meanwhile, and replies keep their order")
    func reloadOffLoop() throws {
        // The whole catalogue file: a reload long enough to watch.
        let copy = try KnowledgeCopy(procedures: 1000)
        let server = try ServerFixture.start(knowledge: copy.path) {
            $0.authToken = Self.token
            $0.threads = 1
        }
        defer { server.shutDown() }
        let admin = try Hostile.connect(server)
        let user = try Hostile.connect(server)
        try admin.send("AUTH \(Self.token)\n")
        #expect(try admin.readReply() == ["235 authenticated"])
        let start = Date()
        try admin.send("RELOAD\nPING\n")
        usleep(20_000)
        try user.expectAlive("a connection on the same loop during the reload")
        let userWaited = Date().timeIntervalSince(start)
        let reloadPending = !admin.hasPendingInput()
        #expect(try admin.readReply() == ["200 reloaded: \(copy.lines.count) procedures"])
        let reloadTook = Date().timeIntervalSince(start)
        #expect(try admin.readReply() == ["200 PONG"], "the PING pipelined after RELOAD is answered after it")
        #expect(reloadPending, "the reload (\(reloadTook) s) finished before the other connection's PING (\(userWaited) s)")
        #expect(userWaited < reloadTook)
    }

    @Test("a request in flight keeps the version it started with; later ones get the new one")
    func inFlightVersion() throws {
        let copy = try KnowledgeCopy(procedures: 100)
        var configuration = ServerFixture.configuration()
        configuration.knowledge = copy.path
        let service = try Service.load(configuration: configuration, log: RequestLog(enabled: false))
        // What a request holds from its start: one snapshot of the assistant.
        let inFlight = service.assistant
        try copy.addProcedures(25)
        #expect(try service.reload() == 125)
        #expect(inFlight.knowledge.procedures.count == 100)
        var session = Session()
        #expect(inFlight.respond(to: "đăng ký khai sinh", in: &session).procedure?.code == "1.001193")
        #expect(service.assistant.knowledge.procedures.count == 125)
    }
}
