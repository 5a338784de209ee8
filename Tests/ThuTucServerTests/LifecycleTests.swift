@preconcurrency import Glibc
import Foundation
import Testing
import ThuTucServer

/// Starting on various hosts, stopping gracefully, and signals.
@Suite("Server lifecycle", .timeLimit(.minutes(1)))
struct LifecycleTests {
    static let hasIPv6Loopback =
        (try? String(contentsOfFile: "/proc/net/if_inet6", encoding: .utf8))?.contains("00000000000000000000000000000001") == true

    @Test("stop closes connections and the listener promptly")
    func gracefulStop() throws {
        let server = try ServerFixture.start()
        let client = try ServerFixture.connect(server)
        try client.send("PING\n")
        #expect(try client.readReply() == ["200 PONG"])
        let start = Date()
        server.shutDown()
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(try client.isClosedByServer())
        #expect(throws: TestClientError.self) { try TestClient(port: server.port) }
    }

    @Test("\"localhost\" listens on every address it resolves to, on one port")
    func localhost() throws {
        let server = try ServerFixture.start { $0.host = "localhost" }
        defer { server.shutDown() }
        #expect(server.address == "localhost:\(server.port)")
        let addresses = Self.numericAddresses(of: "localhost")
        #expect(addresses.contains("127.0.0.1") || addresses.contains("::1"))
        for host in addresses {
            let client = try ServerFixture.connect(server, host: host)
            try client.send("PING\n")
            #expect(try client.readReply() == ["200 PONG"])
        }
    }

    @Test("an IPv6 literal is accepted", .enabled(if: hasIPv6Loopback))
    func ipv6Literal() throws {
        let server = try ServerFixture.start { $0.host = "::1" }
        defer { server.shutDown() }
        #expect(server.address == "[::1]:\(server.port)")
        let client = try ServerFixture.connect(server, host: "::1")
        try client.send("PING\n")
        #expect(try client.readReply() == ["200 PONG"])
    }

    @Test("a host that does not resolve is an error naming it")
    func badHost() throws {
        #expect {
            _ = try ServerFixture.start {
                $0.host = "no-such-host.invalid"
                // Off loopback a token is required before the name is even looked up.
                $0.authToken = "resolution-test-token-0123"
            }
        } throws: { error in
            "\(error)".contains("no-such-host.invalid")
        }
    }

    @Test("a taken port is an error")
    func portInUse() throws {
        let server = try ServerFixture.start()
        defer { server.shutDown() }
        #expect(throws: ServerError.self) {
            _ = try ServerFixture.start { $0.port = server.port }
        }
    }

    @Test("SIGHUP raised in the process reaches the watcher, not the default action")
    func signalWatcher() throws {
        let watcher = try SignalWatcher([.hangup])
        // To the process, not this thread: Dispatch workers block signals, so
        // raise() here would leave it pending forever.
        #expect(kill(getpid(), SIGHUP) == 0)
        #expect(watcher.next() == [.hangup])
    }

    /// What the resolver gives for `host`, as numeric strings.
    static func numericAddresses(of host: String) -> [String] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            entry = current.pointee.ai_next
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            if getnameinfo(current.pointee.ai_addr, current.pointee.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0 {
                let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if !addresses.contains(address) { addresses.append(address) }
            }
        }
        return addresses
    }
}
