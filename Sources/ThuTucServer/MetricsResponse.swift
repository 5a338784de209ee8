/// The HTTP side of ``MetricsServer``: which reply a request head gets.
enum MetricsResponse {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// `GET /metrics` (or `HEAD`) gets the figures; any other path 404, any
    /// other method 405, a head that is not HTTP 400.
    static func reply(to head: [UInt8], render: () -> String) -> [UInt8] {
        let firstLine = head.prefix { $0 != 0x0D && $0 != 0x0A }
        let parts = firstLine.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1.") else { return status(400, "Bad Request") }
        let method = parts[0]
        let path = parts[1].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard method == "GET" || method == "HEAD" else { return status(405, "Method Not Allowed", extra: "Allow: GET, HEAD\r\n") }
        guard path == "/metrics" else { return status(404, "Not Found") }
        let body = Array(render().utf8)
        var reply = Array(headers(200, "OK", type: contentType, length: body.count).utf8)
        if method == "GET" { reply += body }
        return reply
    }

    static func status(_ code: Int, _ reason: String, extra: String = "") -> [UInt8] {
        let body = "\(code) \(reason)\n"
        return Array((headers(code, reason, type: "text/plain; charset=utf-8", length: body.utf8.count, extra: extra) + body).utf8)
    }

    private static func headers(_ code: Int, _ reason: String, type: String, length: Int, extra: String = "") -> String {
        "HTTP/1.1 \(code) \(reason)\r\nContent-Type: \(type)\r\nContent-Length: \(length)\r\n\(extra)Connection: close\r\n\r\n"
    }
}
