@preconcurrency import Glibc
import Foundation

/// The lines typed in earlier sessions, one per line in a file of the
/// user's (created mode 0600: questions may hold a citizen's details),
/// capped at ``limit`` lines.
///
/// Each line is appended as it is entered, so a session that is killed
/// keeps what was typed; the file is cut back to the limit when loaded.
public struct HistoryFile: Sendable {
    public static let defaultLimit = 1000
    public static let defaultName = ".thutuc_history"

    public let path: String
    public let limit: Int

    public init(path: String, limit: Int = HistoryFile.defaultLimit) {
        self.path = path
        self.limit = max(1, limit)
    }

    /// `~/.thutuc_history`: HOME, or the user's home directory from the
    /// password database when HOME is unset; nil when neither is known.
    public static func inHomeDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> HistoryFile? {
        if let home = environment["HOME"], !home.isEmpty { return HistoryFile(path: home + "/" + defaultName) }
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        return HistoryFile(path: String(cString: directory) + "/" + defaultName)
    }

    /// The last ``limit`` lines; none when the file does not exist yet.
    /// A file grown past the limit is rewritten with only those.
    public func load() throws(HistoryError) -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count > limit else { return lines }
        let kept = Array(lines.suffix(limit))
        let text = kept.joined(separator: "\n") + "\n"
        let temporary = path + ".new"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0
        else {
            throw .unwritable(path, String(cString: strerror(errno)))
        }
        return kept
    }

    /// Adds one line at the end of the file.
    public func append(_ line: String) throws(HistoryError) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        var bytes = Array((line + "\n").utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { throw .unwritable(path, String(cString: strerror(errno))) }
            bytes = bytes.dropFirst(written)
        }
    }
}

/// Why the history could not be read or kept.
public enum HistoryError: Error, Sendable, CustomStringConvertible, Equatable {
    case unreadable(String)
    case unwritable(String, String)

    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read the history"
        case .unwritable(let path, let reason): "\(path): cannot write the history (\(reason))"
        }
    }
}
