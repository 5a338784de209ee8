/// One target of the performance issue, what this run measured for it, and
/// whether it was met (nil when this run did not measure it).
struct TargetVerdict: Codable, Sendable {
    var target: String
    var measured: String
    var met: Bool?

    /// The targets, judged on a run's figures (the 1× scale unless a target is about scale).
    static func judge(scales: [ScaleFigures], cluster: ClusterFigures?, ping: PingFigures?, idle: IdleFigures?) -> [TargetVerdict] {
        var verdicts: [TargetVerdict] = []
        let base = scales.first { $0.scale == 1 }
        if let figures = base?.inProcess {
            let startup = figures.loadMilliseconds + figures.indexMilliseconds
            verdicts += [
                TargetVerdict(target: "load + index of \(Format.count(figures.procedures)) procedures < 300 ms", measured: "\(Format.number(startup)) ms", met: startup < 300),
                TargetVerdict(target: "resident memory after load < 150 MB", measured: "\(Format.number(figures.residentMegabytes)) MB", met: figures.residentMegabytes < 150),
                TargetVerdict(target: "question median < 200 µs", measured: "\(Format.number(figures.latency.medianMicroseconds)) µs", met: figures.latency.medianMicroseconds < 200),
                TargetVerdict(target: "question p99 < 1 ms", measured: "\(Format.number(figures.latency.p99Microseconds)) µs", met: figures.latency.p99Microseconds < 1000),
                TargetVerdict(
                    target: "≥ 20,000 questions/s in process (all cores)", measured: "\(Format.count(Int(figures.throughputPerSecond)))/s",
                    met: figures.throughputPerSecond >= 20_000
                ),
            ]
        }
        let questions = base?.server?.questions ?? []
        if let closed = questions.first(where: { $0.connections == 100 && $0.pipelineDepth == 1 }) {
            verdicts.append(TargetVerdict(
                target: "server ≥ 15,000 questions/s, closed loop, 100 connections", measured: "\(Format.count(Int(closed.answeredPerSecond)))/s",
                met: closed.answeredPerSecond >= 15_000 && closed.failed == 0
            ))
        }
        if let open = questions.first(where: { $0.ratePerConnection != nil }) {
            verdicts.append(TargetVerdict(
                target: "server p99 < 10 ms, \(Format.count(open.connections)) connections × 1 question/s (open loop)",
                measured: "\(Format.number(open.latency.p99Microseconds / 1000)) ms", met: open.latency.p99Microseconds < 10_000 && open.failed == 0
            ))
        }
        if let cluster, let ratio = cluster.throughputRatio, let closed = cluster.cluster.first {
            verdicts.append(TargetVerdict(
                target: "cluster (HAProxy, \(cluster.instances) instances, Redis) ≥ 60% of one instance (memory), closed loop, 100 connections",
                measured: "\(Format.number(ratio * 100))% (\(Format.count(Int(closed.answeredPerSecond)))/s)", met: ratio >= 0.6 && closed.failed == 0
            ))
        }
        if let open = cluster?.cluster.first(where: { $0.ratePerConnection != nil }) {
            verdicts.append(TargetVerdict(
                target: "cluster p99 < 10 ms, 100 connections × \(Format.number(open.ratePerConnection ?? 0)) questions/s (open loop)",
                measured: "\(Format.number(open.latency.p99Microseconds / 1000)) ms", met: open.latency.p99Microseconds < 10_000 && open.failed == 0
            ))
        }
        if let idle {
            verdicts.append(TargetVerdict(
                target: "10,000 idle connections held without a thread each",
                measured: "\(Format.count(idle.held)) held, \(idle.serverThreads) server threads",
                met: idle.requested >= 10_000 ? idle.held >= 10_000 && idle.serverThreads < 64 : nil
            ))
        }
        if let ours = ping?.ours.first(where: { $0.connections == 100 && $0.pipelineDepth == 1 }) {
            let redis = ping?.redis?.first { $0.connections == 100 && $0.pipelineDepth == 1 }
            let ratio = redis.map { ours.answeredPerSecond / $0.answeredPerSecond }
            verdicts.append(TargetVerdict(
                target: "PING ≥ 50% of Redis's, 100 connections",
                measured: ratio.map { "\(Format.number($0 * 100))% (\(Format.count(Int(ours.answeredPerSecond)))/s)" } ?? "Redis not measured",
                met: ratio.map { $0 >= 0.5 }
            ))
        }
        if let base, let largest = scales.max(by: { $0.scale < $1.scale }), largest.scale > 1 {
            let factor = Double(largest.scale)
            let time = largest.inProcess.latency.medianMicroseconds / base.inProcess.latency.medianMicroseconds
            let memory = largest.inProcess.residentMegabytes / base.inProcess.residentMegabytes
            verdicts += [
                TargetVerdict(target: "query time sublinear in catalogue size", measured: "median ×\(Format.number(time)) at \(largest.scale)×", met: time < factor),
                TargetVerdict(target: "memory linear in catalogue size", measured: "resident ×\(Format.number(memory)) at \(largest.scale)×", met: memory <= factor * 1.1),
            ]
        }
        return verdicts
    }
}
