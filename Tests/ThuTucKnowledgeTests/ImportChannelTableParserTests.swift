import Testing
import ThuTucImport
import ThuTucKnowledge

/// The channel table of `cach_thuc_thuc_hien`, one test per flattened shape found in the export.
struct ImportChannelTableParserTests {
    let header = "Hình thức nộpThời gianPhí, lệ phíMô tả"

    @Test func workingDaysAndAmountWithVietNamDong() {
        let (channels, problems) = ChannelTableParser.parse(header + "Trực tuyến3 Ngày làm việc7,000 Việt Nam Đồng")
        #expect(channels == [Channel(
            kind: .online,
            time: ProcessingTime(text: "3 Ngày làm việc", value: 3, unit: .workingDays),
            fee: Fee(text: "7,000 Việt Nam Đồng", amount: 7_000, note: nil)
        )])
        #expect(problems.isEmpty)
    }

    @Test func bareNumberTimeHasNoUnit() {
        let channels = ChannelTableParser.parse(header + "Trực tiếp1Miễn phíDịch vụ bưu chính1Miễn phí").channels
        #expect(channels.map(\.kind) == [.inPerson, .post])
        #expect(channels.first?.time == ProcessingTime(text: "1", value: 1, unit: nil))
        #expect(channels.first?.fee == Fee(text: "Miễn phí", amount: 0, note: nil))
    }

    @Test func hoursAndMonths() {
        let channels = ChannelTableParser.parse(header + "Trực tuyến8 GiờMiễn phíTrực tiếp6 Tháng100 USD(100 USD/thẻ.)").channels
        #expect(channels.map(\.time?.unit) == [.hours, .months])
        #expect(channels.map(\.time?.value) == [8, 6])
    }

    @Test func decimalTime() {
        let channels = ChannelTableParser.parse(header + "Trực tiếp1.5 Ngày làm việcMiễn phí").channels
        #expect(channels.first?.time?.value == 1.5)
    }

    @Test func amountWithVNDAndNote() {
        let channels = ChannelTableParser.parse(header + "Trực tuyến2 Ngày làm việc70,000 VNĐ(70.000 đồng/Giấy chứng nhận)").channels
        #expect(channels.first?.fee == Fee(text: "70,000 VNĐ", amount: 70_000, note: "70.000 đồng/Giấy chứng nhận"))
    }

    @Test func freeFeeWithNestedParenthesesInNoteKeepsTheRates() {
        let text = header + "Trực tuyến12 NgàyMiễn phí(Cho một loại hình sản phẩm (hoặc dịch vụ): 8.000.000/lần; thêm một loại: 2.000.000/lần.)Trực tiếp12 NgàyMiễn phí"
        let (channels, problems) = ChannelTableParser.parse(text)
        #expect(channels.count == 2)
        #expect(channels.first?.fee?.amount == 0)
        #expect(channels.first?.fee?.note == "Cho một loại hình sản phẩm (hoặc dịch vụ): 8.000.000/lần; thêm một loại: 2.000.000/lần.")
        #expect(problems.map(\.kind) == [.feeFreeButNoteHasRates])
    }

    @Test func doubledParenthesesAroundANoteAreUnwrapped() {
        let channels = ChannelTableParser.parse(header + "Trực tuyến3Miễn phí((Mức lệ phí do Hội đồng nhân dân tỉnh quyết định.))").channels
        #expect(channels.first?.fee?.note == "Mức lệ phí do Hội đồng nhân dân tỉnh quyết định.")
    }

    @Test func missingInformationIsNoTimeAndNoFee() {
        let (channels, problems) = ChannelTableParser.parse(header + "Trực tiếpKhông có thông tinKhông có thông tin")
        #expect(channels == [Channel(kind: .inPerson, time: nil, fee: nil)])
        #expect(problems.isEmpty)
    }

    @Test func descriptionAfterFeeIsSkippedAndItsChannelWordsStartNoRow() {
        let text = header
            + "Trực tiếp5 Ngày làm việcMiễn phí05 (năm) ngày làm việc kể từ ngày nhận hồ sơ.+ Trực tiếp: nộp hồ sơ tại trụ sở. + Trực tuyến: nộp hồ sơ trực tuyến qua Cổng"
            + "Trực tuyến5 Ngày làm việcMiễn phíTrực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công"
        let channels = ChannelTableParser.parse(text).channels
        #expect(channels.map(\.kind) == [.inPerson, .online])
    }

    @Test func bareTimeGluedToAnAmountTakesTheFewestDigits() {
        let channels = ChannelTableParser.parse(header + "Trực tuyến120,000 VNĐDịch vụ bưu chính1100 VNĐ").channels
        #expect(channels.map(\.time?.text) == ["1", "1"])
        #expect(channels.first?.fee?.amount == 20_000)
        #expect(channels.last?.fee?.text == "100 VNĐ")
    }

    @Test func timeInWordsIsKeptWithoutValue() {
        let (channels, problems) = ChannelTableParser.parse(header + "Trực tuyếnKhông quy địnhMiễn phíQua Cổng DVC")
        #expect(channels.first?.time == ProcessingTime(text: "Không quy định", value: nil, unit: nil))
        #expect(problems.map(\.kind) == [.timeWithoutNumber])
    }

    @Test func foreignCurrencyHasNoAmount() {
        let (channels, problems) = ChannelTableParser.parse(header + "Trực tiếp5 Ngày làm việc10 USD(/lần)")
        #expect(channels.first?.fee == Fee(text: "10 USD", amount: nil, note: "/lần"))
        #expect(problems.map(\.kind) == [.feeForeignCurrency])
    }

    @Test func amountInThousandsIsScaledOnlyWhenTheNoteSaysSo() {
        let confirmed = ChannelTableParser.parse(header + "Trực tiếp1 Ngày20 VNĐ(20.000 vnđ /tờ khai)")
        #expect(confirmed.channels.first?.fee?.amount == 20_000)
        #expect(confirmed.problems.map(\.kind) == [.feeAmountScaledFromNote])
        let unconfirmed = ChannelTableParser.parse(header + "Trực tiếp1 Ngày155 VNĐ(155 USD/thẻ)")
        #expect(unconfirmed.channels.first?.fee?.amount == nil)
        #expect(unconfirmed.channels.first?.fee?.text == "155 VNĐ")
        #expect(unconfirmed.problems.map(\.kind) == [.feeAmountImplausible])
    }

    @Test func unclosedNoteStopsAtTheNextRowAfterItsLastParenthesis() {
        let text = header + "Trực tiếp8 Ngày làm việc50,000 Việt Nam Đồng(- 50.000đ/tem (Thông tư 25/2021/TT-BTC)+ Trực tiếp: nộp hồ sơ."
            + "Trực tuyến8 Ngày làm việc50,000 Việt Nam Đồng(50.000đ/tem)"
        let (channels, problems) = ChannelTableParser.parse(text)
        #expect(channels.map(\.kind) == [.inPerson, .online])
        #expect(channels.first?.fee?.note == "- 50.000đ/tem (Thông tư 25/2021/TT-BTC)")
        #expect(problems.map(\.kind).contains(.feeNoteUnbalanced))
    }

    @Test func noteAfterMissingFeeIsDropped() {
        let (channels, problems) = ChannelTableParser.parse(header + "Trực tiếp15 NgàyKhông có thông tin(1)")
        #expect(channels.first?.fee == nil)
        #expect(problems.map(\.kind) == [.feeNoteWithoutFeeDropped])
    }

    @Test func identicalRowsCollapseAndDifferingRowsOfOneKindAreKept() {
        let row = "Trực tiếp15 NgàyMiễn phí"
        let (channels, problems) = ChannelTableParser.parse(header + row + row + "Trực tiếp37 NgàyMiễn phí")
        #expect(channels.map(\.time?.value) == [15, 37])
        #expect(problems.map(\.kind) == [.channelKindRepeated])
    }

    @Test func textWithoutRowsIsReported() {
        let (channels, problems) = ChannelTableParser.parse(header + "Nộp trực tiếp tại cơ quan")
        #expect(channels.isEmpty)
        #expect(problems.map(\.kind) == [.channelsUnreadable])
        let empty = ChannelTableParser.parse("Không có thông tin")
        #expect(empty.channels.isEmpty && empty.problems.isEmpty)
    }
}
