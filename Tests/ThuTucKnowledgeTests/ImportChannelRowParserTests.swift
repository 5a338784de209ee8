import Testing
import ThuTucImport
import ThuTucKnowledge

/// The Word export's channel rows (`hinh_thuc_nop`), one test per shape found in
/// the 207 records of ../shared/data/bo-quoc-phong: rows with and without a
/// time or a fee, and each way its fee cells are written.
struct ImportChannelRowParserTests {
    typealias Row = WordExportRecord.ChannelRow

    private func fees(_ cell: String) -> [Fee?] {
        ChannelRowParser.parse([Row(kind: "Trực tiếp", time: "5 Ngày làm việc", fee: cell)]).channels.map(\.fee)
    }

    @Test func timeAndAZeroFeeAreFree() {
        let (channels, problems) = ChannelRowParser.parse([Row(kind: "Trực tiếp", time: "5 Ngày làm việc", fee: "Phí : 0 Đồng")])
        #expect(channels == [Channel(
            kind: .inPerson,
            time: ProcessingTime(text: "5 Ngày làm việc", value: 5, unit: .workingDays),
            fee: Fee(text: "Phí : 0 Đồng", amount: 0, note: nil)
        )])
        #expect(problems.isEmpty)
    }

    @Test func anEmptyFeeCellIsNoInformation() {
        let channels = ChannelRowParser.parse([Row(kind: "Trực tuyến", time: "02 Giờ", fee: "")]).channels
        #expect(channels == [Channel(kind: .online, time: ProcessingTime(text: "02 Giờ", value: 2, unit: .hours), fee: nil, online: .submit)])
    }

    @Test func anEmptyTimeCellIsNoInformation() {
        let channels = ChannelRowParser.parse([Row(kind: "Dịch vụ bưu chính", time: "", fee: "Lệ phí : 0 Đồng")]).channels
        #expect(channels == [Channel(kind: .post, time: nil, fee: Fee(text: "Lệ phí : 0 Đồng", amount: 0, note: nil))])
    }

    @Test func aRowWithNeitherTimeNorFeeStillGivesTheChannel() {
        let (channels, problems) = ChannelRowParser.parse([Row(kind: "Trực tiếp")])
        #expect(channels == [Channel(kind: .inPerson, time: nil, fee: nil)])
        #expect(problems.isEmpty)
    }

    @Test func timesInWordsHoursAndDecimals() {
        let rows = [
            Row(kind: "Trực tiếp", time: "Không quy định"),
            Row(kind: "Trực tuyến", time: "0.5 Giờ"),
            Row(kind: "Dịch vụ bưu chính", time: "14 Ngày"),
            Row(kind: "Trực tiếp", time: "8-20"),
            Row(kind: "Trực tuyến", time: "Ngay khi tàu rời bến"),
        ]
        let (channels, problems) = ChannelRowParser.parse(rows)
        #expect(channels.map(\.time?.value) == [nil, 0.5, 14, nil, nil])
        #expect(channels.map(\.time?.unit) == [nil, .hours, .days, nil, nil])
        #expect(channels.map(\.time?.text) == ["Không quy định", "0.5 Giờ", "14 Ngày", "8-20", "Ngay khi tàu rời bến"])
        #expect(problems.filter { $0.kind == .timeWithoutNumber }.count == 3)
    }

    @Test func theWordNoneIsAZeroFee() {
        #expect(fees("Phí : Không Đồng") == [Fee(text: "Phí : Không Đồng", amount: 0, note: nil)])
        #expect(fees("Phí : không Đồng").first??.amount == 0)
    }

    @Test func pointGroupedAmountWithANoteThatHasParentheses() {
        #expect(fees("Phí : 40.000 Đồng (40.000 đồng/bộ. Riêng hồ sơ bổ sung: 20.000 đồng/bộ (cả phụ lục).)") == [
            Fee(
                text: "Phí : 40.000 Đồng", amount: 40_000, note: "40.000 đồng/bộ. Riêng hồ sơ bổ sung: 20.000 đồng/bộ (cả phụ lục).",
                per: "bộ", rates: [Fee.Rate(amount: 40_000, per: "bộ"), Fee.Rate(amount: 20_000, per: "bộ")]
            ),
        ])
        #expect(fees("Lệ phí : 15000 Đồng").first??.amount == 15_000)
    }

    @Test func severalFeeLinesGiveOneChannelEach() {
        let cell = "Phí : 1.500.000 Đồng (Thẩm định hồ sơ loại A)\nPhí : 2.500.000 Đồng (Thẩm định hồ sơ loại B)"
        let (channels, problems) = ChannelRowParser.parse([
            Row(kind: "Trực tiếp", time: "20 Ngày", fee: cell),
            Row(kind: "Dịch vụ bưu chính", time: "20 Ngày", fee: cell),
        ])
        #expect(channels.map(\.kind) == [.inPerson, .inPerson, .post, .post])
        #expect(channels.map(\.fee?.amount) == [1_500_000, 2_500_000, 1_500_000, 2_500_000])
        #expect(channels.map(\.fee?.note) == ["Thẩm định hồ sơ loại A", "Thẩm định hồ sơ loại B", "Thẩm định hồ sơ loại A", "Thẩm định hồ sơ loại B"])
        #expect(channels.allSatisfy { $0.time?.value == 20 })
        // Each fee's note names the case its row is for.
        #expect(channels.map(\.caseLabel) == ["Thẩm định hồ sơ loại A", "Thẩm định hồ sơ loại B", "Thẩm định hồ sơ loại A", "Thẩm định hồ sơ loại B"])
        #expect(problems.map(\.kind) == [.channelKindRepeated])
    }

    @Test func anAmountInWordsKeepsItsTextAndAttachmentsAreDropped() {
        let cell = "Phí : 1.\tMức thu bằng một nửa biểu phí hiện hành Đồng (Thông tư số 10/2030/TT-BTC)\nFile đính kèm: 10-btc.pdf"
        let (channels, problems) = ChannelRowParser.parse([Row(kind: "Trực tuyến", time: "3 Ngày làm việc", fee: cell)])
        #expect(channels.map(\.fee) == [Fee(
            text: "Phí : 1. Mức thu bằng một nửa biểu phí hiện hành Đồng", amount: nil, note: "Thông tư số 10/2030/TT-BTC",
            basis: .law, law: "Thông tư 10/2030/TT-BTC"
        )])
        #expect(problems.map(\.kind) == [.feeAmountUnreadable, .feeAttachmentDropped])
    }

    @Test func aLetterWhereTheNumberShouldBeIsNotGuessed() {
        let (fees, problems) = FeeStatementParser.parse("Phí : o Đồng")
        #expect(fees == [Fee(text: "Phí : o Đồng", amount: nil, note: nil)])
        #expect(problems.map(\.kind) == [.feeAmountUnreadable])
    }

    @Test func noAmountWithANoteKeepsTheNoteAsTheFee() {
        let (fees, problems) = FeeStatementParser.parse("Lệ phí :   (Theo biểu phí của Bộ Tài chính)")
        #expect(fees == [Fee(text: "Theo biểu phí của Bộ Tài chính", amount: nil, note: nil)])
        #expect(problems.map(\.kind) == [.feeAmountMissing])
    }

    @Test func noAmountAndNoNoteIsNoFee() {
        let (channels, problems) = ChannelRowParser.parse([Row(kind: "Trực tiếp", time: "1 Ngày", fee: "Phí :  Đồng")])
        #expect(channels == [Channel(kind: .inPerson, time: ProcessingTime(text: "1 Ngày", value: 1, unit: .days), fee: nil)])
        #expect(problems.map(\.kind) == [.feeAmountMissing])
    }

    @Test func foreignCurrencyKeepsTextAndNoteButNoAmount() {
        let cell = "Lệ phí : 02 USD (Người từ 16 tuổi: 02 USD/lượt)\nLệ phí : 0.5 USD\nLệ phí : 25000 Đồng (Phương tiện cập mạn)"
        let (fees, problems) = FeeStatementParser.parse(cell)
        #expect(fees == [
            Fee(text: "Lệ phí : 02 USD", amount: nil, note: "Người từ 16 tuổi: 02 USD/lượt", currency: "USD"),
            Fee(text: "Lệ phí : 0.5 USD", amount: nil, note: nil, currency: "USD"),
            Fee(text: "Lệ phí : 25000 Đồng", amount: 25_000, note: "Phương tiện cập mạn"),
        ])
        #expect(problems.map(\.kind) == [.feeForeignCurrency, .feeForeignCurrency])
    }

    @Test func aSmallAmountFollowsThePortalRule() {
        #expect(FeeStatementParser.parse("Phí : 30 Đồng (30.000 đồng/lần)").fees.first?.amount == 30_000)
        #expect(FeeStatementParser.parse("Phí : 30 Đồng").fees.first?.amount == nil)
    }

    @Test func aLineWithoutTheLabelIsKeptAsText() {
        let (fees, problems) = FeeStatementParser.parse("Miễn phí cho thân nhân")
        #expect(fees == [Fee(text: "Miễn phí cho thân nhân", amount: nil, note: nil)])
        #expect(problems.map(\.kind) == [.feeLineUnreadable])
    }

    @Test func anUnknownChannelLabelIsReportedAndLeftOut() {
        let (channels, problems) = ChannelRowParser.parse([Row(kind: "Qua điện thoại", time: "1 Ngày"), Row(kind: "Trực tiếp")])
        #expect(channels.map(\.kind) == [.inPerson])
        #expect(problems.map(\.kind) == [.channelKindUnknown])
    }

    @Test func noRowsNoChannels() {
        let (channels, problems) = ChannelRowParser.parse([])
        #expect(channels.isEmpty)
        #expect(problems.isEmpty)
    }
}
