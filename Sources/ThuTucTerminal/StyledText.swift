/// Text with a style per character, for output that may be wrapped and
/// then rendered with or without terminal attributes.
public struct StyledText: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case plain
        /// SGR 1: the procedure's name.
        case bold
        /// SGR 2: the official link, present but out of the way.
        case dim
    }

    public struct Cell: Sendable, Equatable {
        public var character: Character
        public var style: Style
    }

    public var cells: [Cell]

    public init(_ text: String, style: Style = .plain) {
        cells = text.map { Cell(character: $0, style: style) }
    }

    public init(cells: [Cell]) {
        self.cells = cells
    }

    public var text: String { String(cells.map(\.character)) }

    /// Gives `style` to every occurrence of `phrase`, matched character by character.
    public mutating func style(occurrencesOf phrase: String, as style: Style) {
        let target = Array(phrase)
        guard !target.isEmpty, target.count <= cells.count else { return }
        var index = 0
        while index + target.count <= cells.count {
            if (0..<target.count).allSatisfy({ cells[index + $0].character == target[$0] }) {
                for offset in 0..<target.count { cells[index + offset].style = style }
                index += target.count
            } else {
                index += 1
            }
        }
    }

    /// Gives `style` to every word (a run without blanks) starting with `prefix`.
    public mutating func style(wordsStartingWith prefix: String, as style: Style) {
        let target = Array(prefix)
        var index = 0
        while index < cells.count {
            let atWordStart = index == 0 || cells[index - 1].character.isWhitespace
            if atWordStart, index + target.count <= cells.count, (0..<target.count).allSatisfy({ cells[index + $0].character == target[$0] }) {
                while index < cells.count, !cells[index].character.isWhitespace {
                    cells[index].style = style
                    index += 1
                }
            } else {
                index += 1
            }
        }
    }

    /// The text with SGR attributes where the style changes, reset at the
    /// end of every line so that nothing bleeds into the prompt.
    public func rendered(attributes: Bool) -> String {
        guard attributes else { return text }
        var output = ""
        var current = Style.plain
        for cell in cells {
            if cell.character == "\n", current != .plain {
                output += "\u{1B}[0m"
                current = .plain
            }
            if cell.style != current, cell.character != "\n" {
                output += cell.style == .plain ? "\u{1B}[0m" : "\u{1B}[0m" + Self.sequence(cell.style)
                current = cell.style
            }
            output.append(cell.character)
        }
        if current != .plain { output += "\u{1B}[0m" }
        return output
    }

    private static func sequence(_ style: Style) -> String {
        switch style {
        case .plain: ""
        case .bold: "\u{1B}[1m"
        case .dim: "\u{1B}[2m"
        }
    }
}
