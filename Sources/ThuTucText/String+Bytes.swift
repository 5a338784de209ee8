extension StringProtocol {
    /// Whether the text holds `needle` byte for byte (UTF-8, no Unicode folding).
    ///
    /// Foundation's `contains` routes through NSString on Linux and was the
    /// largest cost of validating the catalogue; this is a plain byte search.
    public func containsBytes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { pattern in
            guard let first = pattern.first else { return true }
            let found = utf8.withContiguousStorageIfAvailable { haystack in
                Self.search(haystack, pattern, first: first)
            }
            return found ?? Array(utf8).withUnsafeBufferPointer { Self.search($0, pattern, first: first) }
        }
    }

    private static func search(_ haystack: UnsafeBufferPointer<UInt8>, _ pattern: UnsafeBufferPointer<UInt8>, first: UInt8) -> Bool {
        guard haystack.count >= pattern.count else { return false }
        let last = haystack.count - pattern.count
        var index = 0
        while index <= last {
            if haystack[index] == first {
                var offset = 1
                while offset < pattern.count && haystack[index + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}
