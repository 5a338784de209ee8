import Testing
import ThuTucImport
import ThuTucKnowledge

/// The Word export's document rows (`thanh_phan_ho_so`), one test per shape found
/// in ../shared/data/bo-quoc-phong: count cells, form cells with one or several
/// file names or none, and rows counted 0 and 0.
struct ImportDocumentRowParserTests {
    typealias Row = WordExportRecord.DocumentRow

    /// [originals, copies], or nil when the cell is not a count cell.
    private func counts(_ cell: String) -> [Int]? {
        CopyCountParser.parse(cell).map { [$0.originals, $0.copies] }
    }

    @Test func countCellsGiveOriginalsAndCopies() {
        #expect(counts("Bản chính: 1\nBản sao: 0") == [1, 0])
        #expect(counts("Bản chính: 0\nBản sao: 1") == [0, 1])
        #expect(counts("Bản chính: 1\nBản sao: 1") == [1, 1])
        #expect(counts("Bản chính: 3\nBản sao: 0") == [3, 0])
        #expect(counts("Bản chính: 0\nBản sao: 5") == [0, 5])
        #expect(counts("Bản chính: 0\nBản sao: 0") == [0, 0])
        #expect(counts("Bản chính: 02") == [2, 0])
    }

    @Test func anythingElseIsNotACountCell() {
        #expect(counts("") == nil)
        #expect(counts("1 bản chính") == nil)
        #expect(counts("Bản chính: một") == nil)
        #expect(counts("Bản chính: 1\nBản chính: 2") == nil)
        #expect(counts("Bản photo: 1") == nil)
    }

    @Test func aRowWithoutAForm() {
        let (groups, problems) = DocumentRowParser.parse([Row(name: "Đơn xin xác nhận thời gian phục vụ", counts: "Bản chính: 1\nBản sao: 0")])
        #expect(groups == [DocumentGroup(title: nil, items: [RequiredDocument(name: "Đơn xin xác nhận thời gian phục vụ", form: nil, originals: 1, copies: 0)])])
        #expect(problems.isEmpty)
    }

    @Test func theFormCellsFileNamesGiveTheFormsName() {
        let rows = [
            Row(name: "Bản khai của thân nhân", forms: "Mau07.docx", counts: "Bản chính: 1\nBản sao: 0"),
            Row(name: "Danh sách người đi cùng", forms: "DS DI CUNG.DOC", counts: "Bản chính: 3\nBản sao: 0"),
            Row(name: "Bản kê hành lý", forms: "Bang ke 2.pdf", counts: "Bản chính: 1\nBản sao: 0"),
        ]
        let (groups, problems) = DocumentRowParser.parse(rows)
        let items = groups.first?.items ?? []
        // A file named after no form ("DS DI CUNG.DOC") is left out rather than shown.
        #expect(items.map(\.form) == ["Mẫu số 07", nil, nil])
        #expect(problems.map(\.kind) == [.formFileUnnamed, .formFileUnnamed])
        #expect(items.map(\.name) == ["Bản khai của thân nhân", "Danh sách người đi cùng", "Bản kê hành lý"])
    }

    @Test func severalFormsOneALineAreJoined() {
        let row = Row(name: "Tờ khai theo từng trường hợp", forms: "MauA1.docx\nMauA2.docx\nPhuLuc3.doc", counts: "Bản chính: 1\nBản sao: 0")
        #expect(DocumentRowParser.parse([row]).groups.first?.items.first?.form == "Mẫu A1; Mẫu A2; Phụ lục 3")
    }

    @Test func aFormLineThatIsNoFileIsReportedAndLeftOut() {
        let (groups, problems) = DocumentRowParser.parse([Row(name: "Giấy đề nghị", forms: "theo mẫu\nMau01.docx", counts: "Bản chính: 1\nBản sao: 0")])
        #expect(groups.first?.items.first?.form == "Mẫu số 01")
        #expect(problems.map(\.kind) == [.formNotAFileName])
    }

    @Test func theSourcesBulletsAndNumbersGo() {
        let rows = [
            Row(name: "- Bản chụp giấy ra viện.", counts: "Bản chính: 0\nBản sao: 1"),
            Row(name: "2. 1. Đơn đề nghị", counts: "Bản chính: 1\nBản sao: 0"),
        ]
        let (groups, problems) = DocumentRowParser.parse(rows)
        #expect(groups.first?.items.map(\.name) == ["Bản chụp giấy ra viện", "Đơn đề nghị"])
        #expect(problems.map(\.kind) == [.documentNumberingDropped])
    }

    @Test func aZeroZeroRowThatNamesADocumentIsKept() {
        let rows = [
            Row(name: "+ Tờ trình đề nghị sáp nhập, gồm: lý do; phương án", counts: "Bản chính: 0\nBản sao: 0"),
            Row(name: "Đề án sáp nhập đơn vị", counts: "Bản chính: 0\nBản sao: 0"),
        ]
        let (groups, problems) = DocumentRowParser.parse(rows)
        #expect(groups.first?.items.map(\.originals) == [0, 0])
        #expect(groups.first?.items.count == 2)
        #expect(problems.isEmpty)
    }

    @Test func aZeroZeroNoteIsKeptAsANote() {
        let rows = [
            Row(name: "Giấy tờ phải xuất trình khi đến làm thủ tục: hộ chiếu", counts: "Bản chính: 0\nBản sao: 0"),
            Row(name: "Các tài liệu khác nếu cơ quan yêu cầu", counts: "Bản chính: 0\nBản sao: 0"),
            Row(name: "Giấy đề nghị", counts: "Bản chính: 1\nBản sao: 0"),
        ]
        let (groups, problems) = DocumentRowParser.parse(rows)
        #expect(groups.first?.items.map(\.name) == ["Giấy đề nghị"])
        #expect(groups.first?.notes == ["Giấy tờ phải xuất trình khi đến làm thủ tục: hộ chiếu", "Các tài liệu khác nếu cơ quan yêu cầu"])
        #expect(problems.map(\.kind) == [.documentNoteKept, .documentNoteKept])
    }

    @Test func aZeroZeroCaseHeadingWithAFormIsKept() {
        let row = Row(name: "Trường hợp 2: đề nghị điều chỉnh phạm vi hoạt động", forms: "Mau09.docx", counts: "Bản chính: 0\nBản sao: 0")
        let (groups, problems) = DocumentRowParser.parse([row])
        #expect(groups.first?.items == [RequiredDocument(
            name: "Trường hợp 2: đề nghị điều chỉnh phạm vi hoạt động", form: "Mẫu số 09", originals: 0, copies: 0, conditional: true
        )])
        #expect(problems.isEmpty)
    }

    @Test func aRowWithOnlyAFormIsNamedAfterTheForm() {
        let (groups, problems) = DocumentRowParser.parse([Row(name: "", forms: "Mau05.docx", counts: "Bản chính: 1\nBản sao: 0")])
        #expect(groups.first?.items.first?.name == "Mẫu số 05")
        #expect(problems.map(\.kind) == [.documentNameMissing])
        let unnamed = DocumentRowParser.parse([Row(name: "", forms: "MauKhai.docx", counts: "Bản chính: 1\nBản sao: 0")])
        #expect(unnamed.groups.isEmpty, "a file that names no form gives no document")
        #expect(unnamed.problems.map(\.kind) == [.formFileUnnamed])
    }

    @Test func anUnreadableCountCellIsReportedAndCountsNothing() {
        let (groups, problems) = DocumentRowParser.parse([Row(name: "Giấy giới thiệu", counts: "một bản")])
        #expect(groups.first?.items.first.map { [$0.originals, $0.copies] } == [0, 0])
        #expect(problems.map(\.kind) == [.copyCountUnreadable])
    }

    @Test func noRowsNoGroup() {
        #expect(DocumentRowParser.parse([]).groups.isEmpty)
        #expect(DocumentRowParser.parse([Row(name: " ", counts: "")]).groups.isEmpty)
    }
}
