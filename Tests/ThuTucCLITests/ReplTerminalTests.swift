@preconcurrency import Glibc
import Foundation
import Testing

/// The REPL as hotline staff use it: on a terminal (a pseudo-terminal of a
/// set width), with line editing, history across sessions, Ctrl-C and
/// Ctrl-D, wrapped and styled answers, and the terminal restored however it ends.
@Suite("REPL on a terminal")
struct ReplTerminalTests {
    static let left = "\u{1B}[D", right = "\u{1B}[C", home = "\u{1B}[H", end = "\u{1B}[F", up = "\u{1B}[A"
    static let interrupt = "\u{03}", endOfInput = "\u{04}", killToStart = "\u{15}", killToEnd = "\u{0B}", killWord = "\u{17}"
    /// A fresh prompt after output (the greeting or an answer), not a redraw of the line being edited.
    static let promptAfterOutput = "\r\n\r> "
    /// The first prompt: the knowledge is loaded and the greeting shown.
    static let ready = promptAfterOutput

    /// The lines a history file holds, as bytes: an NFD line must not compare equal to its NFC form.
    static func historyLines(_ path: String) -> [[UInt8]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return Array(data).split(separator: 0x0A).map(Array.init)
    }

    @Test("arrows, Home/End and kill keys edit by character, a decomposed ế counting as one")
    func editing() throws {
        let home = try Thutuc.temporaryDirectory("repl-edit")
        defer { try? FileManager.default.removeItem(at: home) }
        let history = home.appendingPathComponent("history").path
        let terminal = try PseudoTerminal(["repl", "--history", history], environment: PseudoTerminal.environment(home: home.path))
        try terminal.waitFor(Self.ready)
        try terminal.type("ký kết hôn" + Self.home + "đăng " + Self.end + "\r")
        try terminal.waitFor("1.000894")
        // "ế" typed as e + circumflex + acute: five Lefts reach it, one Backspace removes all three scalars.
        try terminal.type("đăng ký ke\u{0302}\u{0301}t hôn" + String(repeating: Self.left, count: 5) + "\u{7F}" + "\u{00EA}" + Self.right + "\r")
        try terminal.type("xyz abc" + Self.killWord + Self.killToStart + " làm hộ chiếu xxx" + String(repeating: Self.left, count: 4) + Self.killToEnd)
        try terminal.type(Self.home + "lệ phí" + "\r")
        try terminal.waitFor("1.001456")
        try terminal.type(Self.endOfInput)
        #expect(try terminal.exitStatus() == 0)
        #expect(Self.historyLines(history) == [
            Array("đăng ký kết hôn".utf8), Array("đăng ký k\u{00EA}t hôn".utf8), Array("lệ phí làm hộ chiếu".utf8),
        ], "\(Self.historyLines(history).map { String(decoding: $0, as: UTF8.self).debugDescription })")
    }

    @Test("the history is kept in ~/.thutuc_history across runs, mode 0600; --no-history keeps none")
    func historyAcrossRuns() throws {
        let home = try Thutuc.temporaryDirectory("repl-history")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = PseudoTerminal.environment(home: home.path)
        let first = try PseudoTerminal(["repl"], environment: environment)
        try first.waitFor(Self.ready)
        try first.type("lệ phí làm hộ chiếu\r")
        try first.waitFor("1.001456")
        try first.type(Self.endOfInput)
        #expect(try first.exitStatus() == 0)
        let file = home.appendingPathComponent(".thutuc_history").path
        #expect(Self.historyLines(file) == [Array("lệ phí làm hộ chiếu".utf8)])
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let second = try PseudoTerminal(["repl"], environment: environment)
        try second.waitFor(Self.ready)
        try second.type(Self.up + "\r")
        try second.waitFor("1.001456")
        try second.type(Self.endOfInput)
        #expect(try second.exitStatus() == 0)
        #expect(Self.historyLines(file).count == 1, "a repeated line is not stored twice")

        let without = try PseudoTerminal(["repl", "--no-history"], environment: environment)
        try without.waitFor(Self.ready)
        try without.type(Self.up + "\r" + "đăng ký khai sinh\r")
        try without.waitFor("1.001193")
        #expect(!without.screen.contains("1.001456"), "no history: Up recalled nothing")
        try without.type(Self.endOfInput)
        #expect(try without.exitStatus() == 0)
        #expect(Self.historyLines(file).count == 1)
    }

    @Test("Ctrl-C drops the line; on an empty line it says how to quit, and a second one quits; the terminal is restored")
    func controlC() throws {
        let home = try Thutuc.temporaryDirectory("repl-ctrl-c")
        defer { try? FileManager.default.removeItem(at: home) }
        let history = home.appendingPathComponent("history").path
        let terminal = try PseudoTerminal(["repl", "--history", history], environment: PseudoTerminal.environment(home: home.path))
        try terminal.waitFor(Self.ready)
        #expect(terminal.localModes & tcflag_t(ICANON | ECHO) == 0, "raw mode while editing")
        try terminal.type("đăng ký khai sinh" + Self.interrupt)
        try terminal.waitFor("^C")
        try terminal.type("\r" + Self.interrupt)
        try terminal.waitFor("Ctrl-C lần nữa")
        try terminal.type(Self.interrupt)
        #expect(try terminal.exitStatus() == 0)
        #expect(!terminal.screen.contains("1.001193"), "the dropped line was not asked")
        #expect(Self.historyLines(history).isEmpty)
        #expect(terminal.localModes & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO), "the terminal is back in line mode")
    }

    @Test("Ctrl-D deletes under the cursor on a line with text, and on an empty line quits with a newline")
    func controlD() throws {
        let home = try Thutuc.temporaryDirectory("repl-ctrl-d")
        defer { try? FileManager.default.removeItem(at: home) }
        let history = home.appendingPathComponent("history").path
        let terminal = try PseudoTerminal(["repl", "--history", history], environment: PseudoTerminal.environment(home: home.path))
        try terminal.waitFor(Self.ready)
        try terminal.type("abc" + Self.home + Self.endOfInput + Self.endOfInput + "\r")
        try terminal.waitFor(Self.promptAfterOutput, count: 2)
        try terminal.type(Self.endOfInput)
        #expect(try terminal.exitStatus() == 0)
        #expect(Self.historyLines(history) == [Array("c".utf8)])
        #expect(terminal.screen.hasSuffix("\r\n"), "\(terminal.screen.suffix(40).debugDescription)")
        #expect(terminal.localModes & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
    }

    @Test("SIGTERM while editing ends the REPL with the terminal restored")
    func signalRestores() throws {
        let home = try Thutuc.temporaryDirectory("repl-signal")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try PseudoTerminal(["repl", "--no-history"], environment: PseudoTerminal.environment(home: home.path))
        try terminal.waitFor(Self.ready)
        try terminal.type("đăng")
        #expect(terminal.localModes & tcflag_t(ICANON | ECHO) == 0)
        terminal.signal(SIGTERM)
        #expect(try terminal.exitStatus() == -SIGTERM)
        #expect(terminal.localModes & tcflag_t(ICANON | ECHO) == tcflag_t(ICANON | ECHO))
    }

    @Test("answers are wrapped at the terminal's width between words, list items hanging under their number; name bold, link dim")
    func wrappingAndStyles() throws {
        let question = "đăng ký khai sinh cần giấy tờ gì"
        let plain = try Thutuc.run(["ask", question])
        let home = try Thutuc.temporaryDirectory("repl-wrap")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try PseudoTerminal(["repl", "--no-history"], columns: 40, environment: PseudoTerminal.environment(home: home.path))
        try terminal.waitFor(Self.ready)
        try terminal.type(question + "\r")
        try terminal.waitFor("Chi tiết chính thức")
        try terminal.waitFor(Self.promptAfterOutput, count: 2)
        let screen = terminal.plainScreen
        let start = try #require(screen.range(of: "Thủ tục đăng ký khai sinh (mã 1.001193)"))
        let end = try #require(screen.range(of: "\r> ", range: start.upperBound..<screen.endIndex))
        let lines = screen[start.lowerBound..<end.lowerBound].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines where line.split(separator: " ").count > 1 {
            #expect(line.count <= 40, "wider than the terminal: \(line.debugDescription)")
        }
        #expect(lines.count > plain.output.split(separator: "\n").count, "some lines were wrapped")
        #expect(lines.joined(separator: " ").split(separator: " ") == plain.output.split(whereSeparator: \.isWhitespace), "no word cut or lost")
        // A continuation of "1. …" starts under the item's text, three columns in.
        let item = try #require(lines.firstIndex { $0.hasPrefix("1. ") })
        #expect(lines[item + 1].hasPrefix("   ") && !lines[item + 1].hasPrefix("    "), "\(lines[item + 1].debugDescription)")
        #expect(terminal.screen.contains("\u{1B}[1mThủ tục đăng ký khai sinh"), "the procedure's name is bold")
        #expect(terminal.screen.contains("\u{1B}[2mhttps://dichvucong.gov.vn/"), "the link is dim")
        try terminal.type(Self.endOfInput)
        #expect(try terminal.exitStatus() == 0)
    }

    @Test("NO_COLOR keeps the answers free of attributes, still wrapped")
    func noColor() throws {
        let home = try Thutuc.temporaryDirectory("repl-no-color")
        defer { try? FileManager.default.removeItem(at: home) }
        let environment = PseudoTerminal.environment(home: home.path, extra: ["NO_COLOR": "1"])
        let terminal = try PseudoTerminal(["repl", "--no-history"], columns: 50, environment: environment)
        try terminal.waitFor(Self.ready)
        try terminal.type("lệ phí làm hộ chiếu\r")
        try terminal.waitFor("Chi tiết chính thức")
        try terminal.type(Self.endOfInput)
        #expect(try terminal.exitStatus() == 0)
        #expect(!terminal.screen.contains("\u{1B}[1m") && !terminal.screen.contains("\u{1B}[2m") && !terminal.screen.contains("\u{1B}[0m"))
        #expect(terminal.screen.contains("1.001456"))
    }

    @Test("one greeting names the REPL's own commands; :top lists candidates with codes, :why explains, :reset and :quit work")
    func commands() throws {
        let home = try Thutuc.temporaryDirectory("repl-commands")
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = try PseudoTerminal(["repl", "--no-history"], environment: PseudoTerminal.environment(home: home.path, extra: ["NO_COLOR": "1"]))
        try terminal.waitFor(Self.ready)
        let greeting = terminal.plainScreen
        for command in [":why", ":top", ":reset", ":help", ":quit"] { #expect(greeting.contains(command), "\(command) missing from the greeting") }
        #expect(!greeting.contains("HELP") && !greeting.contains("QUIT"), "the TCP server's commands are not the REPL's")
        try terminal.type(":top\r")
        try terminal.waitFor("Chưa có câu hỏi nào")
        try terminal.type("đăng ký kết hôn\r:top\r")
        try terminal.waitFor("Các thủ tục khớp nhất")
        try terminal.waitFor("(mã 2.000806)")
        try terminal.type(":why\r:reset\r:quit\r")
        try terminal.waitFor("Đã bắt đầu lại")
        #expect(try terminal.exitStatus() == 0)
    }
}
