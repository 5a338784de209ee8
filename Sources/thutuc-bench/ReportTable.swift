/// The report as the tables the bench prints (and PERFORMANCE.md quotes).
enum ReportTable {
    static func render(_ report: Report) -> String {
        var sections = [header(report), inProcess(report.scales)]
        if report.scales.contains(where: { $0.server != nil }) { sections.append(server(report.scales)) }
        if let cluster = report.cluster { sections.append(clusterTable(cluster)) }
        if let ping = report.ping { sections.append(pings(ping)) }
        if let idle = report.idle { sections.append(idleTable(idle)) }
        sections.append(noise(report.steps))
        sections.append(targets(report.targets))
        return sections.joined(separator: "\n\n")
    }

    private static func header(_ report: Report) -> String {
        let loads = report.loadAverage.map(Format.number).joined(separator: " / ")
        return """
            thutuc-bench \(report.quick ? "(quick) " : "")— \(report.date)
            machine: \(report.machine.cores) cores, \(report.machine.cpuModel), Linux \(report.machine.kernel), \(Format.count(report.machine.memoryMegabytes)) MB
            load average (1 min; start / highest / end): \(loads); other processes used \(Format.number(report.otherProcessesCPUPercent))% of a core meanwhile
            questions: \(report.questionsPerPass) turns per pass from \(report.questionSources.joined(separator: ", "))\(generator(report))
            """
    }

    /// How the load generator's thread was scheduled in the closed loops,
    /// when any ran: a figure read without it could not be compared.
    private static func generator(_ report: Report) -> String {
        let closed = (report.scales.flatMap { $0.server?.questions ?? [] } + (report.ping?.ours ?? []) + (report.ping?.redis ?? []))
            .compactMap(\.generatorBatch)
        guard !closed.isEmpty else { return "" }
        let batched = closed.filter { $0 }.count
        let policy: String
        if batched == closed.count {
            policy = "SCHED_BATCH in the closed loops (its wake-ups do not preempt the server)"
        } else if batched > 0 {
            policy = "SCHED_BATCH in \(batched) of \(closed.count) closed loops (refused in the rest)"
        } else {
            policy = "its own policy (SCHED_BATCH refused)"
        }
        return "\nload generator: one thread, \(policy); the open loop under the policy it started with"
    }

    private static func inProcess(_ scales: [ScaleFigures]) -> String {
        let figures = scales.map(\.inProcess)
        let growth = scales.count > 1 ? "\(scales[scales.count - 1].scale)× / 1×" : nil
        func row(_ label: String, _ value: (InProcessFigures) -> Double, _ format: (Double) -> String = Format.number) -> [String] {
            var cells = [label] + figures.map { format(value($0)) }
            if growth != nil, let first = figures.first, let last = figures.last, value(first) > 0 {
                cells.append("×" + Format.number(value(last) / value(first)))
            }
            return cells
        }
        var rows = [["In process"] + scales.map { "\($0.scale)×" } + (growth.map { [$0] } ?? [])]
        rows += [
            row("procedures", { Double($0.procedures) }, { Format.count(Int($0)) }),
            row("load (ms)", \.loadMilliseconds),
            row("index (ms)", \.indexMilliseconds),
            row("resident after load (MB)", \.residentMegabytes),
            row("question median (µs)", \.latency.medianMicroseconds),
            row("question p99 (µs)", \.latency.p99Microseconds),
            row("question max (µs)", \.latency.maxMicroseconds),
            row("naive scan median (µs)", \.naive.medianMicroseconds),
            row("naive scan p99 (µs)", \.naive.p99Microseconds),
            row("naive scan turns asked", { Double($0.naiveQuestions) }, { Format.count(Int($0)) }),
            row("engine faster than naive (×, same turns)", \.speedupOverNaive),
            row("top-1 engine (%)", { $0.engineTopOne * 100 }),
            row("top-1 naive (%)", { $0.naiveTopOne * 100 }),
            row("throughput (questions/s, \(figures.first?.throughputThreads ?? 0) threads)", \.throughputPerSecond, { Format.count(Int($0)) }),
            row("throughput (questions/s, 1 thread)", \.throughputOneThreadPerSecond, { Format.count(Int($0)) }),
        ]
        return Format.table(rows)
    }

    private static func server(_ scales: [ScaleFigures]) -> String {
        let measured = scales.filter { $0.server != nil }
        var rows = [["TCP server, JSON questions (answered/s, p99)"] + measured.map { "\($0.scale)×" }]
        rows.append(["server resident after load (MB)"] + measured.map { Format.number($0.server?.residentMegabytesAfterLoad ?? 0) })
        rows.append(["server resident after these tests (MB)"] + measured.map { Format.number($0.server?.residentMegabytesAfterTests ?? 0) })
        let template = measured.first?.server?.questions ?? []
        for (index, load) in template.enumerated() {
            rows.append([describe(load)] + measured.map { scale in
                guard let result = scale.server?.questions[safe: index] else { return "–" }
                return cell(result)
            })
        }
        rows.append(["server CPU, 100 connections one at a time (% of a core)"] + measured.map { scale in
            let load = scale.server?.questions.first { $0.connections == 100 && $0.pipelineDepth == 1 }
            return load?.serverCPUPercent.map(Format.number) ?? "–"
        })
        rows.append(["server CPU per answer, same test (µs)"] + measured.map { scale in
            let load = scale.server?.questions.first { $0.connections == 100 && $0.pipelineDepth == 1 }
            return load?.serverCPUMicrosecondsPerAnswer.map(Format.number) ?? "–"
        })
        return Format.table(rows)
    }

    private static func clusterTable(_ cluster: ClusterFigures) -> String {
        guard cluster.status == "measured" else { return "cluster: \(cluster.status)" }
        var rows = [["Cluster (answered/s, p50 / p99)", "1 instance, memory", "HAProxy + \(cluster.instances), Redis", "cluster / single"]]
        for (single, clustered) in zip(cluster.single, cluster.cluster) {
            let comparison: String
            if single.ratePerConnection == nil {
                comparison = Format.number(clustered.answeredPerSecond / max(1, single.answeredPerSecond) * 100) + "%"
            } else {
                let extra = [clustered.latency.medianMicroseconds - single.latency.medianMicroseconds, clustered.latency.p99Microseconds - single.latency.p99Microseconds]
                comparison = "+" + extra.map { Format.number($0 / 1000) }.joined(separator: " / +") + " ms a turn"
            }
            rows.append([describe(single), percentiles(single), percentiles(clustered), comparison])
        }
        let cpu = ["instances", "haproxy", "redis"].map { cluster.clusterCPUPercent[$0].map(Format.number) ?? "–" }.joined(separator: " / ")
        rows.append(["cluster CPU in its closed loop: instances / HAProxy / Redis (% of a core)", "", cpu, ""])
        return Format.table(rows)
    }

    private static func percentiles(_ load: LoadResult) -> String {
        var text = "\(Format.count(Int(load.answeredPerSecond)))/s, \(Format.number(load.latency.medianMicroseconds / 1000)) / \(Format.number(load.latency.p99Microseconds / 1000)) ms"
        if load.failed > 0 { text += " (\(Format.count(load.failed)) failed)" }
        return text
    }

    private static func pings(_ ping: PingFigures) -> String {
        var rows = [["PING (answered/s, p99)", "ours", "Redis", "ours / Redis", "server CPU µs per reply: ours / Redis"]]
        for (index, ours) in ping.ours.enumerated() {
            let redis = ping.redis?[safe: index]
            let ratio = redis.map { Format.number(ours.answeredPerSecond / max(1, $0.answeredPerSecond) * 100) + "%" } ?? "–"
            let cpu = [ours, redis].map { $0?.serverCPUMicrosecondsPerAnswer.map(Format.number) ?? "–" }.joined(separator: " / ")
            rows.append([describe(ours), cell(ours), redis.map(cell) ?? "–", ratio, cpu])
        }
        rows.append(["CPU, 100 connections one at a time (% of a core)"] + [ping.ours, ping.redis ?? []].map { loads in
            loads.first { $0.connections == 100 && $0.pipelineDepth == 1 }?.serverCPUPercent.map(Format.number) ?? "–"
        })
        var text = Format.table(rows)
        if ping.redis == nil { text += "\nredis: \(ping.redisStatus)" }
        return text
    }

    private static func idleTable(_ idle: IdleFigures) -> String {
        Format.table([
            ["Idle connections", ""],
            ["held / asked", "\(Format.count(idle.held)) / \(Format.count(idle.requested))"],
            ["time to connect all (s)", Format.number(idle.connectSeconds)],
            ["server threads while holding them", String(idle.serverThreads)],
            ["server resident before / holding (MB)", "\(Format.number(idle.serverResidentMegabytesBefore)) / \(Format.number(idle.serverResidentMegabytesHeld))"],
            ["per connection (KB)", Format.number(idle.kilobytesPerConnection)],
            ["PING on 1 in 100 at once: median / p99 (ms)", "\(Format.number(idle.probe.medianMicroseconds / 1000)) / \(Format.number(idle.probe.p99Microseconds / 1000))"],
        ])
    }

    private static func noise(_ steps: [StepNoise]) -> String {
        Format.table([["Step", "runs", "seconds", "waited for quiet (s)", "other processes' CPU (% of a core)"]] + steps.map { step in
            [step.step, String(step.attempts), Format.number(step.seconds), Format.number(step.waitedSeconds), Format.number(step.otherProcessesCPUPercent)]
        })
    }

    private static func targets(_ verdicts: [TargetVerdict]) -> String {
        Format.table([["Target", "measured", ""]] + verdicts.map { verdict in
            [verdict.target, verdict.measured, verdict.met.map { $0 ? "met" : "NOT MET" } ?? "not measured"]
        })
    }

    /// "100 connections, depth 16" or "1,000 connections, open loop 1/s".
    private static func describe(_ load: LoadResult) -> String {
        let connections = "\(Format.count(load.connections)) connection\(load.connections == 1 ? "" : "s")"
        if let rate = load.ratePerConnection { return "\(connections), open loop \(Format.number(rate))/s each" }
        let depth = load.pipelineDepth ?? 1
        return depth == 1 ? "\(connections), one at a time" : "\(connections), pipelined \(depth) deep"
    }

    private static func cell(_ load: LoadResult) -> String {
        var text = "\(Format.count(Int(load.answeredPerSecond)))/s, \(Format.number(load.latency.p99Microseconds / 1000)) ms"
        if load.failed > 0 { text += " (\(Format.count(load.failed)) failed)" }
        if load.connected < load.connections { text += " (\(Format.count(load.connected)) connected)" }
        return text
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
