@preconcurrency import Glibc

extension sockaddr_in {
    /// 127.0.0.1:`port`: every server the bench measures listens on loopback.
    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
