import Testing
import ThuTucImport
import ThuTucKnowledge

/// The legal-basis table of `can_cu_phap_ly`, one test per flattened shape found in the export.
struct ImportLegalBasisParserTests {
    let header = "Tên văn bản pháp lýMã văn bản"

    @Test func legislatureNumberTakesTwoDigitsBeforeTheNextCell() {
        let (references, problems) = LegalBasisParser.parse(header + "Luật 54/2014/QH1354/2014/QH13Thuế xuất khẩu, thuế nhập khẩu107/2016/QH13")
        #expect(references == [
            LegalReference(title: "Luật 54/2014/QH13", number: "54/2014/QH13"),
            LegalReference(title: "Thuế xuất khẩu, thuế nhập khẩu", number: "107/2016/QH13"),
        ])
        #expect(problems.isEmpty)
    }

    @Test func numberCellsWithSốPrefixGiveTheBareNumber() {
        let references = LegalBasisParser.parse(header + "73/2025/TT-NHNNSố 73/2025/TT-NHNNLuật Các tổ chức tín dụngLuật số 32/2024/QH15").references
        #expect(references == [
            LegalReference(title: "73/2025/TT-NHNN", number: "73/2025/TT-NHNN"),
            LegalReference(title: "Luật Các tổ chức tín dụng", number: "32/2024/QH15"),
        ])
    }

    @Test func typeAndSốPrefixGluedToTheTitle() {
        let references = LegalBasisParser.parse(header + "về cấp và quản lý bảo lãnh Chính phủNghị định số 92/2018/NĐ-CP").references
        #expect(references == [LegalReference(title: "về cấp và quản lý bảo lãnh Chính phủ", number: "92/2018/NĐ-CP")])
    }

    @Test func numbersInsideTitlesStayInTheTitle() {
        let text = header + "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết Luật Hộ tịch123/2015/NĐ-CP"
            + "Thông tư 12/2015/TT-BTC12/2015/TT-BTC"
        let references = LegalBasisParser.parse(text).references
        #expect(references == [
            LegalReference(title: "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết Luật Hộ tịch", number: "123/2015/NĐ-CP"),
            LegalReference(title: "Thông tư 12/2015/TT-BTC", number: "12/2015/TT-BTC"),
        ])
    }

    @Test func typeOnlyTitleBorrowsTheNumberCell() {
        let references = LegalBasisParser.parse(header + "LuậtLuật 18/2017/QH14Thông tư02/2026/TT-BNNMT").references
        #expect(references == [
            LegalReference(title: "Luật 18/2017/QH14", number: "18/2017/QH14"),
            LegalReference(title: "Thông tư 02/2026/TT-BNNMT", number: "02/2026/TT-BNNMT"),
        ])
    }

    @Test func decimalNumbersDecisionsAndAsciiSpellings() {
        let text = header + "Nghị quyết cắt giảm thủ tục66.7/2025/NQ-CPQuyết định thủ tướng10/2023/QĐ-TTgThuế nhập khẩu18/2021/ND-CP"
        let numbers = LegalBasisParser.parse(text).references.map(\.number)
        #expect(numbers == ["66.7/2025/NQ-CP", "10/2023/QĐ-TTg", "18/2021/NĐ-CP"])
    }

    @Test func issuerGluedToAnUppercaseTitle() {
        let references = LegalBasisParser.parse(header + "Về an ninh hàng không25/2021/TT-BCAQUY ĐỊNH MỨC THU PHÍ281/2016/TT-BTC").references
        #expect(references.map(\.number) == ["25/2021/TT-BCA", "281/2016/TT-BTC"])
        #expect(references.last?.title == "QUY ĐỊNH MỨC THU PHÍ")
    }

    @Test func yearGluedBeforeANumberIsNotPartOfIt() {
        let references = LegalBasisParser.parse(header + "Luật Khiếu nại năm 201102/2011/QH13").references
        #expect(references == [LegalReference(title: "Luật Khiếu nại năm 2011", number: "02/2011/QH13")])
    }

    @Test func titleWithoutNumberIsKeptAndReported() {
        let (references, problems) = LegalBasisParser.parse(header + "Luật Hộ tịch60/2014/QH13Luật Hóa chất")
        #expect(references.last == LegalReference(title: "Luật Hóa chất", number: nil))
        #expect(problems.map(\.kind) == [.legalWithoutNumber])
    }

    @Test func fieldWithoutTableIsReported() {
        #expect(LegalBasisParser.parse("Không có thông tin").references.isEmpty)
        let garbled = LegalBasisParser.parse(": Thông tư 269/2016/TT-BTC)Dịch vụ bưu chính1 Ngày100 VNĐ")
        #expect(garbled.references.isEmpty)
        #expect(garbled.problems.map(\.kind) == [.legalUnreadable])
    }
}
