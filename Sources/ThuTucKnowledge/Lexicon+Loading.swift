import Foundation
import ThuTucText

extension Lexicon {
    /// The files with a structure of their own; every other `*.txt` holds mappings.
    static let intentsFile = "intents.txt"
    static let stopwordsFile = "stopwords.txt"
    static let smalltalkFile = "smalltalk.txt"
    static let dialogueFile = "dialogue.txt"
    static let anatomyFile = "anatomy.txt"
    static let conceptsFile = "concepts.txt"
    static let catalogueFile = "catalogue.txt"
    static let outsideFile = "outside.txt"
    static let choicesFile = "choices.txt"
    /// Mappings from this file name topics, not spellings (see ``Mapping/isTopic``).
    static let topicFile = "everyday.txt"
    /// The intents a cue can signal: overview is what a question without a cue asks.
    static let cueIntents: Set<Intent> = [.documents, .time, .fee, .agency, .steps, .method, .legal, .eligibility, .result, .list]

    /// Loads every `*.txt` in `directory`, collecting problems instead of stopping at the first.
    static func load(directory: String, problems: inout [KnowledgeProblem]) -> Lexicon {
        var lexicon = Lexicon()
        for (path, lines) in TextLines.files(in: directory, endingIn: ".txt", problems: &problems) {
            let name = String(path.split(separator: "/").last ?? "")
            switch name {
            case intentsFile:
                lexicon.readCues(lines, path: path, problems: &problems)
            case stopwordsFile:
                lexicon.readStopwords(lines, path: path, problems: &problems)
            case smalltalkFile:
                lexicon.smalltalk += readSections(lines, path: path, what: "smalltalk", problems: &problems) {
                    Lexicon.SmalltalkKind(rawValue: $0).map { kind in { Smalltalk(kind: kind, phrase: $0, location: $1) } }
                }
            case dialogueFile:
                lexicon.dialogue += readSections(lines, path: path, what: "dialogue", problems: &problems) {
                    Lexicon.DialogueKind(rawValue: $0).map { kind in
                        { text, location in
                            let anchored = text.hasPrefix("^")
                            let phrase = anchored ? String(text.dropFirst()).trimmingWhitespace() : text
                            return DialoguePhrase(kind: kind, phrase: phrase, onlyAtStart: anchored, location: location)
                        }
                    }
                }
            case anatomyFile:
                lexicon.anatomy += readSections(lines, path: path, what: "anatomy", problems: &problems) {
                    AnatomyPhrase.Kind(rawValue: $0).map { kind in { AnatomyPhrase(kind: kind, phrase: $0, location: $1) } }
                }
            case conceptsFile:
                lexicon.concepts += readConcepts(lines, path: path, problems: &problems)
                if lexicon.concepts.count > Concept.maximumCount {
                    problems.append(KnowledgeProblem(file: path, line: nil, message: "more than \(Concept.maximumCount) concepts; the rest are not read"))
                }
            case choicesFile:
                let entries: [(section: String, phrase: String)] = readSections(lines, path: path, what: "choice", problems: &problems) {
                    section -> ((String, SourceLocation) -> (section: String, phrase: String))? in
                    guard section == "marker" || section == "filler" || (Int(section).map { (1...9).contains($0) } ?? false) else { return nil }
                    return { phrase, _ in (section, phrase) }
                }
                for entry in entries {
                    let folded = TextNormalizer.fold(entry.phrase)
                    switch entry.section {
                    case "marker": lexicon.choices.markers.insert(folded)
                    case "filler": lexicon.choices.fillers.insert(folded)
                    default: lexicon.choices.numbers[folded] = Int(entry.section)
                    }
                }
            case outsideFile:
                lexicon.outside += readOutside(lines, path: path, problems: &problems)
            case catalogueFile:
                let entries: [(section: String, phrase: String, location: SourceLocation)] = readSections(
                    lines, path: path, what: "catalogue", problems: &problems
                ) { section -> ((String, SourceLocation) -> (section: String, phrase: String, location: SourceLocation))? in
                    guard CatalogueWording.sections.contains(section) else { return nil }
                    return { phrase, location in (section, phrase, location) }
                }
                for entry in entries {
                    if let message = lexicon.catalogue.add(entry.phrase, to: entry.section) {
                        problems.append(KnowledgeProblem(file: path, line: entry.location.line, message: message))
                    }
                }
            default:
                lexicon.readMappings(lines, path: path, isTopic: name == topicFile, problems: &problems)
            }
        }
        return lexicon
    }

    /// A line's content without its comment, trimmed; nil when nothing is left.
    static func content(of line: String) -> String? {
        var scalars = String.UnicodeScalarView()
        var previous: Unicode.Scalar = " "
        for scalar in line.unicodeScalars {
            if scalar == "#" && previous.properties.isWhitespace { break }
            scalars.append(scalar)
            previous = scalar
        }
        let text = String(scalars).collapsingWhitespace()
        return text.isEmpty ? nil : text
    }

    private mutating func readMappings(_ lines: TextLines, path: String, isTopic: Bool, problems: inout [KnowledgeProblem]) {
        for line in lines {
            guard let text = Self.content(of: line.text) else { continue }
            let location = SourceLocation(file: path, line: line.number)
            let sides = text.split(separator: "=", omittingEmptySubsequences: false)
            guard sides.count == 2 else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "expected 'PHRASE = READING', got '\(text)'"))
                continue
            }
            let phrases = sides[0].split(separator: ",").map { String($0).collapsingWhitespace() }
            let readings = sides[1].split(separator: "|", omittingEmptySubsequences: false)
                .map { String($0).collapsingWhitespace() }
            guard !phrases.isEmpty, phrases.allSatisfy({ !$0.isEmpty }) else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "empty phrase before '='"))
                continue
            }
            guard readings.count <= 2, readings.allSatisfy({ !$0.isEmpty }) else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "expected one reading, or two separated by '|', after '='"))
                continue
            }
            for phrase in phrases {
                mappings.append(
                    Mapping(phrase: phrase, reading: readings[0], alternative: readings.count == 2 ? readings[1] : nil, isTopic: isTopic, location: location)
                )
            }
        }
    }

    private mutating func readCues(_ lines: TextLines, path: String, problems: inout [KnowledgeProblem]) {
        var current: Intent?
        for line in lines {
            guard let text = Self.content(of: line.text) else { continue }
            if let section = Self.section(text) {
                current = Intent(rawValue: section).flatMap { Self.cueIntents.contains($0) ? $0 : nil }
                if current == nil {
                    problems.append(KnowledgeProblem(file: path, line: line.number, message: "unknown intent section '[\(section)]'"))
                    current = nil
                }
                continue
            }
            guard let intent = current else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "cue outside an intent section"))
                continue
            }
            cues.append(Cue(intent: intent, phrase: text, location: SourceLocation(file: path, line: line.number)))
        }
    }

    private mutating func readStopwords(_ lines: TextLines, path: String, problems: inout [KnowledgeProblem]) {
        for line in lines {
            guard let text = Self.content(of: line.text) else { continue }
            if text.contains("=") || text.hasPrefix("[") {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "a stopword line holds one word or phrase"))
                continue
            }
            stopwords.append(text)
        }
    }

    /// Reads concept sections: "[action: LABEL]" or "[facet: LABEL]", then
    /// "name = …", "ask = …", "both = …", "plain = …", "usual = yes",
    /// "only = yes" and "held = …" lines.
    private static func readConcepts(_ lines: TextLines, path: String, problems: inout [KnowledgeProblem]) -> [Concept] {
        var concepts: [Concept] = []
        func close(_ concept: Concept?) {
            guard let concept else { return }
            if concept.namePhrases.isEmpty || concept.askPhrases.isEmpty {
                problems.append(KnowledgeProblem(file: path, line: concept.location.line, message: "concept '\(concept.label)' needs both 'name =' and 'ask =' lines"))
            } else {
                concepts.append(concept)
            }
        }
        var current: Concept?
        for line in lines {
            guard let text = content(of: line.text) else { continue }
            let location = SourceLocation(file: path, line: line.number)
            if let section = section(text) {
                close(current)
                current = nil
                let parts = section.split(separator: ":", maxSplits: 1).map { String($0).collapsingWhitespace() }
                guard parts.count == 2, let kind = Concept.Kind(rawValue: parts[0]), !parts[1].isEmpty else {
                    problems.append(KnowledgeProblem(file: path, line: line.number, message: "expected '[action: LABEL]' or '[facet: LABEL]', got '[\(section)]'"))
                    continue
                }
                current = Concept(kind: kind, label: parts[1], namePhrases: [], askPhrases: [], location: location)
                continue
            }
            let sides = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).collapsingWhitespace() }
            guard current != nil, sides.count == 2, !sides[1].isEmpty else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: current == nil ? "line outside a concept section" : "expected 'KEY = VALUE', got '\(text)'"))
                continue
            }
            let phrases = sides[1].split(separator: ",").map { String($0).collapsingWhitespace() }.filter { !$0.isEmpty }
            switch sides[0].lowercased() {
            case "name": current?.namePhrases += phrases
            case "ask": current?.askPhrases += phrases
            case "both": current?.bothPhrases += phrases
            case "plain": current?.plainLabel = sides[1]
            case "usual": current?.isUsual = sides[1].lowercased() == "yes"
            case "only": current?.isExclusive = sides[1].lowercased() == "yes"
            case "held":
                let parts = sides[1].split(separator: "/", maxSplits: 1).map { String($0).collapsingWhitespace() }
                guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    problems.append(KnowledgeProblem(file: path, line: line.number, message: "expected 'held = MINISTRY / FIELD', got '\(text)'"))
                    continue
                }
                current?.heldBy.append((parts[0], parts[1]))
            default:
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "unknown key '\(sides[0])' (expected name, ask, both, plain, usual, only or held)"))
            }
        }
        close(current)
        return concepts
    }

    /// Reads "[topic]" sections, each with a "body = …" line and phrases.
    private static func readOutside(_ lines: TextLines, path: String, problems: inout [KnowledgeProblem]) -> [OutsideTopic] {
        var topics: [OutsideTopic] = []
        func close(_ topic: OutsideTopic?) {
            guard let topic else { return }
            if topic.body.isEmpty || topic.phrases.isEmpty {
                problems.append(KnowledgeProblem(file: path, line: topic.location.line, message: "topic '\(topic.topic)' needs a 'body =' line and phrases"))
            } else {
                topics.append(topic)
            }
        }
        var current: OutsideTopic?
        for line in lines {
            guard let text = content(of: line.text) else { continue }
            if let section = section(text) {
                close(current)
                current = OutsideTopic(topic: section, body: "", phrases: [], location: SourceLocation(file: path, line: line.number))
                continue
            }
            guard current != nil else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "phrase outside a topic section"))
                continue
            }
            let sides = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).collapsingWhitespace() }
            if sides.count == 2 {
                guard sides[0].lowercased() == "body", !sides[1].isEmpty else {
                    problems.append(KnowledgeProblem(file: path, line: line.number, message: "expected 'body = WHO HANDLES IT', got '\(text)'"))
                    continue
                }
                current?.body = sides[1]
            } else {
                current?.phrases.append(text)
            }
        }
        close(current)
        return topics
    }

    /// Reads "[section]" headers and one phrase per line; `make` turns a section
    /// name into a maker of entries, or nil for an unknown section.
    private static func readSections<Entry>(
        _ lines: TextLines, path: String, what: String, problems: inout [KnowledgeProblem],
        make: (String) -> ((String, SourceLocation) -> Entry)?
    ) -> [Entry] {
        var entries: [Entry] = []
        var current: ((String, SourceLocation) -> Entry)?
        for line in lines {
            guard let text = Self.content(of: line.text) else { continue }
            if let section = Self.section(text) {
                current = make(section)
                if current == nil {
                    problems.append(KnowledgeProblem(file: path, line: line.number, message: "unknown \(what) section '[\(section)]'"))
                }
                continue
            }
            guard let current else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "phrase outside a \(what) section"))
                continue
            }
            entries.append(current(text, SourceLocation(file: path, line: line.number)))
        }
        return entries
    }

    /// The name inside "[name]", or nil when the line is not a section header.
    static func section(_ text: String) -> String? {
        guard text.hasPrefix("["), text.hasSuffix("]"), text.count > 2 else { return nil }
        return String(text.dropFirst().dropLast()).collapsingWhitespace().lowercased()
    }
}
