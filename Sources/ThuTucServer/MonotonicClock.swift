@preconcurrency import Glibc

/// Seconds on a clock that never jumps: timeouts must not fire (or stall)
/// when the wall clock is adjusted.
enum MonotonicClock {
    static func seconds() -> Double {
        var now = timespec()
        // CLOCK_MONOTONIC with a valid pointer cannot fail on Linux.
        guard clock_gettime(CLOCK_MONOTONIC, &now) == 0 else { return 0 }
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
