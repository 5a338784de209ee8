/// One keystroke (or one run of typed or pasted text) as the line editor
/// understands it, decoded from the bytes a terminal sends.
public enum Key: Sendable, Equatable {
    /// Printable text: one character typed, or several pasted at once.
    case text(String)
    case enter
    case backspace
    /// Delete, or Ctrl-D on a non-empty line: removes the character under the cursor.
    case delete
    case left, right, home, end, up, down
    case wordLeft, wordRight
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D: the end of input on an empty line.
    case endOfInput
    /// Ctrl-U: removes everything before the cursor.
    case killToStart
    /// Ctrl-K: removes everything from the cursor on.
    case killToEnd
    /// Ctrl-W: removes the word before the cursor.
    case killWord
    /// Ctrl-L.
    case clearScreen
    /// Ctrl-Z.
    case suspend
    /// A key or sequence the editor has no use for (Tab, F-keys, Insert…).
    case ignored
}
