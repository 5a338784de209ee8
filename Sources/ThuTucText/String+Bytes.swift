#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StringProtocol {
    /// Whether the text holds `needle` byte for byte (UTF-8, no Unicode folding).
    ///
    /// Foundation's `contains` routes through NSString on Linux and was the
    /// largest cost of validating the catalogue; this is a plain byte search.
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard !pattern.isEmpty else { return true }
            let found = utf8.withContiguousStorageIfAvailable { haystack in
                Self.search(haystack, pattern)
            }
            return found ?? Array(utf8).withUnsafeBufferPointer { Self.search($0, pattern) }
        }
    }

    /// memchr to each place the pattern's first byte stands, then memcmp:
    /// the validator searches every text of the catalogue for several
    /// phrases at start-up.
    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        guard haystack.count >= pattern.count, let text = haystack.baseAddress, let needle = pattern.baseAddress else { return false }
        let last = haystack.count - pattern.count
        var start = 0
        while start <= last, let hit = memchr(text + start, Int32(needle.pointee), last - start + 1) {
            let offset = text.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(text + offset, needle, pattern.count) == 0 { return true }
            start = offset + 1
        }
        return false
    }
}
