@preconcurrency import Glibc
import ThuTucTerminal

/// Lines typed at a terminal, with editing (``LineEditor``), history kept
/// across sessions (``HistoryFile``) and shell-like Ctrl-C and Ctrl-D.
final class TerminalInput {
    /// What a read gave.
    enum Input {
        case line(String)
        /// Ctrl-D on an empty line, a second Ctrl-C on an empty line, or the terminal gone.
        case end
    }

    private let terminal: RawTerminal
    private let prompt: String
    /// Shown after a first Ctrl-C on an empty line.
    private let interruptHint: String
    private let historyFile: HistoryFile?
    private var editor: LineEditor
    private var decoder = KeyDecoder()
    /// Keys read after an Enter (a paste of several lines), for the next reads.
    private var queued: [Key] = []
    private var warnedAboutHistory = false

    init(terminal: RawTerminal, prompt: String, interruptHint: String, history historyFile: HistoryFile?) {
        self.terminal = terminal
        self.prompt = prompt
        self.interruptHint = interruptHint
        self.historyFile = historyFile
        var earlier: [String] = []
        if let historyFile {
            do {
                earlier = try historyFile.load()
            } catch {
                TerminalOutput.write("thutuc: \(error)\n")
                warnedAboutHistory = true
            }
        }
        editor = LineEditor(history: earlier)
    }

    /// Reads one line, drawing the prompt and the line as it is edited.
    func read() -> Input {
        var interruptedOnEmpty = false
        redraw()
        while true {
            if queued.isEmpty {
                guard let bytes = readTerminal() else {
                    TerminalOutput.write("\n")
                    return .end
                }
                queued = decoder.feed(bytes)
            }
            while !queued.isEmpty {
                let outcome = editor.handle(queued.removeFirst())
                let secondInterrupt = interruptedOnEmpty && outcome == .interrupted(wasEmpty: true)
                interruptedOnEmpty = false
                switch outcome {
                case .edited:
                    continue
                case .submitted(let line):
                    TerminalOutput.write("\n")
                    keep(line)
                    return .line(line)
                case .interrupted(let wasEmpty):
                    TerminalOutput.write("^C\n")
                    if secondInterrupt { return .end }
                    if wasEmpty {
                        interruptedOnEmpty = true
                        TerminalOutput.write(interruptHint + "\n")
                    }
                case .endOfInput:
                    TerminalOutput.write("\n")
                    return .end
                case .clearScreen:
                    TerminalOutput.write("\u{1B}[H\u{1B}[2J")
                case .suspend:
                    TerminalOutput.write("\n")
                    terminal.suspend()
                }
            }
            redraw()
        }
    }

    private func redraw() {
        TerminalOutput.write(LineView(prompt: prompt, columns: TerminalOutput.columns()).render(editor.characters, cursor: editor.cursor))
    }

    /// Remembers a line in this session's history and the file's.
    private func keep(_ line: String) {
        let count = editor.history.count
        editor.remember(line)
        guard editor.history.count > count, let historyFile else { return }
        do {
            try historyFile.append(line)
        } catch {
            // Said once: a read-only home should not nag on every line.
            if !warnedAboutHistory { TerminalOutput.write("thutuc: \(error)\n") }
            warnedAboutHistory = true
        }
    }

    /// The next bytes from the terminal; nil at end of file or on an error.
    private func readTerminal() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count > 0 { return Array(buffer[0..<count]) }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }
}
