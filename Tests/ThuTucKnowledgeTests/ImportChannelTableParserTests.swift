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
            fee: Fee(text: "7,000 Việt Nam Đồng", amount: 7_000, note: nil),
            online: .submit
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
        #expect(channels.first?.fee == Fee(
            text: "70,000 VNĐ", amount: 70_000, note: "70.000 đồng/Giấy chứng nhận", per: "Giấy chứng nhận",
            rates: [Fee.Rate(amount: 70_000, per: "Giấy chứng nhận")]
        ))
    }

    @Test func freeFeeWithNestedParenthesesInNoteKeepsTheRates() {
        let text = header + "Trực tuyến12 NgàyMiễn phí(Cho một loại hình sản phẩm (hoặc dịch vụ): 8.000.000/lần; thêm một loại: 2.000.000/lần.)Trực tiếp12 NgàyMiễn phí"
        let (channels, problems) = ChannelTableParser.parse(text)
        #expect(channels.count == 2)
        #expect(channels.first?.fee?.amount == 0)
        #expect(channels.first?.fee?.note == "Cho một loại hình sản phẩm (hoặc dịch vụ): 8.000.000/lần; thêm một loại: 2.000.000/lần.")
        #expect(problems.map(\.kind) == [.feeFreeButNoteHasRates])
        // "Miễn phí" in the cell, amounts in the note: the note is what the fee rests on.
        #expect(channels.first?.fee?.basis == .rates)
        #expect(channels.first?.fee?.rates.map(\.amount) == [8_000_000, 2_000_000])
    }

    @Test func doubledParenthesesAroundANoteAreUnwrapped() {
        let channels = ChannelTableParser.parse(header + "Trực tuyến3Miễn phí((Mức lệ phí do Hội đồng nhân dân tỉnh quyết định.))").channels
        #expect(channels.first?.fee?.note == "Mức lệ phí do Hội đồng nhân dân tỉnh quyết định.")
        #expect(channels.first?.fee?.basis == .province)
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

    @Test func foreignCurrencyHasNoAmountAndItsSplitUnitComesBack() {
        let (channels, problems) = ChannelTableParser.parse(header + "Trực tiếp5 Ngày làm việc10 USD(/lần)")
        #expect(channels.first?.fee == Fee(text: "10 USD", amount: nil, note: nil, per: "lần", currency: "USD"))
        #expect(problems.map(\.kind) == [.feeForeignCurrency, .feeUnitAttached])
    }

    @Test func aFeePaidAtAMissionSaysSo() {
        let text = header + "Trực tiếpKhông có thông tin2,000 Việt Nam Đồng(/trang)Tại Ủy ban nhân dân cấp xã: 2.000 đồng/trang;"
            + "Trực tiếpKhông có thông tin10 USD(/bản)Tại cơ quan đại diện: 10 USD/bản."
        let channels = ChannelTableParser.parse(text).channels
        #expect(channels.map(\.fee?.per) == ["trang", "bản"])
        #expect(channels.map(\.fee?.abroad) == [false, true])
        #expect(channels.map(\.caseLabel) == ["Tại Ủy ban nhân dân cấp xã", "Tại cơ quan đại diện"])
    }

    @Test func amountInThousandsIsScaledOnlyWhenTheNoteSaysSo() {
        let confirmed = ChannelTableParser.parse(header + "Trực tiếp1 Ngày20 VNĐ(20.000 vnđ /tờ khai)")
        #expect(confirmed.channels.first?.fee?.amount == 20_000)
        #expect(confirmed.problems.map(\.kind) == [.feeAmountScaledFromNote])
        let inDollars = ChannelTableParser.parse(header + "Trực tiếp1 Ngày155 VNĐ(155 USD/thẻ)")
        #expect(inDollars.channels.first?.fee?.amount == nil)
        #expect(inDollars.channels.first?.fee?.text == "155 USD")
        #expect(inDollars.channels.first?.fee?.currency == "USD")
        #expect(inDollars.problems.map(\.kind) == [.feeCurrencyFromNote])
        let unconfirmed = ChannelTableParser.parse(header + "Trực tiếp1 Ngày155 VNĐ")
        #expect(unconfirmed.channels.first?.fee?.amount == nil)
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

    @Test func aBareNumberTakesTheUnitTheRecordGivesIt() {
        let described = ChannelTableParser.parse(header + "Trực tuyến5Miễn phíThời hạn giải quyết: không quá 05 (năm) ngày làm việc.")
        #expect(described.channels.first?.time == ProcessingTime(text: "5", value: 5, unit: .workingDays))
        #expect(described.problems.map(\.kind) == [.timeUnitFromRecord])
        let fromSteps = ChannelTableParser.parse(header + "Trực tiếp2Miễn phí", steps: "c) Trong thời hạn 02 ngày làm việc kể từ ngày nhận hồ sơ")
        #expect(fromSteps.channels.first?.time?.unit == .workingDays)
        // "sau 15 giờ" is no time limit of 1, and two units for one number settle nothing.
        let unsure = ChannelTableParser.parse(
            header + "Trực tiếp1Miễn phí", steps: "nếu tiếp nhận sau 15 giờ; trong thời hạn 01 ngày làm việc; không quá 01 tháng"
        )
        #expect(unsure.channels.first?.time?.unit == nil)
        #expect(unsure.problems.map(\.kind) == [.timeWithoutUnit])
    }

    @Test func rowsOfOneKindThatDifferCarryTheirCase() {
        let text = header + "Trực tiếp07 NgàyMiễn phí" + "Trực tiếp14 NgàyMiễn phíTrường hợp nội dung thẩm định phức tạp thì thời gian tối đa không vượt quá 14 ngày."
        let channels = ChannelTableParser.parse(text).channels
        #expect(channels.map(\.caseLabel) == [nil, "Trường hợp nội dung thẩm định phức tạp"])
    }

    @Test func anOnlineChannelSaysWhatItAllows() {
        let booking = ChannelTableParser.parse(header + "Trực tuyến7 Ngày làm việcKhông có thông tin- Thông qua Cổng dịch vụ công để đăng ký thời gian, địa điểm làm thủ tục")
        #expect(booking.channels.first?.online == .booking)
        let full = ChannelTableParser.parse(header + "Trực tuyến2 NgàyMiễn phí", name: "Đăng ký xe lần đầu trực tuyến toàn trình")
        #expect(full.channels.first?.online == .full)
        let offline = ChannelTableParser.parse(header + "Trực tiếp2 NgàyMiễn phíĐặt lịch tại trụ sở")
        #expect(offline.channels.first?.online == nil, "only online channels say what is online")
    }

    @Test func feeNotesAreReadForWhatTheFeeRestsOn() {
        func fee(_ note: String, cell: String = "Miễn phí") -> Fee? {
            ChannelTableParser.parse(header + "Trực tiếp1 Ngày" + cell + "(" + note + ")").channels.first?.fee
        }
        let licence = fee("- Lệ phí: 135.000 đồng/lần. - Trực tuyến: Kể từ ngày 01/12/2023 đến hết ngày 31/12/2025, áp dụng mức thu 115.000 đồng/lần cấp.")
        #expect(licence?.rates == [Fee.Rate(amount: 135_000, per: "lần"), Fee.Rate(amount: 115_000, per: "lần cấp", until: "2025-12-31")])
        #expect(licence?.until == "2025-12-31")
        #expect(licence?.basis == .rates)
        let record = fee("Thực hiện theo Thông tư số 244/2016/TT-BTC ngày 11/11/2016 của Bộ Tài chính.")
        #expect(record?.basis == .law)
        #expect(record?.law == "Thông tư 244/2016/TT-BTC")
        let marriage = fee("Miễn lệ phí. Phí cấp bản sao Trích lục kết hôn (nếu có yêu cầu) thực hiện theo Thông tư số 281/2016/TT-BTC.")
        #expect(marriage?.basis == .waived)
        #expect(marriage?.extra == "Phí cấp bản sao Trích lục kết hôn (nếu có yêu cầu)")
        #expect(fee("Theo quy định của Hội đồng nhân dân cấp tỉnh")?.basis == .province)
        #expect(fee("Miễn lệ phí cho người thuộc hộ nghèo")?.basis == nil, "an exemption for some is no waiver")
        #expect(fee("Lệ phí cấp mới 200 USD/lần")?.basis == .foreignCurrency)
        // A fee with an amount rests on its cell: the note only dates and prices it.
        let dated = fee("áp dụng mức phí 10.000.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026", cell: "20,000,000 VNĐ")
        #expect(dated?.basis == nil)
        #expect(dated?.until == "2026-12-31")
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
