import Foundation

/// Days as the knowledge writes them ("2025-12-31"), which compare as text.
public enum CalendarDay {
    /// Vietnam's time zone: whether a note has expired is a question about its days.
    static let vietnam = TimeZone(secondsFromGMT: 7 * 3600) ?? .gmt

    /// Today in Vietnam, "YYYY-MM-DD".
    @Sendable public static func today() -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = vietnam
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }

    static func day(year: Int, month: Int, day: Int) -> String {
        String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + (day < 10 ? "0" : "") + String(day)
    }

    /// "2025-12-31" → "31/12/2025", as Vietnamese texts write days.
    static func display(_ day: String) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return parts.reversed().joined(separator: "/")
    }
}
