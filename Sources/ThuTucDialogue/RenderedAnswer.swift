/// An answer in three parts, so that cutting it to a channel's size keeps
/// the procedure's name and code (the head) and the official link (the tail).
public struct RenderedAnswer: Sendable, Hashable {
    public var head: String
    public var body: [String]
    public var tail: String

    public init(head: String = "", body: [String] = [], tail: String = "") {
        self.head = head
        self.body = body
        self.tail = tail
    }

    /// The whole answer, one line per body line.
    public var text: String {
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

    /// The answer in at most `limit` characters: body lines are dropped from
    /// the end and the last kept one is cut at a word, marked with `mark`;
    /// head and tail stay whole unless they alone exceed the limit.
    public func fitted(to limit: Int?, mark: String) -> String {
        let full = text
        guard let limit, limit > 0, full.count > limit else { return full }
        let fixed = [head, tail].filter { !$0.isEmpty }
        let fixedLength = fixed.reduce(0) { $0 + $1.count } + max(fixed.count - 1, 0)
        if fixedLength + 1 + mark.count > limit {
            return Self.cut(fixed.joined(separator: "\n"), to: limit, mark: mark, keepingEnd: tail)
        }
        var budget = limit - fixedLength - 1 - mark.count
        var kept: [String] = []
        for line in body where !line.isEmpty {
            if line.count + 1 <= budget {
                kept.append(line)
                budget -= line.count + 1
                continue
            }
            if budget >= 12 {
                kept.append(Self.cutAtWord(line, to: budget - 1))
            }
            break
        }
        let bodyText = kept.isEmpty ? mark : kept.joined(separator: "\n") + mark
        return ([head, bodyText, tail].filter { !$0.isEmpty }).joined(separator: "\n")
    }

    /// `text` in `length` characters or fewer, cut after a whole word.
    static func cutAtWord(_ text: String, to length: Int) -> String {
        guard text.count > length else { return text }
        let prefix = text.prefix(max(length, 0))
        if let space = prefix.lastIndex(of: " "), prefix.distance(from: prefix.startIndex, to: space) > length / 2 {
            return String(prefix[..<space])
        }
        return String(prefix)
    }

    /// Head and tail alone are too long (an SMS and a long name): shorten the
    /// text before `keepingEnd` so the link still arrives whole.
    static func cut(_ text: String, to limit: Int, mark: String, keepingEnd end: String) -> String {
        guard !end.isEmpty, end.count + mark.count + 1 < limit, text.hasSuffix(end) else {
            return cutAtWord(text, to: limit - mark.count) + mark
        }
        let start = String(text.dropLast(end.count + 1))
        return cutAtWord(start, to: limit - end.count - mark.count - 1) + mark + "\n" + end
    }
}
