/// The line being typed, as a list of characters (grapheme clusters), so
/// that moving and deleting step over "ế" once whether it was typed as one
/// precomposed scalar or as "e" and two combining marks; with the history
/// of earlier lines for Up and Down.
///
/// Only state: the caller decodes keys, hands them to ``handle(_:)`` and
/// draws the line (``LineView``).
public struct LineEditor: Sendable {
    /// What a key did.
    public enum Outcome: Sendable, Equatable {
        /// The line changed or the cursor moved: draw it again.
        case edited
        /// Enter: the line is done.
        case submitted(String)
        /// Ctrl-C: the line was dropped; `wasEmpty` tells whether there was anything to drop.
        case interrupted(wasEmpty: Bool)
        /// Ctrl-D on an empty line.
        case endOfInput
        case clearScreen
        case suspend
    }

    public private(set) var characters: [Character] = []
    /// Where the next character goes, 0…characters.count.
    public private(set) var cursor = 0
    public private(set) var history: [String]
    /// The history line shown, while browsing; nil on the line being typed.
    private var browsing: Int?
    /// The line being typed, kept while browsing the history.
    private var draft: [Character] = []

    public init(history: [String] = []) {
        self.history = history
    }

    public var text: String { String(characters) }

    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .text(let typed): insert(typed)
        case .enter:
            let line = text
            clear()
            return .submitted(line)
        case .backspace:
            guard cursor > 0 else { break }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .endOfInput:
            guard !characters.isEmpty else { return .endOfInput }
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .up: recall(older: true)
        case .down: recall(older: false)
        case .killToStart:
            characters.removeFirst(cursor)
            cursor = 0
        case .killToEnd:
            characters.removeLast(characters.count - cursor)
        case .killWord:
            let start = wordStart(before: cursor)
            characters.removeSubrange(start..<cursor)
            cursor = start
        case .interrupt:
            let wasEmpty = characters.isEmpty
            clear()
            return .interrupted(wasEmpty: wasEmpty)
        case .clearScreen: return .clearScreen
        case .suspend: return .suspend
        case .ignored: break
        }
        return .edited
    }

    /// Adds a line to the history, unless it is blank or repeats the last one.
    public mutating func remember(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }), history.last != line else { return }
        history.append(line)
    }

    /// Inserts at the cursor. Joining through String lets a combining mark
    /// typed on its own merge with the character before it.
    private mutating func insert(_ typed: String) {
        let before = String(characters[..<cursor]) + typed
        let joined = Array(before)
        characters = joined + characters[cursor...]
        cursor = joined.count
        // A mark typed right before existing text may also merge forwards; recount to stay exact.
        let whole = Array(String(characters))
        if whole.count != characters.count {
            characters = whole
            cursor = min(cursor, whole.count)
        }
    }

    private mutating func clear() {
        characters = []
        cursor = 0
        browsing = nil
        draft = []
    }

    private mutating func recall(older: Bool) {
        guard !history.isEmpty else { return }
        let current = browsing ?? history.count
        let next = older ? current - 1 : current + 1
        guard next >= 0, next <= history.count else { return }
        if browsing == nil { draft = characters }
        if next == history.count {
            characters = draft
            browsing = nil
        } else {
            characters = Array(history[next])
            browsing = next
        }
        cursor = characters.count
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, characters[index - 1].isWhitespace { index -= 1 }
        while index > 0, !characters[index - 1].isWhitespace { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        while index < characters.count, !characters[index].isWhitespace { index += 1 }
        return index
    }
}
