import Foundation
import ThuTucJSON
import ThuTucText

/// Reads a Knowledge/ directory, collecting every problem with its FILE:LINE.
///
/// Layout: `procedures/*.jsonl` (the imported catalogue), `curated/*.jsonl`
/// (our overlays), `lexicon/*.txt` and `templates/*.txt`.
public enum KnowledgeLoader {
    /// The outcome of a load: the knowledge read, and what was wrong with it.
    public struct Report: Sendable {
        public var knowledge: KnowledgeBase
        public var problems: [KnowledgeProblem]
        /// Wall-clock seconds spent reading and decoding.
        public var seconds: Double

        public var errors: [KnowledgeProblem] { problems.filter { $0.severity == .error } }
    }

    /// Loads `directory`, throwing ``KnowledgeError/invalid(_:)`` when it holds any error.
    public static func load(directory: String) throws -> KnowledgeBase {
        let report = try read(directory: directory)
        let errors = report.errors
        guard errors.isEmpty else { throw KnowledgeError.invalid(errors) }
        return report.knowledge
    }

    /// Reads `directory` as far as possible and reports every problem; throws only
    /// when the directory itself is missing.
    public static func read(directory: String) throws -> Report {
        let start = DispatchTime.now()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KnowledgeError.missing(directory)
        }
        var problems: [KnowledgeProblem] = []
        let procedures = readProcedures(directory: directory + "/procedures", problems: &problems)
        let codes = Set(procedures.map(\.code))
        let overlays = readOverlays(directory: directory + "/curated", procedures: procedures, problems: &problems)
        let lexicon = Lexicon.load(directory: directory + "/lexicon", problems: &problems)
        let templates = AnswerTemplates.load(directory: directory + "/templates", problems: &problems)
        if codes.isEmpty {
            problems.append(KnowledgeProblem(file: directory + "/procedures", line: nil, message: "no procedures found"))
        }
        let knowledge = KnowledgeBase(procedures: procedures, overlays: overlays, lexicon: lexicon, templates: templates, directory: directory)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        return Report(knowledge: knowledge, problems: problems, seconds: seconds)
    }

    private static func readProcedures(directory: String, problems: inout [KnowledgeProblem]) -> [Procedure] {
        var pieces: [(path: String, lines: ArraySlice<TextLines.Line>)] = []
        // Each line is checked as UTF-8 by `decodeLines`, in parallel, rather than each file first.
        for (path, file) in TextLines.files(in: directory, endingIn: ".jsonl", validating: false, problems: &problems) {
            let lines = Array(file)
            // Pieces of about 200 lines spread the work evenly over the cores,
            // however unequal the files are.
            for start in stride(from: 0, to: lines.count, by: 200) {
                pieces.append((path, lines[start..<min(start + 200, lines.count)]))
            }
        }
        // Validation runs inside the parallel decode: it reads every text once.
        let results = ConcurrentMap.map(pieces) { piece in
            var result = decodeLines(piece.lines, path: piece.path) { cursor in try Procedure(cursor: &cursor) }
            for (line, procedure) in result.values {
                result.problems += ProcedureValidator.problems(in: procedure, file: piece.path, line: line)
            }
            return result
        }
        var procedures: [Procedure] = []
        var seen: [String: SourceLocation] = [:]
        for (piece, result) in zip(pieces, results) {
            problems += result.problems
            for (line, procedure) in result.values {
                if let first = seen[procedure.code] {
                    problems.append(KnowledgeProblem(file: piece.path, line: line, message: "duplicate code \(procedure.code), first at \(first)"))
                    continue
                }
                seen[procedure.code] = SourceLocation(file: piece.path, line: line)
                procedures.append(procedure)
            }
        }
        return procedures
    }

    private static func readOverlays(directory: String, procedures: [Procedure], problems: inout [KnowledgeProblem]) -> [String: Overlay] {
        let names = Dictionary(procedures.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        var overlays: [String: Overlay] = [:]
        var seen: [String: SourceLocation] = [:]
        for (path, file) in TextLines.files(in: directory, endingIn: ".jsonl", validating: false, problems: &problems) {
            let result = decodeLines(Array(file)[...], path: path) { cursor in try Overlay(cursor: &cursor) }
            problems += result.problems
            for (line, overlay) in result.values {
                guard let name = names[overlay.code] else {
                    problems.append(KnowledgeProblem(file: path, line: line, message: "overlay for unknown code \(overlay.code)"))
                    continue
                }
                // The importer collapses the portal's doubled spaces; an overlay may copy either form.
                if name.collapsingWhitespace() != overlay.name.collapsingWhitespace() {
                    problems.append(KnowledgeProblem(file: path, line: line, message: "overlay name '\(overlay.name)' differs from the catalogue's '\(name)' for \(overlay.code)"))
                    continue
                }
                if (overlay.time == nil) != (overlay.timeBasis == nil) {
                    problems.append(KnowledgeProblem(file: path, line: line, message: "overlay for \(overlay.code): 'time' and 'timeBasis' go together (the usual time and the provision it comes from)"))
                }
                if overlay.bring.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                    problems.append(KnowledgeProblem(file: path, line: line, message: "overlay for \(overlay.code): an empty entry in 'bring'"))
                }
                if let first = seen[overlay.code] {
                    problems.append(KnowledgeProblem(file: path, line: line, message: "second overlay for \(overlay.code), first at \(first)"))
                    continue
                }
                seen[overlay.code] = SourceLocation(file: path, line: line)
                overlays[overlay.code] = overlay
            }
        }
        return overlays
    }

    /// Decodes one JSON value per non-blank line with `read`. A line that
    /// is not valid UTF-8 is a problem at that line, and the others go on.
    static func decodeLines<Value>(
        _ lines: ArraySlice<TextLines.Line>, path: String, _ read: (inout JSONCursor) throws -> Value
    ) -> (values: [(Int, Value)], problems: [KnowledgeProblem]) {
        var values: [(Int, Value)] = []
        var problems: [KnowledgeProblem] = []
        for line in lines {
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard UTF8Validation.firstInvalidOffset(line.bytes) == nil else {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "not valid UTF-8"))
                continue
            }
            do {
                values.append((line.number, try JSONCursor.read(line.bytes, read)))
            } catch let error as SchemaError {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: error.message))
            } catch {
                problems.append(KnowledgeProblem(file: path, line: line.number, message: "bad JSON: \(error)"))
            }
        }
        return (values, problems)
    }
}
