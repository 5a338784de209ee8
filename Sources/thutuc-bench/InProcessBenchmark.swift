import Foundation
import Synchronization
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucSearch
import ThuTucServer

/// The in-process measurements of one scale, run in a child process so that
/// its resident memory is that scale's alone.
struct InProcessBenchmark {
    let options: BenchOptions
    let assistant: Assistant
    let mix: QuestionMix
    private let loadSeconds: Double
    private let indexSeconds: Double
    private let residentBytes: Int

    /// Loads and indexes the catalogue at `options.scale`, timing both.
    init(options: BenchOptions) throws {
        self.options = options
        let (knowledge, loadSeconds) = try CatalogueReplicator.load(directory: options.knowledge, scale: options.scale)
        let indexStart = MonotonicTime.now()
        let index = SearchIndex(knowledge: knowledge)
        indexSeconds = MonotonicTime.seconds(from: indexStart, to: MonotonicTime.now())
        self.loadSeconds = loadSeconds
        let configuration = Configuration()
        assistant = Assistant(
            engine: SearchEngine(index: index, options: SearchOptions(levelPreference: configuration.levelPreference)),
            hotline: configuration.hotline
        )
        residentBytes = ProcessStats(pid: nil).residentBytes ?? 0
        mix = try QuestionMix(required: options.questions, optional: options.sharedQuestions)
    }

    /// Runs every in-process measurement.
    func run() -> InProcessFigures {
        let warmUp = askEveryTurn()
        keepAsking(seconds: options.quick ? 0.2 : 1.5)
        var samples: [UInt64] = []
        var firstPass: [UInt64] = []
        measurePasses(maximum: options.quick ? 1 : 5, budget: options.quick ? 1 : 4) {
            let pass = askEveryTurn().latencies
            if firstPass.isEmpty { firstPass = pass }
            samples += pass
        }

        let naiveStart = MonotonicTime.now()
        let naive = NaiveBaseline(knowledge: assistant.knowledge)
        let naiveSetup = MonotonicTime.seconds(from: naiveStart, to: MonotonicTime.now())
        let (naiveSamples, naiveCodes) = askNaive(naive, passes: options.quick ? 1 : 3, budget: options.quick ? 1 : 3)
        let compared = naiveCodes.count
        let naiveMedian = LatencySummary(nanoseconds: Array(naiveSamples.prefix(compared))).medianMicroseconds
        let engineMedian = LatencySummary(nanoseconds: Array(firstPass.prefix(compared))).medianMicroseconds

        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return InProcessFigures(
            scale: options.scale, procedures: assistant.knowledge.procedures.count,
            loadMilliseconds: loadSeconds * 1000, indexMilliseconds: indexSeconds * 1000,
            residentMegabytes: Double(residentBytes) / 1_048_576, questionsPerPass: mix.turnCount,
            latency: LatencySummary(nanoseconds: samples), naive: LatencySummary(nanoseconds: naiveSamples),
            naiveSetupMilliseconds: naiveSetup * 1000, naiveQuestions: compared,
            speedupOverNaive: engineMedian > 0 ? naiveMedian / engineMedian : 0,
            engineTopOne: topOne(warmUp.codes), naiveTopOne: topOne(naiveCodes),
            throughputPerSecond: throughput(threads: threads, seconds: options.quick ? 1 : 3), throughputThreads: threads,
            throughputOneThreadPerSecond: throughput(threads: 1, seconds: options.quick ? 0.5 : 2)
        )
    }

    /// The naive baseline over the turns in order, `passes` times, stopping
    /// early once `budget` seconds have gone and at least 50 turns were
    /// asked: at 50× one pass would take the better part of a minute.
    /// Returns every latency and the codes named in the first pass.
    private func askNaive(_ naive: NaiveBaseline, passes: Int, budget: Double) -> (latencies: [UInt64], codes: [String?]) {
        let turns = mix.turns
        var latencies: [UInt64] = []
        var codes: [String?] = []
        let start = MonotonicTime.now()
        while latencies.count < turns.count * passes {
            let before = MonotonicTime.now()
            let code = naive.best(for: turns[latencies.count % turns.count].q)
            latencies.append(MonotonicTime.now() - before)
            if codes.count < turns.count { codes.append(code) }
            if latencies.count >= min(50, turns.count), MonotonicTime.seconds(from: start, to: MonotonicTime.now()) > budget { break }
        }
        return (latencies, codes)
    }

    /// Asks the mix on one thread for `seconds`, for a profiler; returns the questions asked.
    func profile(seconds: Double) -> Int {
        let deadline = MonotonicTime.now() + UInt64(seconds * 1e9)
        var asked = 0
        while MonotonicTime.now() < deadline { asked += askEveryTurn().latencies.count }
        return asked
    }

    /// One pass: every dialogue in its own session, turns in order.
    private func askEveryTurn() -> (latencies: [UInt64], codes: [String?]) {
        var latencies: [UInt64] = []
        var codes: [String?] = []
        latencies.reserveCapacity(mix.turnCount)
        for dialogue in mix.dialogues {
            var session = Session()
            for turn in dialogue {
                let start = MonotonicTime.now()
                let reply = assistant.respond(to: turn.q, in: &session)
                latencies.append(MonotonicTime.now() - start)
                codes.append(reply.procedure?.code)
            }
        }
        return (latencies, codes)
    }

    /// Asks the mix over and over for `seconds`, measuring nothing.
    private func keepAsking(seconds: Double) {
        let start = MonotonicTime.now()
        while MonotonicTime.seconds(from: start, to: MonotonicTime.now()) < seconds {
            _ = askEveryTurn()
        }
    }

    /// Runs `pass` at least once and at most `maximum` times, stopping early
    /// once `budget` seconds have gone: a large scale gets fewer passes.
    private func measurePasses(maximum: Int, budget: Double, _ pass: () -> Void) {
        let start = MonotonicTime.now()
        for _ in 0..<maximum {
            pass()
            if MonotonicTime.seconds(from: start, to: MonotonicTime.now()) > budget { break }
        }
    }

    /// The share of single questions and dialogue openings (turns a baseline
    /// without memory can answer) whose first named procedure was expected,
    /// among the turns `codes` covers.
    private func topOne(_ codes: [String?]) -> Double {
        var asked = 0
        var right = 0
        var position = 0
        for dialogue in mix.dialogues {
            if let first = dialogue.first, !first.expect.isEmpty, position < codes.count {
                asked += 1
                if let code = codes[position], first.expect.contains(code) { right += 1 }
            }
            position += dialogue.count
        }
        return asked == 0 ? 0 : Double(right) / Double(asked)
    }

    /// Questions per second with `threads` threads asking for `seconds`, each
    /// starting at a different place in the mix.
    private func throughput(threads: Int, seconds: Double) -> Double {
        let answered = Mutex(0)
        let dialogues = mix.dialogues
        let start = MonotonicTime.now()
        let deadline = start + UInt64(seconds * 1e9)
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var count = 0
            var next = worker * dialogues.count / threads
            while MonotonicTime.now() < deadline {
                var session = Session()
                for turn in dialogues[next] {
                    _ = assistant.respond(to: turn.q, in: &session)
                    count += 1
                }
                next = (next + 1) % dialogues.count
            }
            answered.withLock { $0 += count }
        }
        let elapsed = MonotonicTime.seconds(from: start, to: MonotonicTime.now())
        return Double(answered.withLock { $0 }) / elapsed
    }
}
