import Testing
import ThuTucDialogue
import ThuTucKnowledge
import ThuTucSearch

/// Messages as citizens write them (all written for these tests): stories
/// around the request, cases told by what happened, topics the catalogue
/// does not hold, two things asked at once.
@Suite("Real messages")
struct RealMessageTests {
    private func reply(_ text: String) -> Reply { EngineFixture.ask(text) }

    @Test("An address line, the story's places and placeholder names never decide the procedure")
    func anatomy() {
        let letter = reply("Kính gửi Sở Tư pháp tỉnh Nam Định, tôi là chị H ở xã A. Vợ chồng tôi muốn đăng ký kết hôn thì cần giấy tờ gì?")
        #expect(letter.procedure?.code == "1.000894")
        #expect(letter.intent == .documents)
        let query = EngineFixture.assistant.engine.analyze("Kính gửi Sở Tư pháp tỉnh Nam Định, anh C đi làm xa nhà đã lâu. Cho hỏi đăng ký khai sinh ở đâu?")
        #expect(query.sentences.map(\.role) == [.context, .request])
        #expect(!query.terms.contains { $0.text == "nam" || $0.text == "dinh" || $0.text == "c" })
        #expect(!query.terms.contains { $0.text == "kinh" || $0.text == "gui" })
    }

    @Test("What happened asks for an action: lost or damaged is cấp lại, a first time is lần đầu")
    func actions() {
        #expect(reply("tôi đánh rơi thẻ căn cước ở chợ, giờ phải làm sao").procedure?.code == "1.014064")
        #expect(["1.013067", "1.012575"].contains(reply("đăng ký xe máy mới mua").procedure?.code))
        #expect(reply("đăng ký kết hôn mất bao lâu").procedure?.code == "1.000894")
        #expect(reply("dăng kí kêt hôn mât bao lâu").procedure?.code == "1.000894")
        // "Xin cấp" with nothing after it asks for the first issue, not a re-issue.
        #expect(["2.001130", "1.002681"].contains(reply("tôi muốn xin cấp chứng chỉ hành nghề quản tài viên").procedure?.code))
        // "Làm lại" is a re-issue or a re-registration, as the procedure has it.
        #expect(["2.001410", "1.003173"].contains(reply("cơ quan tôi làm lại con dấu thì nộp hồ sơ ở đâu").procedure?.code))
        let query = EngineFixture.assistant.engine.analyze("giấy phép lái xe bị mất")
        #expect(EngineFixture.assistant.engine.concepts(asked: query).map(\.label) == ["cấp lại"])
        // Certifying is an action: a copy certified from a paper, not a copy of the register.
        #expect(reply("tôi có được chứng thực bản sao từ giấy khai sinh đã cấp lại không").procedure?.code == "2.000815")
        // A certified copy in a list of documents asks for no certification.
        let engine = EngineFixture.assistant.engine
        #expect(engine.concepts(asked: engine.analyze("đăng ký kết hôn cần bản sao chứng thực căn cước không")).isEmpty)
        #expect(reply("đăng ký kết hôn cần bản sao chứng thực căn cước không").procedure?.code == "1.000894")
    }

    @Test("A person who died (\"bố tôi mới mất\") is no lost paper; a person who lost a paper still is")
    func deathIsNoLoss() {
        let engine = EngineFixture.assistant.engine
        let death = engine.analyze("chồng tôi đã mất thì tôi có được nhận tiền bảo hiểm của chồng không")
        #expect(engine.concepts(asked: death).isEmpty)
        #expect(!death.terms.contains { $0.text == "mat" })
        #expect(reply("bố tôi vừa mất, gia đình cần làm giấy tờ gì để báo tử").procedure?.code == "1.000656")
        // Only the dead person's words go: "mất" naming a paper is a loss, and "mất bao lâu" a time.
        let loss = engine.analyze("bố tôi mất giấy phép lái xe")
        #expect(engine.concepts(asked: loss).map(\.label).contains("cấp lại"))
        #expect(reply("làm hộ chiếu cho mẹ mất bao lâu").intent == .time)
        // "Em" is also how people call themselves: "em mất rồi" is not read as a death.
        #expect(engine.concepts(asked: engine.analyze("thẻ căn cước của em mất rồi")).map(\.label).contains("cấp lại"))
    }

    @Test("A story that tells the case gets the variant for it; with none told, the plain one")
    func facets() {
        #expect(reply("Chồng tôi là người Hàn Quốc, con chúng tôi sinh ở Việt Nam thì làm giấy khai sinh thế nào?").procedure?.code == "2.000528")
        #expect(reply("đăng ký khai sinh cho con").procedure?.code == "1.001193")
        #expect(reply("Hai vợ chồng đã đăng ký kết hôn nhưng sổ hộ tịch bị mất, muốn đăng ký lại thì làm sao?").procedure?.code == "1.004746")
        #expect(reply("thủ tục đăng ký kết hôn").procedure?.code == "1.000894")
        // A household business's change is not an enterprise's.
        #expect(reply("hộ kinh doanh muốn đổi ngành nghề thì làm thế nào").procedure?.code == "2.000720")
        // A temporary residence card is issued to foreigners only; a citizen registers tạm trú.
        #expect(["1.003460", "1.003358"].contains(reply("làm thẻ tạm trú cần giấy tờ gì").procedure?.code))
        #expect(reply("đăng ký tạm trú cần giấy tờ gì").procedure?.code == "1.004194")
        // So is a visa issued in Vietnam: an e-visa is the foreigner's own request.
        #expect(reply("muốn xin visa điện tử thì làm thế nào").procedure?.code == "1.002757")
        // An e-visa is its own paper, not the visa issued at the immigration offices.
        #expect(reply("thị thực điện tử cho người nước ngoài vào Việt Nam xin ở đâu").procedure?.code == "1.002757")
        #expect(reply("giấy miễn thị thực bị rách thì xin cấp lại thế nào").procedure?.code == "1.000807")
        // A fishing boat's procedures are the fisheries', not the seagoing ship's twins.
        #expect(reply("Tàu cá bị chìm thì xóa đăng ký thế nào?").procedure?.code == "1.003681")
        #expect(reply("đăng ký tàu cá mới đóng cần giấy tờ gì").procedure?.code == "1.003650")
    }

    @Test("Export or import: a message that says which way gets that way's procedure")
    func tradeDirection() {
        #expect(reply("đăng ký kiểm dịch sản phẩm động vật thủy sản để xuất khẩu").procedure?.code == "1.003728")
        #expect(reply("muốn đăng ký kiểm dịch động vật trên cạn xuất khẩu thì nộp ở đâu").procedure?.code == "1.003407")
        // Only the export way, never an import registration.
        #expect(reply("Trang trại tôi muốn xuất khẩu gà sang Lào thì đăng ký kiểm dịch động vật ở đâu?").procedure?.code != "1.003264")
        // Both ways named, or the exporting country of an import, ask for neither.
        let engine = EngineFixture.assistant.engine
        #expect(engine.concepts(asked: engine.analyze("giấy phép xuất khẩu, nhập khẩu vũ khí")).isEmpty)
        #expect(engine.concepts(asked: engine.analyze("nhập khẩu gỗ có cần giấy phép của nước xuất khẩu không")).isEmpty)
        #expect(engine.concepts(asked: engine.analyze("gỗ xuất khẩu cần giấy tờ gì")).map(\.label) == ["xuất khẩu"])
    }

    @Test("A class typed in digits finds the name that writes it in roman numerals, and back")
    func classNumbers() {
        #expect(reply("công bố mở cảng cá loại 1 cần giấy tờ gì").procedure?.code == "1.004694")
        #expect(reply("công bố mở cảng cá loại III").procedure?.code == "1.004478")
        #expect(reply("điều kiện cấp chứng chỉ hành nghề đo đạc và bản đồ hạng 1").procedure?.code == "1.000063")
        #expect(reply("trung tâm sát hạch lái xe loại 2 xin giấy phép thế nào").procedure?.code == "3.000355")
        // A number that names no class the catalogue holds is no topic word.
        let query = EngineFixture.assistant.engine.analyze("tôi sinh năm 1985, có 2 con, muốn làm hộ chiếu")
        #expect(!query.terms.contains { $0.text == "1985" || $0.text == "2" })
    }

    @Test("A paper the citizen says is held is not issued again: the next step is")
    func heldPaper() {
        let engine = EngineFixture.assistant.engine
        let text = "Công ty tôi đã được cấp giấy chứng nhận khai thác cảng hàng không, muốn kinh doanh cảng thì cần giấy phép gì"
        #expect(engine.analyze(text).held.map(\.text) == ["chứng nhận khai thác cảng"])
        #expect(reply(text).procedure?.code == "1.004682")
        // A name that says the paper is held is the next step.
        #expect(reply("trung tâm hòa giải thương mại đã có giấy phép thành lập, muốn đăng ký hoạt động cần gì").procedure?.code == "1.008913")
        // The paper's head word goes with the cue: names drop it ("Thủ tục đăng ký kết hôn").
        #expect(reply("vợ chồng tôi đã có giấy đăng ký kết hôn, giờ muốn làm khai sinh cho con").procedure?.code == "1.001193")
        // Asking for a reissue is about the held paper itself.
        #expect(reply("tôi đã được cấp thẻ căn cước nhưng bị mất, làm lại ở đâu").procedure?.code == "1.014064")
        // A procedure done already leaves its paper held.
        #expect(reply("vợ chồng tôi đã làm thủ tục đăng ký kết hôn, giờ muốn làm khai sinh cho con").procedure?.code == "1.001193")
    }

    @Test("An outside topic the citizen has dealt with already is the story, not the request")
    func outsideTopicHeld() {
        let engine = EngineFixture.assistant.engine
        let text = "công ty đã làm thủ tục cấp giấy phép lao động cho chuyên gia, nay muốn mời người nước ngoài đó sang làm việc"
        #expect(engine.analyze(text).outside.isEmpty)
        #expect(["1.003425", "2.002351"].contains(reply(text).procedure?.code))
        // Asked to be renewed, the held paper is what the message is about, and it is not the catalogue's.
        let renewal = reply("tôi đã có giấy phép lao động, muốn gia hạn")
        #expect(renewal.procedure == nil)
        #expect(renewal.text.contains("Bộ Nội vụ"), "\(renewal.text)")
    }

    @Test("A message about the police force gets the force's twin; a licence the police issued long ago is civil")
    func policeForce() {
        #expect(reply("tôi làm trong ngành công an, sắp nghỉ hưu, muốn đổi giấy phép lái xe thì làm thế nào").procedure?.code == "3.000350")
        #expect(reply("bằng lái xe máy do công an cấp từ năm 1993 đã cũ, muốn đổi sang bằng mới").procedure?.code == "3.000347")
    }

    @Test("Renting out a house: the landlord's own declaration, unless a firm declares for them")
    func rentalTax() throws {
        #expect(reply("cho thuê phòng trọ thì khai thuế ở đâu").procedure?.code == "1.007689")
        #expect(reply("công ty thuê nhà của cá nhân, muốn khai thuế thay cho chủ nhà").procedure?.code == "1.011021")
        // A name covering both the person's own declaration and the payer's carries neither.
        let engine = EngineFixture.assistant.engine
        let both = try #require(engine.knowledge.position(of: "1.008529"))
        let firms = try #require(engine.knowledge.position(of: "1.011021"))
        #expect(!engine.concepts(of: both).contains { $0.label == "khai, nộp thuế thay" })
        #expect(engine.concepts(of: firms).contains { $0.label == "khai, nộp thuế thay" })
    }

    @Test("Settling income tax: one's own by default, the employer's or the business's when they are named")
    func incomeTaxSettlement() {
        #expect(reply("quyết toán thuế thu nhập cá nhân nộp ở đâu").procedure?.code == "2.002233")
        #expect(reply("công ty quyết toán thuế TNCN thay cho người lao động cần hồ sơ gì").procedure?.code == "1.008309")
        #expect(reply("hộ kinh doanh quyết toán thuế thu nhập cá nhân thế nào").procedure?.code == "1.014976")
    }

    @Test("A foreign body in a name is the foreign variant; a name covering both cases imposes neither")
    func foreignBodies() {
        #expect(reply("thành lập tổ chức hành nghề luật sư cần điều kiện gì").procedure?.code == "1.002010")
        #expect(reply("thay đổi nội dung giấy phép thành lập chi nhánh của công ty luật nước ngoài").procedure?.code == "1.002528")
        // Papers "của Việt Nam; … của nước ngoài": one procedure for both.
        #expect(reply("chứng thực bản sao bằng tốt nghiệp").procedure?.code == "2.000815")
        // Work abroad asks for no foreign case: a name that also covers
        // foreigners is no other case than the one asked.
        let engine = EngineFixture.assistant.engine
        #expect(engine.concepts(asked: engine.analyze("đi xuất khẩu lao động Nhật Bản")).isEmpty)
    }

    @Test("An everyday name followed by what it is about gives way to it")
    func everydayNameWithObject() {
        #expect(reply("đăng ký thế chấp tàu biển cần giấy tờ gì").procedure?.code == "1.011429")
        // Said alone, or of a house, a mortgage is of land.
        #expect(reply("đăng ký thế chấp ở đâu").procedure?.code == "1.011441")
        #expect(reply("thủ tục đăng ký thế chấp nhà").procedure?.code == "1.011441")
    }

    @Test("A topic held only in a case not asked (the army's clinics) is declined with its body")
    func caseOnlyTheCatalogueHolds() {
        let civilian = reply("xin cấp lại giấy phép hoạt động khám bệnh chữa bệnh cho phòng khám")
        #expect(civilian.procedure == nil)
        #expect(civilian.text.contains("Sở Y tế"), "\(civilian.text)")
        #expect(reply("cấp giấy phép hoạt động khám bệnh chữa bệnh cho bệnh viện quân y").procedure?.code == "1.013624")
        // A conscript (binh sĩ) is the army's; a police officer is not.
        #expect(reply("hồ sơ miễn học phí cho con đẻ của hạ sĩ quan, binh sĩ tại ngũ học trường phổ thông công lập gồm những gì").procedure?.code == "2.002765")
        let engine = EngineFixture.assistant.engine
        #expect(engine.concepts(asked: engine.analyze("chế độ cho hạ sĩ quan công an nghỉ hưu")).isEmpty)
    }

    @Test("A level the message names picks that level's variant")
    func namedLevel() {
        // Hỗ trợ dự án liên kết exists at commune (1.003434) and province (1.003397) level.
        #expect(reply("hỗ trợ dự án liên kết cấp tỉnh").procedure?.code == "1.003397")
        #expect(reply("hỗ trợ dự án liên kết").procedure?.code == "1.003434")
    }

    @Test("Topics outside the catalogue get who handles them, the portal and the hotline, and no procedure")
    func outside() {
        let cases = [
            ("xin giấy phép lao động cho người nước ngoài làm việc ở công ty", "Bộ Nội vụ"),
            ("cấp lại bằng tốt nghiệp đại học bị mất", "Bộ Giáo dục và Đào tạo"),
            ("mở quán karaoke cần giấy phép gì", "Bộ Văn hóa, Thể thao và Du lịch"),
            ("gia hạn hộ chiếu ngoại giao cần gì", "Bộ Ngoại giao"),
            ("tôi muốn hưởng trợ cấp thất nghiệp thì làm thế nào", "Bộ Nội vụ"),
            ("hồ sơ của tôi nộp tuần trước đến đâu rồi, tra cứu hồ sơ thế nào", "mã hồ sơ"),
            // The army's hospitals are in the catalogue; a hospital's beds are the health ministry's.
            ("bệnh viện tư cần bao nhiêu giường bệnh thì được cấp giấy phép hoạt động", "Bộ Y tế"),
            ("thủ tục ly hôn đơn phương", "Tòa án nhân dân"),
            // Registering for military service is in the catalogue; a deferral is not.
            ("con tôi đang học đại học có được hoãn đi bộ đội không", "Ban Chỉ huy quân sự cấp xã"),
            ("ông nội tôi là liệt sĩ, gia đình muốn hưởng chế độ thờ cúng liệt sĩ", "Bộ Nội vụ"),
            ("mở hiệu thuốc tây cần chứng chỉ gì", "Bộ Y tế"),
            // Drawing the benefit oneself is not authorising someone to draw it.
            ("thủ tục nhận trợ cấp thất nghiệp", "Bộ Nội vụ"),
        ]
        for (text, body) in cases {
            let answer = reply(text)
            #expect(answer.procedure == nil, "\(text)")
            #expect(answer.intent == .fallback, "\(text)")
            #expect(answer.text.contains(body), "\(text): \(answer.text)")
            #expect(answer.text.contains("dichvucong.gov.vn") && answer.text.contains(EngineFixture.hotline), "\(text)")
        }
        #expect(reply("chào cán bộ ạ").intent == .smalltalk)
    }

    @Test("A procedure whose own name holds an outside phrase still answers when it is what was asked")
    func outsideHeldByName() {
        #expect(reply("ủy quyền cho người khác lĩnh thay lương hưu và trợ cấp thất nghiệp").procedure?.code == "1.001601")
        // Labour named as a purpose ("để đi xuất khẩu lao động") is no labour question.
        #expect(reply("thủ tục cấp phiếu lý lịch tư pháp số 2 để đi xuất khẩu lao động").procedure?.code == "3.000333")
    }

    @Test("Two things asked at once: every part is answered, in one reply")
    func twoParts() {
        let both = reply("lệ phí hộ chiếu và căn cước")
        #expect(both.intent == .fee)
        #expect(both.text.contains("1.001456") && both.text.contains("1.014061"))
        let named = Set(both.choices.map(\.code) + [both.procedure?.code ?? ""])
        #expect(named.isSuperset(of: ["1.001456", "1.014061"]))
        let twoIntents = reply("có phải đăng ký tạm trú không và hồ sơ gồm những gì")
        #expect(twoIntents.procedure?.code == "1.004194")
        #expect(twoIntents.intents == [.eligibility, .documents])
        #expect(twoIntents.text.contains("Thường cần mang theo:"))
    }

    @Test("Confidence means something: an exact name is answered with 0.8 or more, a coincidence is declined")
    func confidence() {
        #expect(reply("Thủ tục đăng ký kết hôn").confidence >= 0.8)
        #expect(reply("đăng ký tạm trú").confidence >= 0.8)
        let coincidence = reply("giá vàng hôm nay bao nhiêu một chỉ")
        #expect(coincidence.procedure == nil)
    }

    @Test("Clarification labels are short and say what differs")
    func labels() throws {
        let question = reply("giấy kiểm dịch động vật vận chuyển ra khỏi tỉnh")
        try #require(question.intent == .clarify)
        let items = question.text.split(separator: "\n").filter { $0.hasPrefix("1.") || $0.hasPrefix("2.") }
        #expect(items.count == 2)
        for item in items {
            // "1. Trên cạn (mã 1.002338)": a label of at most 60 characters and the code once.
            let label = item.dropFirst(3).split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            #expect(label.count <= 60 && !label.isEmpty)
            #expect(item.components(separatedBy: "mã ").count == 2)
        }
        // A beginning of one word is kept: "Tuyển sinh" and "Tuyển chọn" are not "Sinh" and "Chọn".
        let police = reply("muốn vào ngành công an thì cần điều kiện gì")
        try #require(police.intent == .clarify)
        #expect(police.text.contains("1. Tuyển sinh vào các trường Công an nhân dân"), "\(police.text)")
        #expect(police.text.contains("2. Tuyển chọn công dân vào Công an nhân dân"), "\(police.text)")
    }
}
