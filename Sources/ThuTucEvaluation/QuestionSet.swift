import Foundation
import ThuTucKnowledge

/// A set of questions with the answers expected, in the format of
/// `../shared/eval/dev.jsonl`: single questions and multi-turn dialogues.
public struct QuestionSet: Sendable {
    /// One question and what a right answer names.
    public struct Turn: Sendable, Decodable {
        public var q: String
        /// Every acceptable procedure code; empty when no procedure should be named.
        public var expect: [String]
        public var intent: String?
    }

    /// A single question or a dialogue asked in one session.
    public struct Item: Sendable, Decodable {
        public var id: String
        public var q: String?
        public var expect: [String]?
        public var intent: String?
        public var tags: [String]?
        public var turns: [Turn]?

        /// The turns to ask, in order.
        public var allTurns: [Turn] {
            if let turns { return turns }
            return [Turn(q: q ?? "", expect: expect ?? [], intent: intent)]
        }
    }

    public var items: [Item]

    /// Why a question set could not be read.
    public enum Failure: Error, CustomStringConvertible {
        case unreadable(String)
        case badLine(file: String, line: Int, detail: String)

        public var description: String {
            switch self {
            case .unreadable(let path): "\(path): cannot read"
            case .badLine(let file, let line, let detail): "\(file):\(line): \(detail)"
            }
        }
    }

    /// Reads a JSON-lines file; a bad line is an error with FILE:LINE.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure.unreadable(path) }
        let decoder = JSONDecoder()
        var items: [Item] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D }) else { continue }
            do {
                let item = try decoder.decode(Item.self, from: Data(line))
                guard item.turns != nil || item.q != nil else {
                    throw Failure.badLine(file: path, line: index + 1, detail: "needs 'q' or 'turns'")
                }
                items.append(item)
            } catch let failure as Failure {
                throw failure
            } catch {
                throw Failure.badLine(file: path, line: index + 1, detail: "\(error)")
            }
        }
        self.items = items
    }
}
