@preconcurrency import Glibc
import Foundation

/// The machine a run measured, for the report.
struct Machine: Codable, Sendable {
    var cores: Int
    var cpuModel: String
    var kernel: String
    var memoryMegabytes: Int

    static func current() -> Machine {
        var names = utsname()
        uname(&names)
        let kernel = withUnsafeBytes(of: &names.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let cpuinfo = ProcessStats.read("/proc/cpuinfo") ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?.split(separator: ":", maxSplits: 1).last
        let meminfo = ProcessStats.read("/proc/meminfo") ?? ""
        let total = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal:") }?.split(separator: " ").dropFirst().first.flatMap { Int($0) }
        return Machine(
            cores: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "unknown",
            kernel: kernel, memoryMegabytes: (total ?? 0) / 1024
        )
    }

    /// The 1-minute load average now.
    static func loadAverage() -> Double {
        Double(ProcessStats.read("/proc/loadavg")?.split(separator: " ").first ?? "") ?? 0
    }
}
