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
        var samples: [UInt64] = []
        measurePasses(maximum: options.quick ? 1 : 5, budget: options.quick ? 1 : 4) { samples += askEveryTurn().latencies }

        let naiveStart = MonotonicTime.now()
        let naive = NaiveBaseline(knowledge: assistant.knowledge)
        let naiveSetup = MonotonicTime.seconds(from: naiveStart, to: MonotonicTime.now())
        var naiveSamples: [UInt64] = []
        var naiveCodes: [String?] = []
        measurePasses(maximum: options.quick ? 1 : 3, budget: options.quick ? 1 : 3) {
            naiveCodes = []
            for turn in mix.turns {
                let start = MonotonicTime.now()
                naiveCodes.append(naive.best(for: turn.q))
                naiveSamples.append(MonotonicTime.now() - start)
            }
        }

        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let engine = LatencySummary(nanoseconds: samples)
        let baseline = LatencySummary(nanoseconds: naiveSamples)
        return InProcessFigures(
            scale: options.scale, procedures: assistant.knowledge.procedures.count,
            loadMilliseconds: loadSeconds * 1000, indexMilliseconds: indexSeconds * 1000,
            residentMegabytes: Double(residentBytes) / 1_048_576, questionsPerPass: mix.turnCount,
            latency: engine, naive: baseline, naiveSetupMilliseconds: naiveSetup * 1000,
            speedupOverNaive: engine.medianMicroseconds > 0 ? baseline.medianMicroseconds / engine.medianMicroseconds : 0,
            engineTopOne: topOne(warmUp.codes), naiveTopOne: topOne(naiveCodes),
            throughputPerSecond: throughput(threads: threads, seconds: options.quick ? 1 : 3), throughputThreads: threads
        )
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
    /// without memory can answer) whose first named procedure was expected.
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
