import Testing
import ThuTucImport
import ThuTucKnowledge

/// The results of `ket_qua_xu_ly` and the portal UI that follows them.
struct ImportResultListParserTests {
    let widgets = "Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyếnNộp hồ sơ"

    @Test func twoResultsWithCodesAndTheUITailDropped() {
        let text = "Giấy chứng nhận kiểm dịch sản phẩm động vậtMã: KQ.G10.001245Giấy chứng nhận kiểm dịch động vậtMã: G19-KQ0060102" + widgets
        let (results, problems) = ResultListParser.parse(text)
        #expect(results == [
            ResultDocument(name: "Giấy chứng nhận kiểm dịch sản phẩm động vật", code: "KQ.G10.001245"),
            ResultDocument(name: "Giấy chứng nhận kiểm dịch động vật", code: "G19-KQ0060102"),
        ])
        #expect(problems.isEmpty)
    }

    @Test func codesWithoutDigitsEndBeforeTheNextName() {
        let results = ResultListParser.parse("Văn bản tố tụng của Tòa ánMã: VBTTQuyết định khácMã: 000.00.00.G15-KQ1293" + widgets).results
        #expect(results.map(\.code) == ["VBTT", "000.00.00.G15-KQ1293"])
        #expect(results.map(\.name) == ["Văn bản tố tụng của Tòa án", "Quyết định khác"])
    }

    @Test func placeholderCodesAreDropped() {
        let (results, problems) = ResultListParser.parse("Quyết định cấp lạiMã: utwChứng chỉ hành nghềMã: sggaGiấy phépMã: hgvg6" + widgets)
        #expect(results == [
            ResultDocument(name: "Quyết định cấp lại", code: nil),
            ResultDocument(name: "Chứng chỉ hành nghề", code: nil),
            ResultDocument(name: "Giấy phép", code: nil),
        ])
        #expect(problems.map(\.kind) == [.resultCodeInvalid, .resultCodeInvalid, .resultCodeInvalid])
    }

    @Test func undeterminedCodeCellIsDropped() {
        let (results, problems) = ResultListParser.parse("Mã số cơ sở chăn nuôi.Mã: Chưa xác định" + widgets)
        #expect(results == [ResultDocument(name: "Mã số cơ sở chăn nuôi.", code: nil)])
        #expect(problems.map(\.kind) == [.resultCodeMissing])
    }

    @Test func emptyAndUnreadableFields() {
        #expect(ResultListParser.parse("").results.isEmpty)
        #expect(ResultListParser.parse(widgets).results.isEmpty)
        let misplaced = ResultListParser.parse("+ Quyết định thu hồi Giấy chứng nhận thành viên.1 bản chính")
        #expect(misplaced.results.isEmpty)
        #expect(misplaced.problems.map(\.kind) == [.resultsUnreadable])
    }
}
