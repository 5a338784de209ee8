/// The parts of a procedure the index searches, each with its own weight.
public enum IndexField: Int, CaseIterable, Sendable {
    /// The catalogue name.
    case name
    /// Our curated everyday names.
    case alias
    /// The field (lĩnh vực).
    case field
    /// Result documents.
    case result
    /// Required documents.
    case document
    /// Agencies and authorities.
    case agency

    /// BM25F weight: names and aliases decide; documents only hint.
    var weight: Float {
        switch self {
        case .name: 3.0
        case .alias: 3.0
        case .field: 0.8
        case .result: 0.7
        case .document: 0.15
        case .agency: 0.3
        }
    }

    /// BM25F length normalisation per field.
    var lengthNormalization: Float {
        switch self {
        case .name, .alias: 0.6
        case .field, .result, .agency: 0.4
        case .document: 0.75
        }
    }
}
