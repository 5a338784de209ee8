@preconcurrency import Glibc
import Foundation
import Testing
import ThuTucServer

/// The whole deployment of docs/SCALING.md on loopback: redis-server, three
/// `thutuc serve` processes keeping their sessions in it, and HAProxy with
/// the committed Config/haproxy.cfg in front. Every turn goes on a new
/// connection, so the turns of one conversation land on different
/// instances, and every reply must be the one a single instance keeping
/// its sessions in memory gives, through an instance killed, a restart of
/// all of them, and Redis stopped for a few seconds.
@Suite(
    "A cluster: HAProxy, three instances and Redis", .serialized, .timeLimit(.minutes(5)),
    .enabled(
        if: RedisProcess.executable != nil && HAProxyProcess.executable != nil,
        Comment(rawValue: [RedisProcess.executable == nil ? RedisProcess.missing : nil, HAProxyProcess.executable == nil ? HAProxyProcess.missing : nil]
            .compactMap { $0 }.joined(separator: "; ") + "; skipping the cluster test")
    )
)
struct ClusterTests {
    static let token = "cluster-test-token-0123456"

    /// Conversations with follow-ups, a change of topic ("còn … thì sao") and
    /// clarifications answered by number.
    static let dialogues: [[String]] = [
        ["đăng ký kết hôn mất bao lâu", "lệ phí?", "còn khai sinh thì sao", "cần giấy tờ gì", "nộp ở đâu", "làm online được không"],
        ["hộ kinh doanh", "2", "mất bao lâu", "lệ phí?", "cần giấy tờ gì", "nộp ở đâu"],
        ["hộ kinh doanh", "1", "nộp ở đâu", "hộ kinh doanh", "3", "mất bao lâu"],
        ["làm hộ chiếu cần giấy tờ gì", "bao lâu thì có", "à mà mình bị mất bằng lái xe nữa, làm lại ở đâu", "lệ phí bao nhiêu", "mất bao lâu", "cảm ơn"],
        ["đăng ký thường trú ở đâu", "cần giấy tờ gì?", "còn tạm trú thì sao", "nộp online được không", "mất bao lâu", "lệ phí?"],
        ["cấp lại căn cước", "mất bao lâu ạ", "có mất phí không", "làm ở đâu", "bắt đầu lại", "mất bao lâu"],
    ]

    /// The processes of one cluster; killed when released, whatever happened.
    final class Cluster {
        let directory: String
        let redis: RedisProcess
        let ports: [Int]
        /// Each instance's /metrics, given with --metrics-port as the configuration is shared.
        let metricsPorts: [Int]
        private(set) var instances: [ServerProcess?]
        private(set) var haproxy: HAProxyProcess?
        private let configuration: String

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("thutuc-cluster-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            redis = try RedisProcess(directory: directory)
            ports = try (0..<3).map { _ in try ServiceProcess.freePort() }
            metricsPorts = try (0..<3).map { _ in try ServiceProcess.freePort() }
            configuration = directory + "/thutuc.json"
            try #"""
                {"sessions": {"store": "redis", "url": "redis://127.0.0.1:\#(redis.port)/0", "prefix": "cluster:", "timeoutMilliseconds": 200},
                 "authToken": "\#(ClusterTests.token)"}
                """#.write(toFile: configuration, atomically: true, encoding: .utf8)
            instances = [nil, nil, nil]
            try startInstances()
            haproxy = try HAProxyProcess(backends: ports, directory: directory)
        }

        deinit {
            haproxy = nil
            instances = []
            redis.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }

        /// Starts every instance that is not running and waits until each listens.
        func startInstances() throws {
            for index in instances.indices where instances[index] == nil {
                let instance = try ServerProcess([
                    "serve", "--config", configuration, "--port", String(ports[index]), "--metrics-port", String(metricsPorts[index]),
                    "--knowledge", ServerFixture.repositoryRoot + "/Knowledge",
                ])
                // Three knowledge loads at once would otherwise take the cores from the timing checks of other suites.
                instance.yieldToOthers()
                instances[index] = instance
            }
            for instance in instances { _ = try instance?.listeningPort(timeout: 60) }
        }

        /// SIGKILL: the instance dies with whatever it held.
        func kill(_ index: Int) {
            instances[index]?.signal(SIGKILL)
            _ = instances[index]?.exitStatus()
            instances[index] = nil
        }

        /// SIGTERM, a graceful stop, for every instance.
        func stopInstances() {
            for instance in instances { instance?.signal(SIGTERM) }
            for instance in instances { #expect(instance?.exitStatus() ?? 0 == 0) }
            instances = [nil, nil, nil]
        }

        /// Questions each running instance has logged.
        var questionsLogged: [Int] {
            instances.map { $0?.output.components(separatedBy: " q=\"").count ?? 1 - 1 }
        }

        /// The store's state as instance `index` reports it in STATS.
        func storeState(_ index: Int) -> String? {
            guard let client = try? TestClient(port: ports[index], timeout: 5), (try? client.readLine()) != nil,
                  (try? client.send(#"{"cmd":"AUTH","token":"\#(ClusterTests.token)"}"# + "\n" + #"{"cmd":"STATS"}"# + "\n")) != nil,
                  (try? client.readJSON()) != nil
            else { return nil }
            return (try? client.readJSON())?["sessions_store_state"] as? String
        }
    }

    /// One JSON turn on a new connection to `port`, reduced to what must match.
    private func ask(_ port: Int, session: String, _ text: String) throws -> [String] {
        let client = try TestClient(port: port, timeout: 5)
        guard try client.readLine()?.hasPrefix("220 ") == true else { throw TestClientError.closed("the greeting through port \(port)") }
        let request = try JSONSerialization.data(withJSONObject: ["session": session, "text": text])
        try client.send(String(decoding: request, as: UTF8.self) + "\n")
        let reply = try client.readJSON()
        return [reply["intent"] as? String ?? "?", reply.procedureCode ?? "-", reply.choiceCodes.joined(separator: ","), reply["reply"] as? String ?? "?"]
    }

    /// Asks turn `turn` of every dialogue that has one, through HAProxy and on the reference.
    private func askTurn(_ turn: Int, cluster: Cluster, reference: TCPServer, phase: String) throws {
        for (index, dialogue) in Self.dialogues.enumerated() where turn < dialogue.count {
            let session = "d\(index)"
            let through = try ask(cluster.haproxy?.port ?? 0, session: session, dialogue[turn])
            let single = try ask(reference.port, session: session, dialogue[turn])
            #expect(through == single, "\(phase), dialogue \(index), turn \(turn): \(dialogue[turn])")
        }
    }

    @Test("conversations spread over three instances are answered as one instance answers them, through a kill, a restart and a Redis outage")
    func cluster() throws {
        let cluster = try Cluster()
        let reference = try ServerFixture.start()
        defer { reference.shutDown() }
        let proxy = try #require(cluster.haproxy)

        try askTurn(0, cluster: cluster, reference: reference, phase: "all running")
        try askTurn(1, cluster: cluster, reference: reference, phase: "all running")
        #expect(cluster.questionsLogged.allSatisfy { $0 > 0 }, "turns reached every instance: \(cluster.questionsLogged)")
        // Each instance's own /metrics: the store up, and the questions add up to those asked.
        let scrapes = try cluster.metricsPorts.map { HTTPProbe.samples(try HTTPProbe.get("/metrics", port: $0).body) }
        #expect(scrapes.allSatisfy { $0["thutuc_session_store_up"] == 1 }, "\(scrapes)")
        #expect(scrapes.map { $0["thutuc_answer_duration_seconds_count"] ?? 0 }.reduce(0, +) == Double(2 * Self.dialogues.count))

        // A person at a terminal: one plain connection, its own conversation, kept in Redis too.
        let person = try TestClient(port: proxy.port, timeout: 5)
        let personReference = try ServerFixture.connect(reference, timeout: 5)
        _ = try person.readLine()
        for line in ["hộ kinh doanh", "2", "mất bao lâu?", "WHY"] {
            try person.send(line + "\n")
            try personReference.send(line + "\n")
            #expect(try person.readReply() == (try personReference.readReply()), "plain mode: \(line)")
        }

        cluster.kill(1)
        try askTurn(2, cluster: cluster, reference: reference, phase: "instance b killed")

        cluster.stopInstances()
        try cluster.startInstances()
        #expect(proxy.waitUntilForwarding(timeout: 30), "HAProxy forwards again after the restart:\n\(proxy.log)")
        try askTurn(3, cluster: cluster, reference: reference, phase: "after restarting every instance")

        cluster.redis.stop()
        let outage = Date()
        for (index, question) in ["đăng ký khai sinh cần giấy tờ gì", "lệ phí làm hộ chiếu", "mất bao lâu?"].enumerated() {
            let start = Date()
            // New sessions: with Redis down a follow-up has no focus, exactly as in a new session.
            let through = try ask(proxy.port, session: "outage\(index)", question)
            #expect(through == (try ask(reference.port, session: "outage\(index)", question)), "Redis down: \(question)")
            #expect(Date().timeIntervalSince(start) < 3, "answered \(Date().timeIntervalSince(start)) s after asking")
        }
        usleep(UInt32(max(0, 3 - Date().timeIntervalSince(outage)) * 1e6))
        try cluster.redis.start()
        #expect(ServerFixture.eventually(timeout: 15) { cluster.ports.indices.allSatisfy { cluster.storeState($0) == "up" } })
        for instance in cluster.instances {
            let notes = instance?.output.split(separator: "\n").filter { $0.contains("sessions: redis://") } ?? []
            #expect(notes.filter { $0.contains("unavailable") }.count == 1, "\(notes)")
            #expect(notes.filter { $0.contains("reachable again") }.count == 1, "\(notes)")
        }
        try askTurn(4, cluster: cluster, reference: reference, phase: "after Redis came back")
        try askTurn(5, cluster: cluster, reference: reference, phase: "after Redis came back")
    }
}
