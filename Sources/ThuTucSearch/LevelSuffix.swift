import ThuTucKnowledge
import ThuTucText

/// Reads the trailing part of a procedure name that only says at which level
/// it runs ("(thực hiện tại cấp tỉnh)", "(cấp xã)", "thực hiện ở cấp trung
/// ương"), with the wording of `Knowledge/lexicon/catalogue.txt`. Variants of
/// one procedure at several levels differ only by it.
struct LevelSuffix: Sendable {
    /// Every suffix as folded words: an opener followed by a level word.
    private let suffixes: [[String]]
    /// The folded last words of the suffixes: a name ending in none of them
    /// has no suffix, and most names are turned away on their last word.
    private let lastWords: Set<String>

    init(wording: CatalogueWording) {
        let openers = wording.levelSuffixes.map { TextNormalizer.fold($0).split(separator: " ").map(String.init) }
        let levels = wording.levelWords.map { TextNormalizer.fold($0.word).split(separator: " ").map(String.init) }
        suffixes = openers.flatMap { opener in levels.map { opener + $0 } }.filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
        lastWords = Set(suffixes.compactMap(\.last))
    }

    /// `name` without its level suffix. A one-word opener ("cấp") counts
    /// only inside brackets: "… cấp tỉnh" at the end of a bare name may be
    /// the topic ("Cấp giấy phép … cấp tỉnh quản lý").
    func strip(_ name: String) -> String {
        let tail = name.unicodeScalars.reversed().drop { $0 == ")" || $0 == "." || $0 == " " }.prefix { $0 != " " && $0 != "(" }
        guard lastWords.contains(TextNormalizer.fold(String(String.UnicodeScalarView(tail.reversed())))) else { return name }
        var words: [(folded: String, start: Int)] = []
        TextNormalizer.scan(name) { word in
            words.append((String(decoding: word.folded, as: UTF8.self), word.range.lowerBound))
        }
        let bytes = Array(name.utf8)
        let closed = bytes.last == UInt8(ascii: ")")
        for suffix in suffixes where suffix.count <= words.count {
            let tail = words[(words.count - suffix.count)...]
            guard zip(tail, suffix).allSatisfy({ $0.folded == $1 }), let first = tail.first else { continue }
            var cut = first.start
            // Inside brackets: cut at the bracket that opens the suffix, if nothing else stands in them.
            if closed {
                var open = cut - 1
                while open >= 0 && bytes[open] == UInt8(ascii: " ") { open -= 1 }
                guard open >= 0, bytes[open] == UInt8(ascii: "(") else { continue }
                cut = open
            } else if suffix.count < 3 {
                continue
            }
            return String(decoding: bytes[..<cut], as: UTF8.self).trimmingWhitespace()
        }
        return name
    }
}
