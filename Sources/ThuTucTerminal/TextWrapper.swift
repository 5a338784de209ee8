/// Wraps text to a width at word boundaries, for a terminal that would
/// otherwise cut words in the middle ("văn b|ản").
///
/// Continuation lines keep the line's indentation and, for a list item
/// ("1. …", "- …"), hang under the item's text rather than its number. A
/// word wider than the line (a long link) is not cut: it gets a line of its
/// own and the terminal folds it, so that it can still be selected whole.
public struct TextWrapper: Sendable {
    public var width: Int

    public init(width: Int) {
        self.width = max(10, width)
    }

    public func wrap(_ text: StyledText) -> StyledText {
        var output: [StyledText.Cell] = []
        var line: [StyledText.Cell] = []
        for cell in text.cells {
            if cell.character == "\n" {
                output += wrapLine(line)
                output.append(cell)
                line = []
            } else {
                line.append(cell)
            }
        }
        output += wrapLine(line)
        return StyledText(cells: output)
    }

    private func wrapLine(_ cells: [StyledText.Cell]) -> [StyledText.Cell] {
        guard DisplayWidth.of(cells.map(\.character)) > width else { return cells }
        let indent = min(hangingIndent(cells), width / 2)
        var output: [StyledText.Cell] = []
        var column = 0
        var index = 0
        // Leading blanks are kept as they are on the first line.
        while index < cells.count, cells[index].character == " " {
            output.append(cells[index])
            column += 1
            index += 1
        }
        var lineHasWord = false
        while index < cells.count {
            var end = index
            while end < cells.count, cells[end].character != " " { end += 1 }
            let word = cells[index..<end]
            let wordWidth = DisplayWidth.of(word.map(\.character))
            let gap = lineHasWord ? 1 : 0
            if lineHasWord, column + gap + wordWidth > width {
                output.append(StyledText.Cell(character: "\n", style: .plain))
                output += Array(repeating: StyledText.Cell(character: " ", style: .plain), count: indent)
                column = indent
            } else if lineHasWord {
                // The blank keeps the style around it, so a bold name stays bold across its spaces.
                let style = output.last?.style == word.first?.style ? word.first?.style ?? .plain : .plain
                output.append(StyledText.Cell(character: " ", style: style))
                column += 1
            }
            output += word
            column += wordWidth
            lineHasWord = true
            index = end
            while index < cells.count, cells[index].character == " " { index += 1 }
        }
        return output
    }

    /// The columns a continuation line is indented by: the line's leading
    /// blanks, plus the marker of a list item ("12. ", "- ", "• ").
    private func hangingIndent(_ cells: [StyledText.Cell]) -> Int {
        let characters = cells.map(\.character)
        var index = 0
        while index < characters.count, characters[index] == " " { index += 1 }
        let leading = index
        var digits = index
        while digits < characters.count, characters[digits].isASCII, characters[digits].isNumber { digits += 1 }
        if digits > index, digits + 1 < characters.count, characters[digits] == ".", characters[digits + 1] == " " {
            return digits + 2
        }
        if index + 1 < characters.count, ["-", "•", "*"].contains(characters[index]), characters[index + 1] == " " {
            return index + 2
        }
        return leading
    }
}
