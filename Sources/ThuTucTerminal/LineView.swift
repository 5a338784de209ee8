/// What to write to show the line being edited on one terminal row: the
/// prompt, the part of the line around the cursor that fits (long lines
/// scroll sideways rather than wrap, so redrawing never has to find earlier
/// rows), and the cursor put back in place.
public struct LineView: Sendable {
    public var prompt: String
    public var columns: Int

    public init(prompt: String, columns: Int) {
        self.prompt = prompt
        self.columns = max(2, columns)
    }

    /// The bytes that redraw the row for `characters` with the cursor before `cursor`.
    public func render(_ characters: [Character], cursor: Int) -> String {
        let promptWidth = DisplayWidth.of(prompt)
        // One column stays free so the cursor never sits past the last one.
        let room = max(1, columns - promptWidth - 1)
        var start = 0
        var widthBefore = DisplayWidth.of(characters[..<cursor])
        while widthBefore > room {
            widthBefore -= DisplayWidth.of(characters[start])
            start += 1
        }
        var end = cursor
        var used = widthBefore
        while end < characters.count, used + DisplayWidth.of(characters[end]) <= room {
            used += DisplayWidth.of(characters[end])
            end += 1
        }
        let visible = String(characters[start..<end])
        let column = promptWidth + widthBefore
        return "\r" + prompt + visible + "\u{1B}[K" + "\r" + (column > 0 ? "\u{1B}[\(column)C" : "")
    }
}
