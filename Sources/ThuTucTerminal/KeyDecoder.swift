/// Turns the bytes a terminal in raw mode sends into ``Key``s: UTF-8 text,
/// control characters and the escape sequences of xterm-like terminals
/// (CSI `ESC [ … final`, SS3 `ESC O x`, Alt as an `ESC` prefix).
///
/// A sequence or a character cut between two reads is kept until the next
/// ``feed(_:)``, so keys come out whole however the bytes arrive.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// The keys completed by `bytes`.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var text: [UInt8] = []
        var index = 0
        func flushText() {
            if !text.isEmpty { keys.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll()
        }
        while index < pending.count {
            let byte = pending[index]
            if byte >= 0x20 && byte != 0x7F {
                let length = Self.sequenceLength(leading: byte)
                guard index + length <= pending.count else { break }
                // Invalid UTF-8 is dropped rather than shown as a replacement character.
                let scalarBytes = pending[index..<(index + length)]
                if byte < 0x80 || (length > 1 && String(validating: scalarBytes, as: UTF8.self) != nil) { text += scalarBytes }
                index += length
                continue
            }
            flushText()
            if byte == 0x1B {
                guard let (key, length) = Self.escape(pending[index...]) else { break }
                keys.append(key)
                index += length
                continue
            }
            keys.append(Self.control(byte))
            index += 1
        }
        flushText()
        pending.removeFirst(index)
        return keys
    }

    /// The bytes of the UTF-8 sequence a leading byte starts (1 for a stray continuation byte).
    private static func sequenceLength(leading byte: UInt8) -> Int {
        switch byte {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }

    private static func control(_ byte: UInt8) -> Key {
        switch byte {
        case 0x0D, 0x0A: .enter
        case 0x7F, 0x08: .backspace
        case 0x01: .home
        case 0x05: .end
        case 0x02: .left
        case 0x06: .right
        case 0x10: .up
        case 0x0E: .down
        case 0x03: .interrupt
        case 0x04: .endOfInput
        case 0x15: .killToStart
        case 0x0B: .killToEnd
        case 0x17: .killWord
        case 0x0C: .clearScreen
        case 0x1A: .suspend
        default: .ignored
        }
    }

    /// The key an escape sequence at the start of `bytes` stands for and its
    /// length; nil when the sequence is not complete yet.
    private static func escape(_ bytes: ArraySlice<UInt8>) -> (Key, Int)? {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return nil }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "["):
            // CSI: parameter and intermediate bytes, then one final byte in 0x40…0x7E.
            var end = start + 2
            while end < bytes.endIndex, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
            guard end < bytes.endIndex else { return nil }
            let parameters = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
            return (csi(parameters: parameters, final: bytes[end]), end - start + 1)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return nil }
            return (csi(parameters: "", final: bytes[start + 2]), 3)
        case UInt8(ascii: "b"): return (.wordLeft, 2)
        case UInt8(ascii: "f"): return (.wordRight, 2)
        case 0x7F: return (.killWord, 2)
        default: return (.ignored, second == 0x1B ? 1 : 2)
        }
    }

    private static func csi(parameters: String, final: UInt8) -> Key {
        // Modifiers come after a semicolon ("1;5C" is Ctrl-Right).
        let fields = parameters.split(separator: ";")
        let modified = fields.count > 1
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return modified ? .wordRight : .right
        case UInt8(ascii: "D"): return modified ? .wordLeft : .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        case UInt8(ascii: "~"):
            switch fields.first {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            default: return .ignored
            }
        default: return .ignored
        }
    }
}
