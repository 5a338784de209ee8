import ThuTucDialogue

/// Conversations kept in Redis, so that every instance behind a load
/// balancer continues any conversation and a restart loses none.
///
/// A session is one string key, the configured prefix followed by the
/// session's name, holding ``Session/encoded`` with the session expiry as
/// its time to live: each turn reads it (GET) and writes it back (SET … PX),
/// which renews the expiry; a session left with nothing in it (after RESET)
/// is deleted instead. The store itself holds only what every loop shares:
/// the settings and the ``RedisStoreHealth``; each event loop talks to Redis
/// over its own ``RedisConnection``.
public final class RedisSessionStore: Sendable {
    public let url: RedisURL
    public let prefix: String
    /// How long a turn waits for Redis, in seconds.
    let timeout: Double
    /// The key's time to live, from `sessionExpirySeconds`.
    let lifetimeMilliseconds: Int
    let health: RedisStoreHealth

    init(configuration: Configuration, log: RequestLog) {
        url = configuration.sessions.url
        prefix = configuration.sessions.prefix
        timeout = Double(configuration.sessions.timeoutMilliseconds) / 1000
        lifetimeMilliseconds = max(1, Int((configuration.sessionExpirySeconds * 1000).rounded()))
        health = RedisStoreHealth(url: configuration.sessions.url, log: log)
    }

    /// The server's address, resolved once when the TCP server starts.
    func resolve() throws(ServerError) -> Listener.Address {
        guard let address = try Listener.resolve(host: url.host, port: url.port, passive: false).first else {
            throw .unresolvable(host: url.host, reason: "no address")
        }
        return address
    }

    /// A connection for one event loop, registered with its epoll under `token` once started.
    func connection(to address: Listener.Address, epoll: Int32, token: UInt64) -> RedisConnection {
        RedisConnection(address: address, handshake: handshake, timeout: timeout, epoll: epoll, token: token, health: health)
    }

    /// AUTH and SELECT as the URL asks, then a PING whose reply says the connection works.
    private var handshake: [[UInt8]] {
        var commands: [[UInt8]] = []
        if let password = url.password {
            commands.append(RESPValue.command(["AUTH"] + (url.user.map { [$0] } ?? []) + [password]))
        }
        if url.database != 0 { commands.append(RESPValue.command(["SELECT", String(url.database)])) }
        commands.append(RESPValue.command(["PING"]))
        return commands
    }

    func key(_ session: String) -> [UInt8] {
        Array((prefix + session).utf8)
    }

    /// GET for the session called `name`.
    func readCommand(_ name: String) -> [UInt8] {
        RESPValue.command([Array("GET".utf8), key(name)])
    }

    /// SET with the expiry for `session`, or DEL when it holds nothing.
    func writeCommand(_ name: String, _ session: Session) -> [UInt8] {
        if session.isBlank { return RESPValue.command([Array("DEL".utf8), key(name)]) }
        return RESPValue.command([Array("SET".utf8), key(name), session.encoded, Array("PX".utf8), Array(String(lifetimeMilliseconds).utf8)])
    }

    /// The session a GET returned: nil when there is none, and also (counted
    /// as a fallback) when Redis did not answer or held something unreadable.
    func session(from result: Result<RESPValue, RedisFailure>) -> Session? {
        switch result {
        case .success(.bulk(let bytes?)):
            health.reads.add(1, ordering: .relaxed)
            do {
                let session = try Session(decoding: bytes)
                health.hits.add(1, ordering: .relaxed)
                return session
            } catch {
                health.unreadable.add(1, ordering: .relaxed)
                health.fallbacks.add(1, ordering: .relaxed)
                return nil
            }
        case .success(.bulk(nil)):
            health.reads.add(1, ordering: .relaxed)
            return nil
        case .success, .failure:
            // An error reply (say, WRONGTYPE for a key someone else wrote) or no reply at all.
            health.fallbacks.add(1, ordering: .relaxed)
            return nil
        }
    }

    /// Counts a write's outcome: one that failed leaves the previous session
    /// in Redis, so the next turn will not see this one.
    func wrote(_ result: Result<RESPValue, RedisFailure>) {
        switch result {
        case .success(.error), .failure: health.failedWrites.add(1, ordering: .relaxed)
        case .success: health.writes.add(1, ordering: .relaxed)
        }
    }
}
