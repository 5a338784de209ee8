@preconcurrency import Glibc

/// Runs the bench's steps one after another, noting for each how much CPU
/// other processes took meanwhile, and the load average between steps.
///
/// Every child a step starts has exited when the step ends, so its CPU
/// counts as the bench's own. With `--wait-quiet`, a step first waits for a
/// quiet machine, and runs again (up to three times in all) when a neighbour
/// took over 25% of a core during it; the quietest attempt is kept.
final class StepRunner {
    private let waitQuietSeconds: Double
    private(set) var steps: [StepNoise] = []
    private var loads = [Machine.loadAverage()]

    init(waitQuietSeconds: Double) {
        self.waitQuietSeconds = waitQuietSeconds
    }

    /// The 1-minute load average at the start, its highest value between steps, and now.
    var loadAverages: [Double] {
        let now = Machine.loadAverage()
        return [loads[0], max(loads.max() ?? 0, now), now]
    }

    func step<T>(_ name: String, _ body: () throws -> T) throws -> T {
        let allowed = waitQuietSeconds > 0 ? 3 : 1
        var attempts = 0
        var best: (value: T, noise: StepNoise)?
        while attempts < allowed {
            attempts += 1
            let waited = waitQuietSeconds > 0 ? CPUAccount.waitForQuiet(atMost: waitQuietSeconds) : 0
            Self.note(attempts == 1 ? name : "\(name) (attempt \(attempts): a neighbour was busy)")
            let account = CPUAccount()
            let start = MonotonicTime.now()
            let value = try body()
            let noise = StepNoise(
                step: name, attempts: attempts, seconds: MonotonicTime.seconds(from: start, to: MonotonicTime.now()),
                waitedSeconds: waited, otherProcessesCPUPercent: account.othersPercent()
            )
            loads.append(Machine.loadAverage())
            if noise.otherProcessesCPUPercent < best?.noise.otherProcessesCPUPercent ?? .infinity { best = (value, noise) }
            if noise.otherProcessesCPUPercent < 25 { break }
        }
        guard var best else { throw BenchError.child("step '\(name)' did not run") }
        best.noise.attempts = attempts
        steps.append(best.noise)
        return best.value
    }

    /// Progress on standard error, so that standard output holds only the report.
    static func note(_ message: String) {
        fputs("thutuc-bench: \(message)\n", stderr)
    }
}
