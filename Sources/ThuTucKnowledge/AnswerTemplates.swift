/// The Vietnamese wording of every answer, loaded from `Knowledge/templates/*.txt`.
///
/// A template file is a list of sections: a `[key]` line, then the text up to
/// the next section (trailing blank lines dropped). `{name}` placeholders are
/// filled by the answer renderer; `#` lines are comments. Keeping the wording
/// here lets it be edited without touching Swift.
public struct AnswerTemplates: Sendable {
    public private(set) var texts: [TemplateKey: String]
    /// Each template cut once into literal text and placeholder names, so that
    /// rendering (several times per answer) only concatenates.
    private let segments: [TemplateKey: [Segment]]

    private enum Segment: Sendable {
        case text(String)
        case placeholder(String)
    }

    public init(texts: [TemplateKey: String]) {
        self.texts = texts
        self.segments = texts.mapValues(Self.segments(of:))
    }

    /// The text of `key` with each `{placeholder}` replaced from `values`.
    ///
    /// A placeholder without a value is left out, so a missing fact never shows
    /// as a literal "{fee}". The values are pairs rather than a dictionary: a
    /// template has a few placeholders, answers fill dozens of templates, and
    /// comparing a few short names costs less than hashing them into a table.
    public func render(_ key: TemplateKey, _ values: KeyValuePairs<String, String> = [:]) -> String {
        guard let parts = segments[key] else { return "" }
        if parts.count == 1, case .text(let text) = parts[0] { return text }
        var output = ""
        for part in parts {
            switch part {
            case .text(let text): output += text
            case .placeholder(let name): output += values.first { $0.key == name }?.value ?? ""
            }
        }
        return output
    }

    /// The placeholders a template text uses.
    static func placeholders(in text: String) -> [String] {
        segments(of: text).compactMap { part in
            if case .placeholder(let name) = part { return name }
            return nil
        }
    }

    /// `text` as literal runs and `{name}` placeholders; an unclosed `{` is literal.
    private static func segments(of text: String) -> [Segment] {
        var parts: [Segment] = []
        let bytes = Array(text.utf8)
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), let close = bytes[index...].firstIndex(of: UInt8(ascii: "}")) else {
                index += 1
                continue
            }
            if literalStart < index { parts.append(.text(String(decoding: bytes[literalStart..<index], as: UTF8.self))) }
            parts.append(.placeholder(String(decoding: bytes[(index + 1)..<close], as: UTF8.self)))
            index = close + 1
            literalStart = index
        }
        if literalStart < bytes.count || parts.isEmpty {
            parts.append(.text(String(decoding: bytes[literalStart...], as: UTF8.self)))
        }
        return parts
    }
}
