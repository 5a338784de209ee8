/// An answer in parts, so that cutting it to a channel's size keeps what
/// matters in order: the procedure's name (the head), then what was asked
/// (the first ``essential`` body lines), then the official link (the tail),
/// then the rest of the body.
public struct RenderedAnswer: Sendable {
    public var head: String
    public var body: [String]
    public var tail: String
    /// The head in fewer characters (the name without its code), for tight limits.
    public var shortHead: String?
    /// The tail in fewer characters (the bare link), for tight limits.
    public var shortTail: String?
    /// How many leading body lines say what was asked: they are kept,
    /// shortened if they must be, before the link; the lines after them go first.
    public var essential: Int
    /// Body lines for a tight limit in place of ``body`` (a clarification's
    /// choices as short labels), all of them essential.
    public var compact: [String]?

    public init(head: String = "", body: [String] = [], tail: String = "", essential: Int = 0) {
        self.head = head
        self.body = body
        self.tail = tail
        self.essential = essential
    }

    /// The whole answer, one line per body line.
    public var text: String {
        Self.joined(head, body, tail)
    }

    private static func joined(_ head: String, _ body: [String], _ tail: String) -> String {
        // Sized once and appended in place: every reply is made this way.
        var text = ""
        text.reserveCapacity(body.reduce(head.utf8.count + tail.utf8.count + 2) { $0 + $1.utf8.count + 1 })
        func add(_ line: String) {
            guard !line.isEmpty else { return }
            if !text.isEmpty { text.append("\n") }
            text.append(line)
        }
        add(head)
        body.forEach(add)
        add(tail)
        return text
    }

    /// The answer in at most `limit` characters, what was asked kept before
    /// the link: the forms tried, in order, are the full head and link, the
    /// bare link, the name without its code, and no link; in each, the
    /// essential lines must fit whole and the other lines follow while they
    /// fit. With nothing essential (an overview), a form that keeps a line
    /// and the link comes first, then one that keeps the link, cutting the
    /// name if it must. When no form fits, the essential lines are cut at a
    /// word and marked with `mark`. A line left out is marked at the end of
    /// the last one kept. An answer with no name and no link is cut at a word.
    public func fitted(to limit: Int?, mark: String) -> String {
        let full = text
        guard let limit, limit > 0, full.isLonger(than: limit) else { return full }
        // Text with no name and no link (an apology, a notice) is cut at a word like any text.
        if head.isEmpty, tail.isEmpty, compact == nil {
            var cut = Self.cutAtWord(full, to: limit - mark.count)
            while cut.last?.isWhitespace == true { cut.removeLast() }
            return cut + mark
        }
        let lines = compact ?? body.filter { !$0.isEmpty }
        let essentialCount = compact == nil ? min(essential, lines.count) : lines.count
        let required = Array(lines.prefix(essentialCount))
        let optional = Array(lines.dropFirst(essentialCount))
        let heads = [head, shortHead ?? head].filter { !$0.isEmpty }
        let forms: [(head: String, tail: String)] = [
            (heads.first ?? "", tail), (heads.first ?? "", shortTail ?? tail), (heads.last ?? "", shortTail ?? tail),
            (heads.first ?? "", ""), (heads.last ?? "", ""),
        ]
        // Each form that fits the essential lines whole, with the other lines that follow while they fit.
        var fitting: [(text: String, hasLink: Bool, lines: Int)] = []
        for form in forms {
            let fixed = Self.length([form.head, form.tail] + required)
            guard fixed <= limit else { continue }
            var kept = required
            var used = fixed
            for line in optional {
                guard used + line.count + 1 + mark.count <= limit else { break }
                kept.append(line)
                used += line.count + 1
            }
            if kept.count < lines.count, !kept.isEmpty, used + mark.count <= limit { kept[kept.count - 1] += mark }
            fitting.append((Self.joined(form.head, kept, form.tail), !form.tail.isEmpty, kept.count))
            if !required.isEmpty { break }
        }
        // With something essential, the first form that fits it; with nothing
        // essential, a form with a line and the link, else one with the link.
        if let chosen = fitting.first(where: { !required.isEmpty || ($0.hasLink && $0.lines > 0) }) ?? fitting.first(where: \.hasLink) {
            return chosen.text
        }
        // Nothing essential and a name too long for name and link: the name is cut, the link kept.
        if required.isEmpty, let link = shortTail, let name = heads.last, link.count + 1 + Self.shortestName <= limit {
            return Self.cutAtWord(name, to: limit - link.count - 1 - mark.count) + mark + "\n" + link
        }
        return fitting.first?.text ?? Self.squeezed(heads.last ?? "", required, to: limit, mark: mark)
    }

    /// The fewest characters of a name worth keeping beside a link.
    static let shortestName = 24

    /// `head` and `lines` in `limit` characters: each line gets an equal
    /// share of the room left and is cut at a word, the last line (a
    /// clarification's prompt) whole when it fits in its share.
    private static func squeezed(_ head: String, _ lines: [String], to limit: Int, mark: String) -> String {
        // The name keeps at most two fifths of the room when lines must follow it.
        let headRoom = head.isEmpty ? 0 : min(head.count, lines.isEmpty ? limit : limit * 2 / 5) + 1
        let shownHead = head.count + 1 > headRoom && !head.isEmpty ? cutAtWord(head, to: headRoom - 1 - mark.count) + mark : head
        var room = limit - (shownHead.isEmpty ? 0 : shownHead.count + 1)
        guard !lines.isEmpty, room > 0 else { return String(shownHead.prefix(limit)) }
        var cut: [String] = []
        for (index, line) in lines.enumerated() {
            let left = lines.count - index
            let share = max((room - (left - 1)) / left, 1)
            let piece = line.count <= share ? line : cutAtWord(line, to: max(share - mark.count, 1)) + mark
            cut.append(piece)
            room -= piece.count + 1
        }
        return ([shownHead] + cut).filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func length(_ parts: [String]) -> Int {
        let present = parts.filter { !$0.isEmpty }
        return present.reduce(0) { $0 + $1.count } + max(present.count - 1, 0)
    }

    /// `text` in `length` characters or fewer, cut after a whole word.
    static func cutAtWord(_ text: String, to length: Int) -> String {
        let length = max(length, 0)
        guard let end = text.index(text.startIndex, offsetBy: length, limitedBy: text.endIndex), end != text.endIndex else {
            return text
        }
        let prefix = text[..<end]
        // The last space is found and measured from the cut, a few letters
        // away, not from the start: long names are cut on every list tried.
        if let space = prefix.lastIndex(of: " "), prefix.distance(from: space, to: end) < length - length / 2 {
            return String(prefix[..<space])
        }
        return String(prefix)
    }
}
