/// Something the importer could only partly read, or deliberately left out,
/// in one record. The record is still written; the report counts these.
public struct ImportProblem: Sendable, Hashable {
    /// What went wrong, as a stable kebab-case name for the report.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case codeDiffersFromFileName = "code-differs-from-file-name"
        case levelUnknown = "level-unknown"
        case decisionWithoutNumber = "decision-without-number"
        case listEntryGarbled = "list-entry-garbled"
        case channelsUnreadable = "channels-unreadable"
        case channelsTextBeforeFirstRow = "channels-text-before-first-row"
        case channelKindRepeated = "channel-kind-repeated"
        case channelKindUnknown = "channel-kind-unknown"
        case timeWithoutNumber = "time-without-number"
        case timeUnitFromRecord = "time-unit-from-record"
        case timeWithoutUnit = "time-without-unit"
        case feeForeignCurrency = "fee-foreign-currency"
        case feeAmountImplausible = "fee-amount-implausible"
        case feeAmountScaledFromNote = "fee-amount-scaled-from-note"
        case feeCurrencyFromNote = "fee-currency-from-note"
        case feeFreeButNoteHasRates = "fee-free-but-note-has-rates"
        case feeNoteUnbalanced = "fee-note-unbalanced"
        case feeNoteWithoutFeeDropped = "fee-note-without-fee-dropped"
        case feeLineUnreadable = "fee-line-unreadable"
        case feeAmountMissing = "fee-amount-missing"
        case feeAmountUnreadable = "fee-amount-unreadable"
        case feeAttachmentDropped = "fee-attachment-dropped"
        case feeUnitAttached = "fee-unit-attached"
        case feeNoteUnread = "fee-note-unread"
        case documentsUnreadable = "documents-unreadable"
        case documentsHeadingGarbled = "documents-heading-garbled"
        case documentsTrailingText = "documents-trailing-text"
        case documentNoteKept = "document-note-kept"
        case documentsHeadingWithoutItems = "documents-heading-without-items"
        case documentNumberingDropped = "document-numbering-dropped"
        case formFileUnnamed = "form-file-unnamed"
        case documentNameMissing = "document-name-missing"
        case copyCountUnreadable = "copy-count-unreadable"
        case formNotAFileName = "form-not-a-file-name"
        case legalUnreadable = "legal-unreadable"
        case legalWithoutNumber = "legal-without-number"
        case legalNumberCompletedFromTitle = "legal-number-completed-from-title"
        case legalDateUnreadable = "legal-date-unreadable"
        case resultsUnreadable = "results-unreadable"
        case resultCodeMissing = "result-code-missing"
        case resultCodeInvalid = "result-code-invalid"

        /// One line saying what the importer did about it.
        public var summary: String {
            switch self {
            case .codeDiffersFromFileName: "ma_thu_tuc differs from the file name; the record's code is kept"
            case .levelUnknown: "a level label (cap_thuc_hien, cấp_thực_hiện) is not a known level; it is left out"
            case .decisionWithoutNumber: "the decision cell holds no recognisable number (\"Quyết định số 4777\"); kept as written"
            case .listEntryGarbled: "an agency or subject entry holds page text, not a name; it is left out"
            case .channelsUnreadable: "cach_thuc_thuc_hien has text but no channel row; no channels kept"
            case .channelsTextBeforeFirstRow: "text before the first channel row is skipped"
            case .channelKindRepeated: "several rows for one channel kind (cases that differ); all are kept"
            case .channelKindUnknown: "a channel row whose kind is not Trực tiếp, Trực tuyến or Dịch vụ bưu chính; row left out"
            case .timeUnitFromRecord: "a bare number of time whose unit the row's description or the steps state (\"trong thời hạn 05 ngày làm việc\"); that unit kept"
            case .timeWithoutUnit: "a bare number of time whose unit the record does not state; value kept, unit null"
            case .timeWithoutNumber: "a processing time with no number (\"Không quy định\"); text kept, value null"
            case .feeForeignCurrency: "a fee in a foreign currency; text kept, amount null (amounts are in đồng)"
            case .feeAmountImplausible: "a fee under 1,000 đồng that its note does not confirm; amount null"
            case .feeAmountScaledFromNote: "a fee under 1,000 đồng whose note states it in thousands; amount taken from the note"
            case .feeCurrencyFromNote: "a fee under 1,000 đồng whose note states the same number in a foreign currency (\"145 VNĐ\", \"145 USD/thẻ\"); the note's currency kept, amount null"
            case .feeFreeButNoteHasRates: "\"Miễn phí\" with rates in the note; amount 0, note kept"
            case .feeNoteUnbalanced: "a fee note whose parenthesis never closes; cut at its last ')'"
            case .feeNoteWithoutFeeDropped: "a note after a missing fee (list markers like \"1\"); dropped"
            case .feeLineUnreadable: "a fee line that is not \"Phí : … \" or \"Lệ phí : …\"; text kept, amount null"
            case .feeAmountMissing: "a fee line with no amount (\"Phí :  Đồng\"); no fee, or its note as the text when it has one"
            case .feeAmountUnreadable: "a fee amount that is no number (\"Mức thu bằng 50% …\", \"o\"); text kept, amount null"
            case .feeUnitAttached: "a note that is the amount's unit (\"/trang\"); attached to the amount as `per`"
            case .feeNoteUnread: "a note of a fee without amount that states no amount, waiver, setter or legal text; kept, basis null"
            case .feeAttachmentDropped: "a \"File đính kèm: …\" line in a fee cell (a file of the fee schedule); dropped"
            case .documentsUnreadable: "thanh_phan_ho_so has text but no document table; no documents kept"
            case .documentsHeadingGarbled: "a document group heading holds another field's text; heading dropped"
            case .documentsTrailingText: "text after the last document count; kept only if it names a document"
            case .documentNoteKept: "a row that is a note (\"Lưu ý: …\", or counted 0 and 0 naming no document); kept as the group's note"
            case .documentsHeadingWithoutItems: "a heading row with no document after it; its notes go to the group before"
            case .documentNumberingDropped: "a document row numbered by the source (\"1.\", \"a)\", \"(iv)\"); the numbering is dropped"
            case .formFileUnnamed: "a form file whose name does not say which form it is; left out"
            case .documentNameMissing: "a document row with only a form file; the file name is used as the name"
            case .copyCountUnreadable: "a document's count cell is not \"Bản chính: N / Bản sao: N\"; counted 0 and 0"
            case .formNotAFileName: "a line of a document's form cell that names no .doc/.docx/.pdf/.xls file; left out"
            case .legalUnreadable: "can_cu_phap_ly has text but no legal table; no references kept"
            case .legalWithoutNumber: "a legal reference without a recognisable number; title kept, number null"
            case .legalNumberCompletedFromTitle: "a number cell cut short (\"104\") that the title spells out (\"104/2022/NĐ-CP\"); the title's number kept"
            case .legalDateUnreadable: "an issue date that is not DD-MM-YYYY; date left out"
            case .resultsUnreadable: "ket_qua_xu_ly has text but no \"Mã:\" entry; no results kept"
            case .resultCodeMissing: "a result code cell holds no code (\"Chưa xác định\"); code null"
            case .resultCodeInvalid: "a result code that is placeholder text (\"vgvj\"); code null"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            lhs.rawValue < rhs.rawValue
        }
    }

    public var kind: Kind
    /// The source text concerned, shortened, for people reading the report.
    public var detail: String

    public init(_ kind: Kind, _ detail: String = "") {
        self.kind = kind
        self.detail = detail.count > 80 ? String(detail.prefix(77)) + "..." : detail
    }
}
