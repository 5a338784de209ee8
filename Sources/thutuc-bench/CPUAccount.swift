@preconcurrency import Glibc

/// How much CPU other processes took while the bench ran: the whole
/// machine's busy time (/proc/stat) minus this process's and its waited-for
/// children's. On a shared 2-core machine this is the noise in every figure,
/// so the report states it rather than hoping it was zero.
struct CPUAccount {
    private let machineBusy: Double
    private let ours: Double
    private let wall: UInt64

    init() {
        machineBusy = Self.machineBusySeconds()
        ours = Self.ourSeconds()
        wall = MonotonicTime.now()
    }

    /// Other processes' CPU since `init`, in % of one core.
    func othersPercent() -> Double {
        let seconds = MonotonicTime.seconds(from: wall, to: MonotonicTime.now())
        let others = (Self.machineBusySeconds() - machineBusy) - (Self.ourSeconds() - ours)
        return seconds > 0 ? max(0, others) / seconds * 100 : 0
    }

    /// Waits until other processes have used under 10% of a core for two
    /// seconds running, or `seconds` have passed; returns the time waited.
    /// On a shared machine this keeps a neighbour's build out of a step.
    static func waitForQuiet(atMost seconds: Double) -> Double {
        let start = MonotonicTime.now()
        var quietSeconds = 0
        while quietSeconds < 2, MonotonicTime.seconds(from: start, to: MonotonicTime.now()) < seconds {
            let account = CPUAccount()
            usleep(1_000_000)
            quietSeconds = account.othersPercent() < 10 ? quietSeconds + 1 : 0
        }
        return MonotonicTime.seconds(from: start, to: MonotonicTime.now())
    }

    /// user + nice + system + irq + softirq + steal of all cores, from the "cpu" line of /proc/stat.
    private static func machineBusySeconds() -> Double {
        guard let line = ProcessStats.read("/proc/stat")?.split(separator: "\n").first else { return 0 }
        let ticks = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard ticks.count >= 8 else { return 0 }
        let busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7]
        return busy / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// This process's CPU plus that of its children already waited for.
    private static func ourSeconds() -> Double {
        var total = 0.0
        for who in [RUSAGE_SELF, RUSAGE_CHILDREN] {
            var usage = rusage()
            getrusage(who.rawValue, &usage)
            total += Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            total += Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        return total
    }
}
