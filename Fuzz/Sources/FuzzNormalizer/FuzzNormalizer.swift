import Foundation
import FuzzSupport
import ThuTucText

/// Vietnamese letters as single precomposed scalars: the twelve vowels under
/// each of the five tones, both cases, and đ/Đ. Text whose NFC form holds
/// only these and ASCII must give the same tokens however it is composed.
/// Other mark combinations are not promised to: "ñ" or "ŏ" is one foreign
/// scalar in NFC but a Vietnamese base and mark in NFD, and in
/// "a" + horn + circumflex NFC composes "â" across the horn, which changes
/// the order the marks arrive in (the fuzzer found that one in seconds).
let vietnameseLetters: Set<Unicode.Scalar> = {
    var letters: Set<Unicode.Scalar> = ["đ", "Đ"]
    let tones = ["", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}"]
    for base in ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"] {
        for tone in tones {
            for text in [base + tone, base.uppercased() + tone] {
                let composed = text.precomposedStringWithCanonicalMapping.unicodeScalars
                if composed.count == 1, let scalar = composed.first { letters.insert(scalar) }
            }
        }
    }
    return letters
}()

/// What a token means, without the text as typed (which differs between NFC and NFD).
struct TokenMeaning: Equatable {
    var folded: String
    var marked: String?
    var kind: Token.Kind
    var hasDiacritics: Bool

    init(_ token: Token) {
        folded = token.folded
        marked = token.marked
        kind = token.kind
        hasDiacritics = token.hasDiacritics
    }
}

/// Checks the normaliser on one input: no crash, the same tokens twice,
/// `fold` agreeing with `normalize`, the input as typed, NFC and NFD
/// agreeing on Vietnamese text, Telex/VNI decoding of every word, and the
/// edit distance's symmetry.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNormalizer(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzSupport.bytes(data, size)
    let text = String(decoding: input, as: UTF8.self)
    let normalized = TextNormalizer.normalize(text)
    FuzzSupport.require(normalized == TextNormalizer.normalize(text), "normalize gave two answers for \(text.debugDescription)")
    FuzzSupport.require(TextNormalizer.fold(text) == normalized.foldedText, "fold and normalize disagree on \(text.debugDescription)")

    // ASCII text is its own NFC and NFD, and Foundation's conversions are the slow part of a run.
    if !text.utf8.allSatisfy({ $0 < 0x80 }),
       case let composed = text.precomposedStringWithCanonicalMapping,
       composed.unicodeScalars.allSatisfy({ $0.isASCII || vietnameseLetters.contains($0) }) {
        let meaning = normalized.tokens.map(TokenMeaning.init)
        for form in [composed, text.decomposedStringWithCanonicalMapping] {
            let other = TextNormalizer.normalize(form)
            FuzzSupport.require(
                other.tokens.map(TokenMeaning.init) == meaning && other.isAccented == normalized.isAccented,
                "composition changes the tokens of \(Array(text.unicodeScalars.map(\.value)))"
            )
        }
    }

    for token in normalized.tokens where token.kind == .word {
        if let decoded = TypingMethodDecoder.decode(token.folded) {
            FuzzSupport.require(decoded.hasDiacritics && decoded.kind == .word, "decoded \(token.folded) into \(decoded)")
        }
    }

    let bytes = Array(input.prefix(128))
    let half = bytes.count / 2
    let left = Array(bytes[..<half]), right = Array(bytes[half...])
    let limit = Int((bytes.first ?? 0) % 8)
    let distance = EditDistance.distance(left, right, limit: limit)
    FuzzSupport.require(distance == EditDistance.distance(right, left, limit: limit), "edit distance is not symmetric")
    FuzzSupport.require(distance.map { $0 <= limit } ?? true, "edit distance over its limit")
    FuzzSupport.require(EditDistance.distance(left, left, limit: 0) == 0, "a word is not at distance 0 from itself")
    return 0
}

/// The entry point SwiftPM links `main` to: libFuzzer's driver over ``fuzzNormalizer(_:_:)``.
@_cdecl("FuzzNormalizer_main")
public func fuzzNormalizerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzSupport.run(argc, argv, fuzzNormalizer)
}
