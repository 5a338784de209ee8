import Foundation
import Testing
@testable import ThuTucServer

/// STATS (key: value lines, like Redis INFO) and GET /metrics (Prometheus
/// text) over real sockets, counting what the test itself sent.
@Suite("STATS and /metrics")
struct StatisticsTests {
    static let token = "statistics-token-0123456"

    @Test("STATS counts connections, outcomes, errors and answer times")
    func stats() throws {
        let server = try ServerFixture.start { $0.authToken = Self.token }
        defer { server.shutDown() }
        let other = try ServerFixture.connect(server)
        try other.send("PING\n")
        _ = try other.readReply()
        // A debug build reloads the whole catalogue below, slowly when the machine is busy.
        let client = try ServerFixture.connect(server, timeout: 180)
        // A wrong token first: AUTH sets the connection's standing either way.
        try client.send("AUTH wrong-token-0123456789\nAUTH \(Self.token)\n")
        _ = try client.readReply()
        _ = try client.readReply()
        try client.send("đăng ký khai sinh\nmất bao lâu?\nđăng ký\nxyzzy plugh\n{\"id\":1,\"text\":\n[1]\nSTATS\n")
        for _ in 0..<6 { _ = try client.readReply() }
        let stats = try client.readStats()
        #expect(stats["version"] == ProgramVersion.current)
        let manifest = try CommittedManifest.read(repository: ServerFixture.repositoryRoot)
        #expect(stats["procedures"] == String(manifest.records) && stats["knowledge_retrieved"] == manifest.latestRetrieved, "\(stats)")
        #expect(stats["connections_current"] == "2" && stats["connections_total"] == "2" && stats["connections_refused"] == "0", "\(stats)")
        #expect(Int(stats["requests_answered"] ?? "") == 2, "\(stats)")
        #expect(stats["requests_clarify"] == "1" && stats["requests_fallback"] == "1", "\(stats)")
        #expect(stats["requests_commands"] == "2", "PING and AUTH; this STATS is counted after it answers: \(stats)")
        #expect(stats["errors_bad_json"] == "1" && stats["errors_bad_request"] == "1" && stats["errors_auth_failed"] == "1", "\(stats)")
        #expect(stats["requests_errors"] == "3")
        #expect(stats["answers_last_minute"] == "4", "\(stats)")
        let p50 = Double(stats["answer_p50_ms"] ?? "") ?? -1
        let p99 = Double(stats["answer_p99_ms"] ?? "") ?? -1
        #expect(p50 > 0 && p99 >= p50 && p99 < 5000, "\(stats)")
        #expect(stats["reloads_ok"] == "0" && stats["reloads_rejected"] == "0")
        #expect(Int(stats["uptime_seconds"] ?? "") != nil && stats["sessions"] != nil)

        try client.send("RELOAD\n" + #"{"id":2,"cmd":"STATS"}"# + "\n")
        #expect(try client.readReply().first?.hasPrefix("200 reloaded") == true)
        let json = try client.readJSON()
        #expect((json["reloads_ok"] as? NSNumber)?.intValue == 1, "\(json)")
        #expect((json["requests_commands"] as? NSNumber)?.intValue == 4, "STATS and RELOAD added: \(json)")
        #expect(json["answer_p50_ms"] is NSNumber && json["version"] as? String == ProgramVersion.current)
    }

    @Test("refused connections are counted")
    func refused() throws {
        let server = try ServerFixture.start {
            $0.authToken = Self.token
            $0.maxConnections = 1
        }
        defer { server.shutDown() }
        let client = try ServerFixture.connect(server)
        let refused = try TestClient(port: server.port, timeout: 5)
        #expect(try refused.readLine()?.hasPrefix("503 ") == true)
        try client.send("AUTH \(Self.token)\nSTATS\n")
        _ = try client.readReply()
        let stats = try client.readStats()
        #expect(stats["connections_refused"] == "1" && stats["connections_current"] == "1", "\(stats)")
    }

    @Test("GET /metrics answers the Prometheus text format on its own loopback listener")
    func metrics() throws {
        let server = try ServerFixture.start { $0.metricsPort = 0 }
        defer { server.shutDown() }
        let metrics = try #require(server.metrics)
        #expect(metrics.host == "127.0.0.1" && metrics.port != server.port)
        let client = try ServerFixture.connect(server)
        try client.send("đăng ký khai sinh\nxyzzy plugh\n{\"id\":1\n")
        for _ in 0..<3 { _ = try client.readReply() }

        let (head, body) = try HTTPProbe.get("/metrics", port: metrics.port)
        #expect(head.first == "HTTP/1.1 200 OK", "\(head)")
        #expect(head.contains("Content-Type: text/plain; version=0.0.4; charset=utf-8"))
        #expect(head.contains("Content-Length: \(body.utf8.count)"))
        let samples = HTTPProbe.samples(body)
        #expect(samples["thutuc_requests_total{outcome=\"answered\"}"] == 1, "\(body)")
        #expect(samples["thutuc_requests_total{outcome=\"fallback\"}"] == 1)
        #expect(samples["thutuc_request_errors_total{kind=\"bad_json\"}"] == 1)
        #expect(samples["thutuc_connections"] == 1 && samples["thutuc_connections_accepted_total"] == 1)
        #expect(samples["thutuc_knowledge_procedures"] == Double(try CommittedManifest.read(repository: ServerFixture.repositoryRoot).records))
        #expect(samples["thutuc_build_info{version=\"\(ProgramVersion.current)\"}"] == 1)
        #expect(samples["thutuc_answer_duration_seconds_count"] == 2)
        let median = samples["thutuc_answer_duration_seconds{quantile=\"0.5\"}"] ?? -1
        #expect(median > 0 && median < 5, "seconds, not microseconds: \(median)")
        // Every family has HELP and TYPE, and every sample belongs to a declared family.
        let types = body.split(separator: "\n").filter { $0.hasPrefix("# TYPE ") }.map { $0.split(separator: " ")[2] }
        #expect(types.count == body.split(separator: "\n").filter { $0.hasPrefix("# HELP ") }.count)
        for name in samples.keys {
            let family = name.split(separator: "{").first.map(String.init) ?? name
            #expect(types.contains { family == $0 || family == "\($0)_sum" || family == "\($0)_count" }, "\(name)")
        }
        #expect(try HTTPProbe.get("/other", port: metrics.port).head.first == "HTTP/1.1 404 Not Found")
        #expect(try HTTPProbe.get("/metrics", port: metrics.port, method: "POST").head.first == "HTTP/1.1 405 Method Not Allowed")
        #expect(try HTTPProbe.get("/metrics", port: metrics.port, method: "HEAD").body.isEmpty)
    }

    @Test("a scraper that sends nothing holds the metrics listener for at most its timeout, and questions are not held at all")
    func silentScraper() throws {
        let server = try ServerFixture.start { $0.metricsPort = 0 }
        defer { server.shutDown() }
        let port = try #require(server.metrics?.port)
        let silent = try TestClient(port: port, timeout: 10)
        let client = try ServerFixture.connect(server)
        try client.send("PING\n")
        #expect(try client.readReply() == ["200 PONG"])
        let start = Date()
        let (head, _) = try HTTPProbe.get("/metrics", port: port)
        #expect(head.first == "HTTP/1.1 200 OK")
        #expect(Date().timeIntervalSince(start) < Double(MetricsServer.ioTimeoutSeconds) + 2)
        _ = silent
    }

    @Test("latency quantiles come from the right buckets")
    func quantiles() {
        var histogram = [Int](repeating: 0, count: LatencyWindow.bucketCount)
        for micros in 1...100 { histogram[LatencyWindow.bucket(microseconds: micros * 100)] += 1 }
        let median = LatencyWindow.quantile(0.5, of: histogram) ?? 0
        let tail = LatencyWindow.quantile(0.99, of: histogram) ?? 0
        #expect(abs(median - 5_000) / 5_000 < 0.07, "\(median)")
        #expect(abs(tail - 9_900) / 9_900 < 0.07, "\(tail)")
        #expect(LatencyWindow.quantile(0.5, of: [Int](repeating: 0, count: LatencyWindow.bucketCount)) == nil)
        let window = LatencyWindow()
        window.record(microseconds: 100, second: 1_000)
        window.record(microseconds: 100, second: 1_030)
        var recent = [Int](repeating: 0, count: LatencyWindow.bucketCount)
        window.collect(into: &recent, upTo: 1_065)
        #expect(recent.reduce(0, +) == 1, "the sample of second 1000 is older than a minute at 1065")
    }
}

/// A one-request HTTP client for the metrics endpoint.
enum HTTPProbe {
    static func get(_ path: String, port: Int, method: String = "GET") throws -> (head: [String], body: String) {
        let client = try TestClient(port: port, timeout: 10)
        try client.send("\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var lines: [String] = []
        while let line = try client.readLine() { lines.append(line.hasSuffix("\r") ? String(line.dropLast()) : line) }
        guard let blank = lines.firstIndex(of: "") else { return (lines, "") }
        let body = lines[(blank + 1)...].joined(separator: "\n")
        return (Array(lines[..<blank]), body.isEmpty ? "" : body + "\n")
    }

    /// "name{labels} value" lines as numbers by "name{labels}".
    static func samples(_ body: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in body.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            samples[String(line[..<space])] = Double(line[line.index(after: space)...])
        }
        return samples
    }
}
