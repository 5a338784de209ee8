/// The Vietnamese wording of every answer, loaded from `Knowledge/templates/*.txt`.
///
/// A template file is a list of sections: a `[key]` line, then the text up to
/// the next section (trailing blank lines dropped). `{name}` placeholders are
/// filled by the answer renderer; `#` lines are comments. Keeping the wording
/// here lets it be edited without touching Swift.
public struct AnswerTemplates: Sendable {
    public private(set) var texts: [TemplateKey: String]

    public init(texts: [TemplateKey: String]) {
        self.texts = texts
    }

    /// The text of `key` with each `{placeholder}` replaced from `values`.
    ///
    /// A placeholder without a value is left out, so a missing fact never shows
    /// as a literal "{fee}".
    public func render(_ key: TemplateKey, _ values: [String: String] = [:]) -> String {
        guard let template = texts[key] else { return "" }
        guard template.contains("{") else { return template }
        var output = ""
        output.reserveCapacity(template.utf8.count + 64)
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                output += rest[open...]
                return output
            }
            let name = String(rest[rest.index(after: open)..<close])
            output += values[name] ?? ""
            rest = rest[rest.index(after: close)...]
        }
        output += rest
        return output
    }

    /// The placeholders a template text uses.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
