import Foundation
import ThuTucKnowledge
import ThuTucText

/// A procedure's searchable texts as term ids, per field.
struct TokenizedProcedure: Sendable {
    /// Indexed by ``IndexField/rawValue``; the name field holds one text.
    var fields: [[IndexedText]]
    /// The name without its parenthesised parts, when it has any: a title of
    /// its own, so that long lists in brackets do not drown the name's words.
    var shortName: IndexedText?
    /// The name and aliases with their acronyms spelt out, where they have any.
    var spelledOut: [IndexedText] = []

    subscript(field: IndexField) -> [IndexedText] { fields[field.rawValue] }
}

/// Turns every procedure's texts into term ids, on all cores.
///
/// Each chunk of the catalogue is tokenised with a term table of its own;
/// the tables are then merged into the shared one and the chunk's ids
/// rewritten. Tokenising is most of the cost of building the index, and this
/// keeps start-up within budget on a small machine.
enum CatalogueTokenizer {
    static func tokenize(
        _ knowledge: KnowledgeBase, aliases: [[String]], acronyms: AcronymExpander, levelSuffix: LevelSuffix, into terms: inout TermTable
    ) -> [TokenizedProcedure] {
        let procedures = knowledge.procedures
        let chunkCount = max(1, min(procedures.count / 64, ProcessInfo.processInfo.activeProcessorCount * 4))
        let chunks = (0..<chunkCount).map { chunk in
            (procedures.count * chunk / chunkCount)..<(procedures.count * (chunk + 1) / chunkCount)
        }
        var results = ConcurrentMap.map(chunks) { range -> (TermTable, [TokenizedProcedure]) in
            var local = TermTable()
            let tokenized = range.map { position in
                tokenize(procedures[position], aliases: aliases[position], acronyms: acronyms, levelSuffix: levelSuffix, terms: &local)
            }
            return (local, tokenized)
        }
        var merged: [TokenizedProcedure] = []
        merged.reserveCapacity(procedures.count)
        for chunk in results.indices {
            let local = results[chunk].0
            // Taken out of `results` so that its texts are rewritten in
            // place rather than copied on write.
            var tokenized = results[chunk].1
            results[chunk].1 = []
            let foldedMap = (0..<Int32(local.foldedCount)).map { terms.internFolded(local.foldedKey($0)) }
            let markedMap = (0..<Int32(local.markedCount)).map { terms.internMarked(local.markedKey($0)) }
            for position in tokenized.indices {
                for field in tokenized[position].fields.indices {
                    for text in tokenized[position].fields[field].indices {
                        tokenized[position].fields[field][text].remap(folded: foldedMap, marked: markedMap)
                    }
                }
                tokenized[position].shortName?.remap(folded: foldedMap, marked: markedMap)
                for index in tokenized[position].spelledOut.indices {
                    tokenized[position].spelledOut[index].remap(folded: foldedMap, marked: markedMap)
                }
            }
            merged += tokenized
        }
        return merged
    }

    private static func tokenize(
        _ procedure: Procedure, aliases: [String], acronyms: AcronymExpander, levelSuffix: LevelSuffix, terms: inout TermTable
    ) -> TokenizedProcedure {
        let name = levelSuffix.strip(procedure.name)
        var fields = [[IndexedText]](repeating: [], count: IndexField.allCases.count)
        for field in IndexField.allCases {
            let texts: [String] = switch field {
            case .name: [name]
            case .alias: aliases
            case .field: [procedure.field]
            case .result: procedure.results.map(\.name)
            // A document's sub-items ("+ Giấy chứng nhận …") are part of what it names.
            case .document: procedure.documents.flatMap { $0.items.flatMap { [$0.name] + $0.details } }
            case .agency: procedure.agencies + procedure.authorities
            }
            fields[field.rawValue] = texts.map { index($0, terms: &terms) }
        }
        let short = withoutParentheses(name)
        let spelledOut = ([name] + aliases).compactMap(acronyms.expand).map { index($0, terms: &terms) }
        return TokenizedProcedure(fields: fields, shortName: short == name ? nil : index(short, terms: &terms), spelledOut: spelledOut)
    }

    /// `text` with every bracketed part removed.
    static func withoutParentheses(_ text: String) -> String {
        // Parentheses are ASCII, and UTF-8 never uses ASCII bytes inside a
        // longer character: the text can be cut byte by byte.
        var depth = 0
        var kept: [UInt8] = []
        kept.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "(") {
                depth += 1
            } else if byte == UInt8(ascii: ")") {
                depth = max(0, depth - 1)
            } else if depth == 0 {
                kept.append(byte)
            }
        }
        return String(decoding: kept, as: UTF8.self).collapsingWhitespace()
    }

    /// One text as term ids; catalogue text is written with accents, so a
    /// word without marks is deliberately plain and gets its folded form as key.
    static func index(_ text: String, terms: inout TermTable) -> IndexedText {
        var folded: [Int32] = []
        var marked: [Int32] = []
        TextNormalizer.scan(text) { word in
            guard word.kind != .code else { return }
            folded.append(terms.internFolded(word.folded))
            marked.append(word.kind == .word ? terms.internMarked(word.hasDiacritics ? word.marked : word.folded) : -1)
        }
        return IndexedText(folded: folded, marked: marked)
    }
}
