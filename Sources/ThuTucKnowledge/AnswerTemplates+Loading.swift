import Foundation

extension AnswerTemplates {
    /// Loads every `*.txt` in `directory`; reports unknown keys, duplicates,
    /// unknown placeholders and keys that no file defines.
    static func load(directory: String, problems: inout [KnowledgeProblem]) -> AnswerTemplates {
        var texts: [TemplateKey: String] = [:]
        var defined: [TemplateKey: SourceLocation] = [:]
        for (path, lines) in TextLines.files(in: directory, endingIn: ".txt", problems: &problems) {
            var current: (key: TemplateKey, line: Int)?
            var body: [String] = []
            func close() {
                guard let section = current else { return }
                while body.last?.isEmpty == true { body.removeLast() }
                let text = body.joined(separator: "\n")
                let allowed = section.key.placeholders
                for placeholder in placeholders(in: text) where !allowed.contains(placeholder) {
                    problems.append(KnowledgeProblem(file: path, line: section.line, message: "template [\(section.key.rawValue)] uses unknown placeholder {\(placeholder)}"))
                }
                texts[section.key] = text
            }
            for line in lines {
                let text = line.text
                if text.hasPrefix("#") { continue }
                if text.hasPrefix("["), text.hasSuffix("]") {
                    close()
                    body = []
                    current = nil
                    let raw = String(text.dropFirst().dropLast())
                    guard let key = TemplateKey(rawValue: raw) else {
                        problems.append(KnowledgeProblem(file: path, line: line.number, message: "unknown template key [\(raw)]"))
                        continue
                    }
                    if let first = defined[key] {
                        problems.append(KnowledgeProblem(file: path, line: line.number, message: "template [\(raw)] already defined at \(first)"))
                    }
                    defined[key] = SourceLocation(file: path, line: line.number)
                    current = (key, line.number)
                    continue
                }
                if current == nil {
                    if !text.trimmingCharacters(in: .whitespaces).isEmpty {
                        problems.append(KnowledgeProblem(file: path, line: line.number, message: "text outside a [key] section"))
                    }
                    continue
                }
                body.append(text)
            }
            close()
        }
        for key in TemplateKey.allCases where texts[key] == nil {
            problems.append(KnowledgeProblem(file: directory, line: nil, message: "template [\(key.rawValue)] is not defined"))
        }
        return AnswerTemplates(texts: texts)
    }
}
