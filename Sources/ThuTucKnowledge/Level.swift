import ThuTucText

/// The administrative level that carries out a procedure.
///
/// Since 1 July 2025 local government has two levels (province and commune);
/// ministries and a few other bodies handle the rest.
public enum Level: String, Codable, Sendable, CaseIterable, Comparable {
    case ministry = "bo"
    case province = "tinh"
    case commune = "xa"
    case other = "khac"

    /// The label the portal and citizens use ("Cấp xã").
    public var label: String {
        switch self {
        case .ministry: "Cấp bộ"
        case .province: "Cấp tỉnh"
        case .commune: "Cấp xã"
        case .other: "Cơ quan khác"
        }
    }

    /// Reads a portal label such as "Cấp tỉnh" (case-insensitive).
    public init?(label: String) {
        let wanted = label.trimmingWhitespace().lowercased()
        guard let level = Level.allCases.first(where: { $0.label.lowercased() == wanted }) else { return nil }
        self = level
    }

    public static func < (lhs: Level, rhs: Level) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .ministry: 0
        case .province: 1
        case .commune: 2
        case .other: 3
        }
    }
}
