/// The command line of `thutuc-bench`.
///
/// The bench runs its measurements in child processes of its own executable
/// (see ``Benchmark``); `--role` tells such a child what it is, and is not
/// meant to be typed by hand.
struct BenchOptions: Sendable {
    enum Role: String, Sendable {
        /// Runs every measurement and writes the report (the default).
        case bench
        /// A child: loads one scale and measures it in process, printing JSON.
        case measure
        /// A child: serves one scale over TCP until its standard input closes.
        case server
    }

    var role = Role.bench
    var knowledge = "Knowledge"
    var questions = "Tests/Questions/questions.jsonl"
    /// Read too when present; the bench works without it.
    var sharedQuestions = ["../shared/eval/dev.jsonl"]
    var output = "bench-results.json"
    var quick = false
    var skipTCP = false
    var skipScale = false
    var skipRedis = false
    var skipCluster = false
    /// For a server child: keep sessions in the Redis on this loopback port.
    var redisPort: Int?
    /// Catalogue sizes to measure, as multiples of Knowledge/.
    var scales: [Int]?
    /// For a child: the one scale it serves or measures.
    var scale = 1
    var idleConnections = 10_000
    /// Before each step, wait up to this long for other processes to go quiet.
    var waitQuietSeconds = 0.0
    /// Runs only the single-question loop for this long, for a profiler.
    var profileSeconds: Double?

    static let usage = """
        usage: thutuc-bench [--quick] [--skip-tcp] [--skip-scale] [--skip-redis] [--skip-cluster] [--scales 1,10,50]
                            [--idle N] [--wait-quiet SECONDS] [--output FILE] [--knowledge DIR]
                            [--questions FILE] [--also-questions FILE]...
               thutuc-bench --profile SECONDS [--scale N]
        Measures load, index, memory, latency and throughput in process and over TCP,
        prints a table and writes the figures as JSON (default bench-results.json).
        """

    /// The scales this run measures.
    var effectiveScales: [Int] {
        if let scales { return scales }
        if skipScale { return [1] }
        return quick ? [1, 10] : [1, 10, 50]
    }

    init(_ arguments: [String]) throws(UsageError) {
        var remaining = arguments[...]
        var replacedShared = false
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = remaining.popFirst() else { throw UsageError("\(flag) needs a value") }
            return next
        }
        func number(_ flag: String, in range: ClosedRange<Int>) throws(UsageError) -> Int {
            let text = try value(flag)
            guard let number = Int(text), range.contains(number) else { throw UsageError("\(flag): expected \(range.lowerBound)…\(range.upperBound), got '\(text)'") }
            return number
        }
        while let flag = remaining.popFirst() {
            switch flag {
            case "--quick": quick = true
            case "--skip-tcp": skipTCP = true
            case "--skip-scale": skipScale = true
            case "--skip-redis": skipRedis = true
            case "--skip-cluster": skipCluster = true
            case "--redis-port": redisPort = try number(flag, in: 1...65_535)
            case "--output": output = try value(flag)
            case "--knowledge": knowledge = try value(flag)
            case "--questions": questions = try value(flag)
            case "--also-questions":
                if !replacedShared { sharedQuestions = [] }
                replacedShared = true
                sharedQuestions.append(try value(flag))
            case "--idle": idleConnections = try number(flag, in: 0...100_000)
            case "--scale": scale = try number(flag, in: 1...CatalogueReplicator.maximumScale)
            case "--scales":
                let text = try value(flag)
                let parsed = text.split(separator: ",").compactMap { Int($0) }
                guard !parsed.isEmpty, parsed.count == text.split(separator: ",").count,
                      parsed.allSatisfy({ (1...CatalogueReplicator.maximumScale).contains($0) })
                else { throw UsageError("--scales: expected numbers from 1 to \(CatalogueReplicator.maximumScale), such as 1,10,50") }
                scales = parsed
            case "--wait-quiet":
                let text = try value(flag)
                guard let seconds = Double(text), seconds >= 0 else { throw UsageError("--wait-quiet: expected seconds, got '\(text)'") }
                waitQuietSeconds = seconds
            case "--profile":
                let text = try value(flag)
                guard let seconds = Double(text), seconds > 0 else { throw UsageError("--profile: expected seconds, got '\(text)'") }
                profileSeconds = seconds
            case "--role":
                let text = try value(flag)
                guard let parsed = Role(rawValue: text) else { throw UsageError("--role: unknown role '\(text)'") }
                role = parsed
            case "--help", "-h":
                throw UsageError(nil)
            default:
                throw UsageError("unknown option '\(flag)'")
            }
        }
    }

    /// The flags a child needs to see the same inputs as its parent.
    func childArguments(role: Role, scale: Int) -> [String] {
        var arguments = ["--role", role.rawValue, "--scale", String(scale), "--knowledge", knowledge, "--questions", questions]
        if quick { arguments.append("--quick") }
        for path in sharedQuestions { arguments += ["--also-questions", path] }
        return arguments
    }
}

/// A bad command line; `nil` asks for the usage text alone.
struct UsageError: Error {
    let message: String?
    init(_ message: String?) { self.message = message }
}
