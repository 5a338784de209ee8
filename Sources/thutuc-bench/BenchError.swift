@preconcurrency import Glibc

/// A failure that stops the bench, with the call or step that failed.
enum BenchError: Error, CustomStringConvertible {
    case system(String, Int32)
    case child(String)

    var description: String {
        switch self {
        case .system(let call, let code): "\(call): \(String(cString: strerror(code)))"
        case .child(let message): message
        }
    }
}
