@preconcurrency import Glibc
import Foundation

/// `thutuc-bench`: speed, memory and scale, measured side by side.
/// See docs/PERFORMANCE.md for the method and the latest figures.
do {
    let options = try BenchOptions(Array(CommandLine.arguments.dropFirst()))
    switch options.role {
    case .bench:
        if let seconds = options.profileSeconds {
            let bench = try InProcessBenchmark(options: options)
            print("asked \(bench.profile(seconds: seconds)) questions in \(seconds) s")
        } else {
            try Benchmark(options: options).run()
        }
    case .measure:
        let figures = try InProcessBenchmark(options: options).run()
        FileHandle.standardOutput.write(try JSONEncoder().encode(figures))
    case .server:
        exit(try ServerChild.run(options))
    }
} catch let error as UsageError {
    if let message = error.message { fputs("thutuc-bench: \(message)\n", stderr) }
    fputs(BenchOptions.usage + "\n", stderr)
    exit(error.message == nil ? 0 : 2)
} catch {
    fputs("thutuc-bench: \(error)\n", stderr)
    exit(1)
}
