/// Roman numerals as the catalogue writes classes and grades ("công trình
/// cấp III", "cảng cá loại I, loại II"), read as the digits citizens type
/// ("cấp 3", "loại 1").
enum RomanNumeral {
    /// "V" and "X" alone are left out: written in capitals they are more
    /// often a hidden name ("anh X") than a class.
    private static let values: [[UInt8]: [UInt8]] = [
        "i": "1", "ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9",
    ].reduce(into: [:]) { table, entry in table[Array(entry.key.utf8)] = Array(entry.value.utf8) }

    /// The digits of the numeral that `letters` (lower-case ASCII) spell,
    /// from I to IX; nil for any other word.
    static func digits(_ letters: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard letters.count <= 4 else { return nil }
        return values[Array(letters)]
    }
}
