@preconcurrency import Glibc

/// Resident memory, threads and CPU time of a process, or of a group of
/// processes added up (a cluster: its instances, HAProxy and Redis), read
/// from /proc.
///
/// The bench reads its children this way (the server and the in-process
/// worker), so one method serves every figure, whichever process holds it.
struct ProcessStats {
    /// The processes read; empty reads this process.
    let pids: [Int32]

    /// `nil` reads this process.
    init(pid: Int32?) {
        pids = pid.map { [$0] } ?? []
    }

    init(pids: [Int32]) {
        self.pids = pids
    }

    private var directories: [String] { pids.isEmpty ? ["/proc/self"] : pids.map { "/proc/\($0)" } }

    /// VmRSS: resident memory now, in bytes.
    var residentBytes: Int? { statusField("VmRSS").map { $0 * 1024 } }

    /// VmHWM: the highest resident memory so far, in bytes.
    var peakResidentBytes: Int? { statusField("VmHWM").map { $0 * 1024 } }

    /// Threads the processes run.
    var threads: Int? { statusField("Threads") }

    /// User plus system CPU seconds consumed so far (clock-tick resolution).
    var cpuSeconds: Double? {
        sum(directories.map { directory in
            guard let text = Self.read(directory + "/stat"), let close = text.lastIndex(of: ")") else { return nil }
            // Fields after the command name, which may itself hold spaces: state is
            // field 3, utime field 14 and stime field 15.
            let fields = text[text.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
            return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
        })
    }

    /// A numeric field of /proc/PID/status ("VmRSS:   1234 kB" gives 1234), added up over the processes.
    private func statusField(_ name: String) -> Int? {
        sum(directories.map { directory in
            guard let text = Self.read(directory + "/status") else { return nil }
            for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
                return line.dropFirst(name.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            }
            return nil
        })
    }

    /// The sum, or nil when any process could not be read.
    private func sum<Number: AdditiveArithmetic>(_ values: [Number?]) -> Number? {
        values.reduce(Number.zero as Number?) { total, value in total.flatMap { total in value.map { total + $0 } } }
    }

    /// Reads a /proc file whole: they report a size of zero, so read until end of file.
    static func read(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
