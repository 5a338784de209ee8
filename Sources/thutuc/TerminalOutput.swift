@preconcurrency import Glibc
import Foundation
import ThuTucDialogue
import ThuTucTerminal

/// Writing to the terminal on standard output: its width, whether it takes
/// attributes, and replies wrapped and styled for it.
enum TerminalOutput {
    /// Writes straight to the descriptor, after anything Swift's `print` buffered.
    static func write(_ text: String) {
        fflush(stdout)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// The terminal's width in columns (TIOCGWINSZ), read each time so that
    /// a resized window is followed; 80 when it cannot be known.
    static func columns() -> Int {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    /// Bold and dim are used only on a terminal, and not when NO_COLOR is set
    /// (https://no-color.org) or TERM is "dumb".
    static func takesAttributes(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard isatty(1) != 0 else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// A reply as the terminal shows it: the procedure's name (and the names
    /// offered in a clarification) bold, links dim, wrapped to the width.
    static func styled(_ reply: Reply) -> StyledText {
        var text = StyledText(reply.text)
        for name in [reply.procedure?.name].compactMap({ $0 }) + reply.choices.map(\.name) {
            text.style(occurrencesOf: name, as: .bold)
        }
        text.style(wordsStartingWith: "https://", as: .dim)
        text.style(wordsStartingWith: "http://", as: .dim)
        return text
    }
}
