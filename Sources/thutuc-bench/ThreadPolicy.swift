@preconcurrency import Glibc

/// Runs the load generator's capacity tests under the `SCHED_BATCH`
/// scheduling policy.
///
/// The generator shares this machine's two cores with the server it
/// measures. Under the default policy a thread woken by a reply preempts
/// whichever thread is running, so the generator's wake-ups kept
/// interrupting the server's loops in the middle of answers. A batch
/// thread's wake-ups preempt nothing: the generator waits until a loop
/// blocks or its time slice ends, then finds more replies waiting.
/// Gateways on other machines would not take the server's cores at all;
/// this is the nearest a generator on the same machine comes. The open
/// loop keeps the thread's own policy, because there the generator must
/// send on its schedule.
enum ThreadPolicy {
    /// `SCHED_BATCH` from `<bits/sched.h>`, which Swift's Glibc module
    /// leaves out (the C header declares it for `_GNU_SOURCE` only).
    private static let batch: Int32 = 3

    /// Runs `body` with the calling thread under `SCHED_BATCH`, then puts
    /// back the policy it had. `batched` is false when the system refused
    /// the switch (a sandbox may), and `body` ran under the policy it had.
    static func asBatch<Result>(_ body: () -> Result) -> (result: Result, batched: Bool) {
        // Linux applies these calls to the calling thread when given 0, not to the whole process.
        let previous = sched_getscheduler(0)
        var previousParameters = sched_param()
        // The priority too: a real-time policy (a bench started under `chrt -f`) is not restored without it.
        guard previous >= 0, sched_getparam(0, &previousParameters) == 0 else { return (body(), false) }
        var batchParameters = sched_param()
        let batched = sched_setscheduler(0, batch, &batchParameters) == 0
        defer {
            if batched { _ = sched_setscheduler(0, previous, &previousParameters) }
        }
        return (body(), batched)
    }
}
