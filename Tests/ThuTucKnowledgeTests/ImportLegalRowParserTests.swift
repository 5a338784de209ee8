import Testing
import ThuTucImport
import ThuTucKnowledge

/// The Word export's legal rows (`can_cu_phap_ly`) and decision cell, one test
/// per shape found in ../shared/data/bo-quoc-phong: rows with every cell or
/// without the issuer, number cells with a prefix, stray spaces, cut short,
/// or holding a title, and an empty table.
struct ImportLegalRowParserTests {
    typealias Row = WordExportRecord.LegalRow

    @Test func aRowWithEveryCell() {
        let (references, problems) = LegalRowParser.parse([Row(number: "12/2029/NĐ-CP", title: "Nghị định về đăng ký dự bị", date: "03-04-2029", issuer: "Chính phủ")])
        #expect(references == [LegalReference(title: "Nghị định về đăng ký dự bị", number: "12/2029/NĐ-CP", date: "2029-04-03", issuer: "Chính phủ")])
        #expect(problems.isEmpty)
    }

    @Test func aRowWithoutTheIssuerCell() {
        let references = LegalRowParser.parse([Row(number: "40/2030/QH16", title: "Luật Biên phòng", date: "30-11-2030")]).references
        #expect(references == [LegalReference(title: "Luật Biên phòng", number: "40/2030/QH16", date: "2030-11-30", issuer: nil)])
    }

    @Test func numberCellsWithATypeWordOrSốKeepTheBareNumber() {
        let rows = [
            Row(number: "Luật 9/2031/QH16", title: "Luật Quốc phòng"),
            Row(number: "Thông tư số 50/2031/TT-BQP", title: "Thông tư về huấn luyện"),
            Row(number: "số 7/2031/QH16", title: "Luật Tố cáo"),
            Row(number: "Số 3/2032/QĐ-TTg", title: "Số 3/2032/QĐ-TTg"),
        ]
        #expect(LegalRowParser.parse(rows).references.map(\.number) == ["9/2031/QH16", "50/2031/TT-BQP", "7/2031/QH16", "3/2032/QĐ-TTg"])
    }

    @Test func spacesAtASeparatorAreClosedUp() {
        let references = LegalRowParser.parse([Row(number: "15/2030/TTLT- BQP-BTC", title: "Thông tư liên tịch 15/2030/TTLT- BQP-BTC")]).references
        #expect(references.first?.number == "15/2030/TTLT-BQP-BTC")
        #expect(LegalNumberScanner.number(inCell: "3980 /QĐ-BQP") == "3980/QĐ-BQP")
    }

    @Test func aNumberCellCutShortIsCompletedFromTheTitle() {
        let rows = [
            Row(number: "88", title: "Nghị định số 88/2031/NĐ-CP của Chính phủ sửa đổi Nghị định số 5/2020/NĐ-CP", date: "02-02-2031"),
            Row(number: "61/2032", title: "Nghị định 61/2032/NĐ-CP ngày 1/6/2032"),
        ]
        let (references, problems) = LegalRowParser.parse(rows)
        #expect(references.map(\.number) == ["88/2031/NĐ-CP", "61/2032/NĐ-CP"])
        #expect(problems.map(\.kind) == [.legalNumberCompletedFromTitle, .legalNumberCompletedFromTitle])
    }

    @Test func aCutShortCellTheTitleDoesNotSpellOutHasNoNumber() {
        let (references, problems) = LegalRowParser.parse([Row(number: "33", title: "Luật Hải quan 2030")])
        #expect(references == [LegalReference(title: "Luật Hải quan 2030", number: nil)])
        #expect(problems.map(\.kind) == [.legalWithoutNumber])
    }

    @Test func aNumberCellHoldingATitleOrAnIncompleteNumberHasNoNumber() {
        let rows = [
            Row(number: "BỘ LUẬT  THỦY SẢN", title: "BỘ LUẬT THỦY SẢN"),
            Row(number: "140/2030/TT", title: "HƯỚNG DẪN CHẾ ĐỘ NGHỈ DƯỠNG"),
        ]
        let (references, problems) = LegalRowParser.parse(rows)
        #expect(references.map(\.title) == ["BỘ LUẬT THỦY SẢN", "HƯỚNG DẪN CHẾ ĐỘ NGHỈ DƯỠNG"])
        #expect(references.map(\.number) == [nil, nil])
        #expect(problems.count == 2)
    }

    @Test func anEmptyOrTypeOnlyTitleTakesTheNumberCell() {
        let rows = [Row(number: "21/2031/NĐ-CP", title: ""), Row(number: "Thông tư 4/2031/TT-BQP", title: "Thông tư")]
        #expect(LegalRowParser.parse(rows).references.map(\.title) == ["21/2031/NĐ-CP", "Thông tư 4/2031/TT-BQP"])
    }

    @Test func datesThatAreNotDayMonthYearAreReported() {
        let dates = ["7-8-2031", "07/08/2031", "2031-08-07", "32-01-2031", "tháng 8"]
        let rows = dates.enumerated().map { Row(number: "\($0.offset + 1)/2031/QH16", title: "Luật \($0.offset)", date: $0.element) }
        let (references, problems) = LegalRowParser.parse(rows)
        #expect(references.map(\.date) == ["2031-08-07", "2031-08-07", nil, nil, nil])
        #expect(problems.map(\.kind) == [.legalDateUnreadable, .legalDateUnreadable, .legalDateUnreadable])
    }

    @Test func repeatsAreKeptOnceAndAnEmptyTableGivesNothing() {
        let row = Row(number: "5/2031/NĐ-CP", title: "Nghị định 5")
        #expect(LegalRowParser.parse([row, row]).references.count == 1)
        #expect(LegalRowParser.parse([]).references.isEmpty)
        #expect(LegalRowParser.parse([Row(number: "", title: "")]).references.isEmpty)
    }
}
