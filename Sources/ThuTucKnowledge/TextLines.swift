import Foundation

/// The lines of a UTF-8 text file, numbered from 1, without their line ends.
struct TextLines: Sequence {
    struct Line: Sendable {
        var number: Int
        var bytes: ArraySlice<UInt8>
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Every readable file of `directory` whose name ends in `suffix`, sorted
    /// by name, with its lines; an unreadable one is a problem, and the rest go on.
    static func files(in directory: String, endingIn suffix: String, problems: inout [KnowledgeProblem]) -> [(path: String, lines: TextLines)] {
        var files: [(path: String, lines: TextLines)] = []
        for path in paths(in: directory, endingIn: suffix) {
            do {
                files.append((path, try read(path)))
            } catch {
                problems.append(error)
            }
        }
        return files
    }

    /// The paths of `directory`'s files whose names end in `suffix`, sorted.
    static func paths(in directory: String, endingIn suffix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory + "/" + $0 }
    }

    /// Reads `path`; a missing or unreadable file is a ``KnowledgeProblem``.
    static func read(_ path: String) throws(KnowledgeProblem) -> TextLines {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KnowledgeProblem(file: path, line: nil, message: "cannot read the file")
        }
        let bytes = [UInt8](data)
        if let offset = UTF8Validation.firstInvalidOffset(bytes) {
            let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw KnowledgeProblem(file: path, line: line, message: "not valid UTF-8")
        }
        return TextLines(bytes: bytes)
    }

    func makeIterator() -> AnyIterator<Line> {
        var start = 0
        var number = 0
        let bytes = self.bytes
        return AnyIterator {
            guard start < bytes.count else { return nil }
            number += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = Line(number: number, bytes: bytes[start..<lineEnd])
            start = end + 1
            return line
        }
    }
}
