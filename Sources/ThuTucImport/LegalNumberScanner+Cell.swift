extension LegalNumberScanner {
    /// The number a cell made to hold one document number states: "13/2016/NĐ-CP",
    /// "Luật 47/2014/QH13", "Quyết định số 6225/QĐ-BQP" → the bare number.
    ///
    /// Such a cell is sometimes typed with spaces at a separator ("3980 /QĐ-BQP",
    /// "21/2008/TTLT- BQP-BLĐTBXH-BTC"); since the whole cell is one number, the
    /// spaces are closed up when the cell does not read as it stands.
    public static func number(inCell cell: String) -> String? {
        let text = PortalText.clean(cell)
        if let match = numbers(in: text).first { return match.number }
        let scalars = Array(text.unicodeScalars)
        var closed = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let nextToSeparator = (index > 0 && separators.contains(scalars[index - 1]))
                || (index + 1 < scalars.count && separators.contains(scalars[index + 1]))
            if scalar == " ", nextToSeparator { continue }
            closed.append(scalar)
        }
        return numbers(in: String(closed)).first?.number
    }
}
