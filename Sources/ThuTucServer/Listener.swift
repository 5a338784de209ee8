@preconcurrency import Glibc
import CEpoll

/// A bound, listening, non-blocking socket.
struct Listener: Sendable {
    let fd: Int32
    /// The port actually bound (differs from the requested one when that was 0).
    let port: Int

    /// Listens on every address `host` resolves to ("localhost" gives both
    /// 127.0.0.1 and ::1), all on one port: with port 0 the first bind picks
    /// it and the others reuse it. Addresses that fail after the first are
    /// skipped, so a machine without IPv6 still serves "localhost".
    static func open(host: String, port: Int, backlog: Int32 = 4096) throws(ServerError) -> [Listener] {
        let addresses = try resolve(host: host, port: port)
        var listeners: [Listener] = []
        var firstError: ServerError?
        var chosenPort = port
        for var address in addresses {
            address.setPort(chosenPort)
            do {
                let listener = try bind(address, v6Only: addresses.count > 1, backlog: backlog)
                listeners.append(listener)
                chosenPort = listener.port
            } catch {
                firstError = firstError ?? error
            }
        }
        guard !listeners.isEmpty else { throw firstError ?? .unresolvable(host: host, reason: "no address") }
        return listeners
    }

    /// A socket address as raw bytes, so IPv4 and IPv6 share one type.
    struct Address {
        var storage = sockaddr_storage()
        var length: socklen_t
        var family: Int32 { Int32(storage.ss_family) }

        /// Both sockaddr_in and sockaddr_in6 keep the port, big-endian, right after the family.
        mutating func setPort(_ port: Int) {
            let bigEndian = UInt16(truncatingIfNeeded: port).bigEndian
            withUnsafeMutableBytes(of: &storage) { bytes in
                bytes.storeBytes(of: bigEndian, toByteOffset: MemoryLayout<sa_family_t>.size, as: UInt16.self)
            }
        }

        var port: Int {
            withUnsafeBytes(of: storage) { bytes in
                Int(UInt16(bigEndian: bytes.load(fromByteOffset: MemoryLayout<sa_family_t>.size, as: UInt16.self)))
            }
        }

        var description: String {
            var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
            let offset = family == AF_INET6 ? MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr) : MemoryLayout<sockaddr_in>.offset(of: \.sin_addr)
            let printed = withUnsafeBytes(of: storage) { bytes in
                inet_ntop(family, bytes.baseAddress.map { $0 + (offset ?? 0) }, &text, socklen_t(text.count))
            }
            let host = printed == nil ? "?" : String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }

    /// The addresses of `host`; `passive` for binding (a listener), not for
    /// connecting (the Redis store).
    static func resolve(host: String, port: Int, passive: Bool = true) throws(ServerError) -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = (passive ? AI_PASSIVE : 0) | AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            throw .unresolvable(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var addresses: [Address] = []
        var seen: Set<[UInt8]> = []
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            guard let socketAddress = current.pointee.ai_addr,
                  current.pointee.ai_family == AF_INET || current.pointee.ai_family == AF_INET6
            else { continue }
            var address = Address(length: current.pointee.ai_addrlen)
            let length = Int(min(current.pointee.ai_addrlen, socklen_t(MemoryLayout<sockaddr_storage>.size)))
            withUnsafeMutableBytes(of: &address.storage) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(start: socketAddress, count: length))
            }
            // /etc/hosts often lists the same address twice.
            let key = withUnsafeBytes(of: address.storage) { Array($0.prefix(length)) }
            if seen.insert(key).inserted { addresses.append(address) }
        }
        guard !addresses.isEmpty else { throw .unresolvable(host: host, reason: "no IPv4 or IPv6 address") }
        return addresses
    }

    private static func bind(_ address: Address, v6Only: Bool, backlog: Int32) throws(ServerError) -> Listener {
        let fd = cepoll_stream_socket(address.family)
        guard fd >= 0 else { throw .system(call: "socket for \(address.description)", errno: errno) }
        var one: Int32 = 1
        var bound = address
        let failure: ServerError? = {
            if setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size)) != 0 {
                return .system(call: "SO_REUSEADDR on \(address.description)", errno: errno)
            }
            // When the name gave both families, each socket takes only its own,
            // otherwise [::] would also claim the IPv4 port.
            if address.family == AF_INET6, v6Only,
               setsockopt(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &one, socklen_t(MemoryLayout<Int32>.size)) != 0 {
                return .system(call: "IPV6_V6ONLY on \(address.description)", errno: errno)
            }
            let bindResult = withUnsafePointer(to: address.storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, address.length) }
            }
            if bindResult != 0 { return .system(call: "bind \(address.description)", errno: errno) }
            if listen(fd, backlog) != 0 { return .system(call: "listen \(address.description)", errno: errno) }
            let flags = fcntl(fd, F_GETFL)
            if flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) != 0 {
                return .system(call: "O_NONBLOCK on \(address.description)", errno: errno)
            }
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let nameResult = withUnsafeMutablePointer(to: &bound.storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
            }
            if nameResult != 0 { return .system(call: "getsockname \(address.description)", errno: errno) }
            return nil
        }()
        if let failure {
            Socket.close(fd)
            throw failure
        }
        return Listener(fd: fd, port: bound.port)
    }
}
