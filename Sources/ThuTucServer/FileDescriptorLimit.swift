@preconcurrency import Glibc

/// The per-process open-file limit. Every connection costs a descriptor and
/// the default soft limit (often 1024) is far below what one server may hold,
/// so the server raises it to the hard limit at start.
enum FileDescriptorLimit {
    /// Raises the soft limit as far as the hard limit allows; returns the soft limit in force.
    @discardableResult
    static func raiseToHardLimit() throws(ServerError) -> Int {
        var limits = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limits) == 0 else {
            throw .system(call: "getrlimit(RLIMIT_NOFILE)", errno: errno)
        }
        guard limits.rlim_cur < limits.rlim_max else { return Int(clamping: limits.rlim_cur) }
        // An unlimited hard limit is still capped by fs.nr_open; try the hard
        // limit first, then a value the kernel accepts by default.
        for candidate in [limits.rlim_max, rlim_t(1 << 20)] where candidate > limits.rlim_cur {
            var raised = limits
            raised.rlim_cur = candidate
            if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &raised) == 0 { return Int(clamping: candidate) }
        }
        throw .system(call: "setrlimit(RLIMIT_NOFILE, \(limits.rlim_max))", errno: errno)
    }
}
