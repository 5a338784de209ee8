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
    ///
    /// With `validating` false the bytes are not checked as UTF-8 here: the
    /// caller checks each line itself (``KnowledgeLoader`` does, in
    /// parallel, and keeps a file's good lines).
    static func files(
        in directory: String, endingIn suffix: String, validating: Bool = true, problems: inout [KnowledgeProblem]
    ) -> [(path: String, lines: TextLines)] {
        var files: [(path: String, lines: TextLines)] = []
        for path in paths(in: directory, endingIn: suffix) {
            do {
                files.append((path, try read(path, validating: validating)))
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

    /// Reads `path`; a missing or unreadable file, or one that is not UTF-8
    /// when `validating`, is a ``KnowledgeProblem``.
    static func read(_ path: String, validating: Bool = true) throws(KnowledgeProblem) -> TextLines {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KnowledgeProblem(file: path, line: nil, message: "cannot read the file")
        }
        let bytes = [UInt8](data)
        if validating, let offset = UTF8Validation.firstInvalidOffset(bytes) {
            let line = bytes[..<offset].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw KnowledgeProblem(file: path, line: line, message: "not valid UTF-8")
        }
        return TextLines(bytes: bytes)
    }

    func makeIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    /// Finds line ends with `memchr`: the catalogue is megabytes of lines
    /// split at every start, before the parallel decoding can begin.
    struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        var start = 0
        var number = 0

        mutating func next() -> Line? {
            guard start < bytes.count else { return nil }
            number += 1
            let from = start
            let end = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress, let found = memchr(base + from, 0x0A, buffer.count - from) else {
                    return buffer.count
                }
                return base.distance(to: UnsafeRawPointer(found))
            }
            var lineEnd = end
            if lineEnd > start && bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            let line = Line(number: number, bytes: bytes[start..<lineEnd])
            start = end + 1
            return line
        }
    }
}
