import Testing
import ThuTucImport
import ThuTucKnowledge

/// The document table of `thanh_phan_ho_so`, one test per flattened shape found in the export.
struct ImportDocumentListParserTests {
    let header = "Tên giấy tờMẫu đơn, tờ khaiSố lượng"

    @Test func singleUnnamedGroupWithCounts() {
        let (groups, problems) = DocumentListParser.parse("--" + header + "Tờ khai đăng ký khai sinh1 bản chínhGiấy chứng sinh1 bản sao")
        #expect(groups == [DocumentGroup(title: nil, items: [
            RequiredDocument(name: "Tờ khai đăng ký khai sinh", originals: 1, copies: 0),
            RequiredDocument(name: "Giấy chứng sinh", originals: 0, copies: 1),
        ])])
        #expect(problems.isEmpty)
    }

    @Test func originalsAndCopies() {
        let groups = DocumentListParser.parse(header + "Bản sao Giấy chứng nhận đăng ký doanh nghiệp0 bản chính,1 bản sao").groups
        #expect(groups.first?.items.first == RequiredDocument(name: "Bản sao Giấy chứng nhận đăng ký doanh nghiệp", originals: 0, copies: 1))
    }

    @Test func multipleGroupsTakeTheirHeadingsFromTheTextBeforeEachHeader() {
        let text = "* Giấy tờ phải nộp:" + header + "Tờ khai đăng ký kết hôn1 bản chính"
            + "* Giấy tờ phải xuất trình:" + header + "Hộ chiếu hoặc thẻ căn cước1 bản chính"
        let groups = DocumentListParser.parse(text).groups
        #expect(groups.map(\.title) == ["Giấy tờ phải nộp", "Giấy tờ phải xuất trình"])
        #expect(groups.map(\.isCase) == [false, false], "sections of the dossier everyone files, not cases")
        #expect(groups.map { $0.items.map(\.name) } == [["Tờ khai đăng ký kết hôn"], ["Hộ chiếu hoặc thẻ căn cước"]])
    }

    @Test func sentenceHeadingBetweenGroups() {
        let text = "--" + header + "Đơn đề nghị1 bản chính"
            + "Ngoài hồ sơ trên, trường hợp ủy quyền nộp thêm" + header + "Văn bản ủy quyền1 bản chính"
        let groups = DocumentListParser.parse(text).groups
        #expect(groups.map(\.title) == [nil, "Ngoài hồ sơ trên, trường hợp ủy quyền nộp thêm"])
        #expect(groups.map(\.isCase) == [false, true])
    }

    @Test func formFileNamesAreSeparatedFromTheNameAndNamedAsForms() {
        let text = header
            + "Tờ khai theo Mẫu số 01 ban hành kèm theo Nghị định số 33/2026/NĐ-CPMẫu số 01.docx1 bản chính"
            + "Đơn đề nghị cấp phép theo mẫu;Mus08.docx1 bản chính"
            + "Văn bản đề nghị theo mẫu quy định tại Nghị định 66/2021/NĐ-CP.Phu lục II NĐ 66.doc1 bản chính"
            + "Báo cáo khai thác khoáng sảnMau05.docxMau07.docx1 bản chính"
            + "Bản khai vũ khíBnkhaivkhvvtliunnuc.docx1 bản chính"
        let (groups, problems) = DocumentListParser.parse(text)
        let items = groups.flatMap(\.items)
        #expect(items.map(\.name) == [
            "Tờ khai theo Mẫu số 01 ban hành kèm theo Nghị định số 33/2026/NĐ-CP",
            "Đơn đề nghị cấp phép theo mẫu",
            "Văn bản đề nghị theo mẫu quy định tại Nghị định 66/2021/NĐ-CP",
            "Báo cáo khai thác khoáng sản",
            "Bản khai vũ khí",
        ])
        // A file that says which form it is gives the form's name; one that does not is left out.
        #expect(items.map(\.form) == ["Mẫu số 01", "Mẫu số 08", "Phụ lục II", "Mẫu số 05; Mẫu số 07", nil])
        #expect(problems.map(\.kind) == [.formFileUnnamed])
    }

    @Test func aCountGluedToAYearTakesOnlyTheLastDigit() {
        let groups = DocumentListParser.parse(header + "Giấy tờ theo Luật Đất đai năm 20240 bản chính,1 bản sao").groups
        #expect(groups.first?.items.first == RequiredDocument(name: "Giấy tờ theo Luật Đất đai năm 2024", originals: 0, copies: 1))
    }

    @Test func zeroPaddedCountsInProseAreNotCells() {
        let text = header + "+ Văn bản đề nghị xin tái xuất (01 bản chính)0 bản chính- Tờ khai hải quan: nộp 02 bản chính Danh mục miễn thuế1 bản chính"
        let items = DocumentListParser.parse(text).groups.flatMap(\.items)
        #expect(items == [
            RequiredDocument(name: "Văn bản đề nghị xin tái xuất (01 bản chính)", originals: 0, copies: 0),
            RequiredDocument(name: "Tờ khai hải quan: nộp 02 bản chính Danh mục miễn thuế", originals: 1, copies: 0),
        ])
    }

    @Test func headingsStartCasesNotesStayNotesDocumentsLoseTheSourceNumbering() {
        let text = "* Giấy tờ phải nộp:" + header
            + "- Chứng cứ chứng minh quan hệ cha, con gồm:0 bản chính"
            + "+ Văn bản của cơ quan y tế xác nhận quan hệ cha con.1 bản chính"
            + "Trường hợp các thông tin đã có trong Cơ sở dữ liệu thì không phải xuất trình0 bản chính"
            + "a) Tờ khai hải quan: 02 bản chính0 bản chính"
            + "- Bản chụp các giấy tờ phải bảo đảm rõ nét0 bản chính"
        let (groups, problems) = DocumentListParser.parse(text)
        // The lead-in "… gồm:" heads a case of its own; the documents after it are that case's.
        #expect(groups.map(\.title) == ["Chứng cứ chứng minh quan hệ cha, con"])
        #expect(groups.last?.isCase == true)
        #expect(problems.contains { $0.kind == .documentsHeadingWithoutItems }, "the section heading left without documents")
        #expect(groups.last?.items.map(\.name) == ["Văn bản của cơ quan y tế xác nhận quan hệ cha con", "Tờ khai hải quan: 02 bản chính"])
        #expect(groups.last?.notes == ["Trường hợp các thông tin đã có trong Cơ sở dữ liệu thì không phải xuất trình", "Bản chụp các giấy tờ phải bảo đảm rõ nét"])
        #expect(problems.filter { $0.kind == .documentNoteKept }.count == 2)
        #expect(problems.contains { $0.kind == .documentNumberingDropped })
    }

    @Test func trailingTextIsKeptOnlyWhenItNamesADocument() {
        let kept = DocumentListParser.parse(header + "Đơn đề nghị1 bản chínhGiấy chứng nhận đăng ký đầu tư")
        #expect(kept.groups.first?.items.last == RequiredDocument(name: "Giấy chứng nhận đăng ký đầu tư", originals: 0, copies: 0))
        #expect(kept.problems.map(\.kind) == [.documentsTrailingText])
        let dropped = DocumentListParser.parse(header + "Đơn đề nghị1 bản chínhTrường hợp nộp trực tuyến thì tải bản điện tử")
        #expect(dropped.groups.first?.items.count == 1)
    }

    @Test func emptyAndUnreadableFields() {
        #expect(DocumentListParser.parse("--").groups.isEmpty)
        #expect(DocumentListParser.parse("").groups.isEmpty)
        let misplaced = DocumentListParser.parse("); nộp hồ sơ cho cơ quan BHXH.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ.")
        #expect(misplaced.groups.isEmpty)
        #expect(misplaced.problems.map(\.kind) == [.documentsUnreadable])
    }

    @Test func subItemsAreDetailsAndConditionalDocumentsAreMarked() {
        let text = header
            + "- Một trong những giấy tờ hợp pháp về đất đai, bao gồm:  + Giấy chứng nhận quyền sử dụng đất. + Giấy chứng nhận quyền sở hữu nhà ở.1 bản chính"
            + "Báo cáo kinh tế - kỹ thuật: nộp kèm bản vẽ1 bản chính"
            + "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản1 bản chính"
            + "Giấy ủy quyền (nếu có)1 bản chính"
        let items = DocumentListParser.parse(text).groups.flatMap(\.items)
        #expect(items.first == RequiredDocument(
            name: "Một trong những giấy tờ hợp pháp về đất đai", originals: 1, copies: 0,
            details: ["Giấy chứng nhận quyền sử dụng đất", "Giấy chứng nhận quyền sở hữu nhà ở"]
        ))
        #expect(items[1].details.isEmpty, "a dash inside a name is no sub-item")
        #expect(items.map(\.conditional) == [false, false, true, true])
    }

    @Test func aRepeatedDocumentAndARepeatedNoteAreKeptOnce() {
        let text = header + "Giấy đề nghị1 bản chínhGiấy đề nghị1 bản chínhLưu ý: nộp bản chụp.0 bản chínhLưu ý: nộp bản chụp.0 bản chính"
        let groups = DocumentListParser.parse(text).groups
        #expect(groups.first?.items.count == 1)
        #expect(groups.first?.notes == ["Lưu ý: nộp bản chụp."])
    }

    @Test func formNamesAreReadFromTheFilesTheSourceGives() {
        #expect(FormNamer.name(ofFile: "1.MuCT01banhnhkmtheoThngts53.doc") == "Mẫu CT01")
        #expect(FormNamer.name(ofFile: "Mau 35 - Phu luc II_36.2025.TT-BNNMT_02.7.2025.docx") == "Mẫu số 35")
        #expect(FormNamer.name(ofFile: "Mẫu số 1.1 To trinh.docx") == "Mẫu số 1.1")
        #expect(FormNamer.name(ofFile: "Ms04.DT.docx") == "Mẫu số 04.DT")
        #expect(FormNamer.name(ofFile: "Mauso25.docx") == "Mẫu số 25")
        #expect(FormNamer.name(ofFile: "Mẫu TP-LS-28-sđ.docx") == "Mẫu TP-LS-28")
        #expect(FormNamer.name(ofFile: "Phụ lục số 01_TT24.docx") == "Phụ lục số 01")
        #expect(FormNamer.name(ofFile: "PHỤ LỤC V.MẪU ĐƠN GIA HẠN.docx") == "Phụ lục V")
        #expect(FormNamer.name(ofFile: "MauDanhsachthuyenvien.docx") == nil)
        #expect(FormNamer.name(ofFile: "DANH SÁCH THÀNH VIÊN.doc") == nil)
        #expect(FormNamer.name(ofFile: "08.pdf") == nil)
    }

    @Test func formSplitterLeavesNamesWithoutAFormAlone() {
        #expect(FormFileSplitter.split("Tờ khai đăng ký khai sinh").forms.isEmpty)
        let glued = FormFileSplitter.split("Đơn đề nghị theo mẫu1.000312.docx")
        #expect(glued.name == "Đơn đề nghị theo mẫu")
        #expect(glued.forms == ["1.000312.docx"])
        // "4x6cm" is a size, not a joint; the word glued to the file name is.
        let units = FormFileSplitter.split("Ảnh 4x6cm theo mẫu1.doc")
        #expect(units.name == "Ảnh 4x6cm theo mẫu")
        #expect(units.forms == ["1.doc"])
        let spaced = FormFileSplitter.split("Ảnh màu cỡ 4x6cm, Mau01 (1).doc")
        #expect(spaced.forms.isEmpty)
    }
}
