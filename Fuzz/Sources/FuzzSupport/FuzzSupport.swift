@preconcurrency import Glibc
import CLibFuzzer
import Foundation
import ThuTucServer

/// What the fuzz targets share.
public enum FuzzSupport {
    /// The repository root, from where this file sits (Fuzz/Sources/FuzzSupport/).
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The knowledge to load: $THUTUC_KNOWLEDGE, or the repository's Knowledge/.
    public static var knowledgeDirectory: String {
        ProcessInfo.processInfo.environment["THUTUC_KNOWLEDGE"] ?? repositoryRoot + "/Knowledge"
    }

    /// A service over the real knowledge, loaded once per process (the first
    /// input pays for it; the time goes to stderr). No token is configured,
    /// so RELOAD, which would load the knowledge again per input, is always
    /// refused.
    public static let service: Service = {
        var configuration = Configuration()
        configuration.knowledge = knowledgeDirectory
        let start = Date()
        do {
            let service = try Service.load(configuration: configuration, log: RequestLog(enabled: false))
            let seconds = Date().timeIntervalSince(start)
            fputs("fuzz: loaded \(knowledgeDirectory) (\(service.assistant.knowledge.procedures.count) procedures) in \(String(format: "%.1f", seconds)) s\n", stderr)
            return service
        } catch {
            fatalError("fuzz: cannot load \(knowledgeDirectory): \(error)")
        }
    }()

    /// Traps with `message` when an invariant does not hold, so that libFuzzer
    /// records the input as a crash.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant broken: \(message())") }
    }

    /// The input as bytes (libFuzzer may pass no pointer for an empty input).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size > 0 ? data : nil, count: size > 0 ? size : 0)
    }

    /// The input as text: invalid UTF-8 is repaired the way a String repairs it.
    public static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }

    /// Runs libFuzzer on `target` with the process's arguments; what each
    /// target's `<Module>_main` returns.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        _ target: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, target)
    }
}
