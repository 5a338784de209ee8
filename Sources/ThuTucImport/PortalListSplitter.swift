/// Splits the portal's comma lists: subjects, agencies, authorities, levels.
///
/// The lists join entries with ", ", but entries contain commas themselves:
/// "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Cán bộ, công chức, viên
/// chức", "Cục cảnh sát quản lý hành chính về trật tự, xã hội". Every entry
/// starts with a capital and continuations do not, so a comma splits only
/// outside parentheses and before a capital.
public enum PortalListSplitter {
    /// Page labels that leak into a field when the crawl misreads a page.
    static let pageLabels = [
        "Tên thủ tục", "Mã thủ tục", "Số quyết định", "Cấp thực hiện", "Loại thủ tục", "Lĩnh vực",
        "Đối tượng thực hiện", "Cơ quan có thẩm quyền", "Cơ quan thực hiện", "Địa chỉ tiếp nhận",
        "Trình Tự Thực Hiện", "Thành phần hồ sơ",
    ].map(\.scalarArray)
    /// An entry longer than this is a paragraph, not a name.
    static let longestEntry = 250

    /// The entries of a list, cleaned, in order, without repeats.
    public static func split(_ text: String) -> [String] {
        guard let cleaned = PortalText.value(text) else { return [] }
        let scalars = ScalarText(cleaned)
        var entries: [String] = []
        var start = 0
        var depth = 0
        for offset in 0..<scalars.count {
            switch scalars[offset] {
            case "(":
                depth += 1
            case ")":
                depth = max(depth - 1, 0)
            case "," where depth == 0:
                var next = offset + 1
                while scalars.isWhitespace(at: next) { next += 1 }
                if scalars.scalar(at: next)?.isUppercaseLetter == true {
                    entries.append(scalars.string(start..<offset))
                    start = next
                }
            default:
                break
            }
        }
        entries.append(scalars.string(start..<scalars.count))
        var unique: [String] = []
        for entry in entries.map(trimmed) where !entry.isEmpty && !unique.contains(entry) {
            unique.append(entry)
        }
        return unique
    }

    /// The entries of a list of names (agencies, subjects), leaving out
    /// entries that are page text rather than a name.
    public static func names(_ text: String) -> (names: [String], problems: [ImportProblem]) {
        var names: [String] = []
        var problems: [ImportProblem] = []
        for entry in split(text) {
            if isName(entry) {
                names.append(entry)
            } else {
                problems.append(ImportProblem(.listEntryGarbled, entry))
            }
        }
        return (names, problems)
    }

    /// A name starts with a capital or digit, is short, and holds no page label glued to other text.
    static func isName(_ entry: String) -> Bool {
        let scalars = ScalarText(entry)
        guard let first = scalars.scalar(at: 0), first.isUppercaseLetter || first.isASCIIDigit,
              scalars.count <= longestEntry else { return false }
        return !containsGluedLabel(scalars)
    }

    /// Whether a page label sits directly after other text ("…trồng rừngTên thủ tục…").
    static func containsGluedLabel(_ scalars: ScalarText) -> Bool {
        for label in pageLabels {
            for offset in scalars.offsets(of: label) where offset > 0 && !scalars.isWhitespace(at: offset - 1) {
                return true
            }
        }
        return false
    }

    /// An entry without surrounding separators and without a sentence's final
    /// full stop ("Ủy ban Nhân dân xã, phường, thị trấn."); "TP." keeps its point.
    private static func trimmed(_ entry: String) -> String {
        var text = PortalText.trimmingTrailingSeparators(PortalText.clean(entry))
        let scalars = Array(text.unicodeScalars)
        if scalars.count > 1, scalars.last == ".", !scalars[scalars.count - 2].isUppercaseLetter {
            text = String(String.UnicodeScalarView(scalars.dropLast()))
        }
        return text
    }
}
