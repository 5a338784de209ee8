import Testing
import ThuTucDialogue
import ThuTucKnowledge

@Suite("Understanding questions")
struct UnderstandingTests {
    private func code(_ text: String) -> String? {
        EngineFixture.ask(text).procedure?.code
    }

    @Test("NFC, NFD, upper case, emoji and punctuation give the same answer")
    func unicodeForms() {
        let nfc = "Đăng ký tạm trú cần giấy tờ gì?"
        let strayMark = "D\u{0304}"  // a combining mark foreign to Vietnamese must not break anything
        let decomposed = "\u{0110}a\u{0306}ng ky\u{0301} ta\u{0323}m tru\u{0301} ca\u{0302}\u{0300}n gia\u{0302}\u{0301}y to\u{031B}\u{0300} gi\u{0300}?"
        let replies = [nfc, decomposed, nfc.uppercased(), "🙏 " + nfc + " !!!", strayMark + " " + nfc].map { EngineFixture.ask($0) }
        for reply in replies {
            #expect(reply.procedure?.code == "1.004194")
            #expect(reply.intent == .documents)
        }
    }

    @Test("Without diacritics, with i/y and tone-placement variants")
    func foldedForms() {
        #expect(code("dang ky tam tru") == "1.004194")
        #expect(code("đăng kí tạm trú") == "1.004194")
        #expect(code("DANG KY KET HON") == "1.000894")
        #expect(code("xác nhận tình trạng hôn nhân") == "1.004873")
    }

    @Test("Typos, Telex and VNI leftovers are repaired")
    func repairs() {
        #expect(code("dang ky khai sihn") == "1.001193")
        #expect(code("ddawng kys tamj trus") == "1.004194")
        #expect(code("d9a8ng ky1 ta5m tru1") == "1.004194")
        let query = EngineFixture.assistant.engine.analyze("ddawng kys khai sinh")
        #expect(query.rewrites.contains { $0.kind == .typingMethod && $0.to == "đăng" })
    }

    @Test("A real word is never turned into another")
    func noFalseCorrections() {
        let query = EngineFixture.assistant.engine.analyze("xin cấp bản sao giấy khai sinh")
        #expect(query.rewrites.filter { $0.kind == .typo }.isEmpty)
    }

    @Test("Abbreviations, everyday names and chat shorthand")
    func lexicon() {
        #expect(code("cấp lại gplx bị mất") == "3.000348")
        #expect(code("đổi bằng lái xe") == "3.000347")
        #expect(code("làm sổ đỏ lần đầu") == "1.013978")
        #expect(code("nhập hộ khẩu cho con") == "1.004222")
        #expect(code("xin giấy xác nhận độc thân") == "1.004873")
        // An acronym the catalogue spells out, not a typo of a shorter one (GPLHX is no GPLX).
        #expect(code("xin cấp GPLHX cho xe quá tải trọng") == "1.000028")
        // The old name of the fire-safety design review still reaches the current one.
        #expect(code("xin thẩm duyệt thiết kế PCCC cho nhà xưởng cần hồ sơ gì") == "3.000489")
        // A quarantine is declared by registering it.
        #expect(code("khai báo kiểm dịch động vật trên cạn nhập khẩu ở đâu") == "1.003264")
        // A newborn's birth registration and health card are one joint procedure.
        #expect(["2.000986", "2.001023"].contains(code("mới sinh em bé, muốn đăng ký khai sinh và làm thẻ bảo hiểm y tế cho bé")))
        // Leasing land from the state for a factory: "làm nhà" does not swallow "nhà xưởng".
        #expect(code("tôi muốn thuê đất của nhà nước để làm nhà xưởng") == "1.013949")
        // A notary's registration to practise is the card's procedure; a trainee's stays its own.
        #expect(code("đăng ký hành nghề công chứng viên") == "1.013859")
        #expect(code("đăng ký tập sự hành nghề công chứng") == "1.013807")
        // "Đăng ký công ty" is founding one, but not inside the catalogue's "đăng ký công ty đại chúng".
        #expect(code("công ty cổ phần có phải đăng ký công ty đại chúng với UBCKNN không") == "1.009796")
        // A household's lost health card is a reissue, not a new purchase; a child's card is the children's.
        #expect(code("mất thẻ bhyt hộ gia đình thì làm lại ở đâu") == "1.002759")
        #expect(["2.000986", "2.001023"].contains(code("cấp thẻ bhyt cho trẻ dưới 6 tuổi")))
        // "Chuyển đổi quyền sử dụng đất" in a list of land transactions asks for no conversion.
        #expect(code("Đăng ký biến động khi nhận thừa kế quyền sử dụng đất làm thế nào?") == "1.013831")
        #expect(code("chứng thực hợp đồng mua bán nhà đất ở ủy ban xã") == "2.001035")
        // A lost marriage certificate is a copy of the extract, not a land certificate's reissue.
        #expect(code("cap lai giay chung nhan ket hon bi mat") == "2.000635")
        // The discharge permit is part of the environmental permit now.
        #expect(code("Công ty tôi muốn xin giấy phép xả thải vào nguồn nước, cần chuẩn bị gì?") == "1.010727")
        // Rice land turned into residential land needs the change of use.
        #expect(code("tôi muốn chuyển đất lúa sang đất ở") == "1.013949")
        // A certificate remade because it was lost is a copy from the register.
        #expect(code("em muốn hỏi làm lại giấy khai sinh bản chính bị mất thì làm ở đâu") == "2.000635")
        // Heirs without a will agree on the division first; a will is not what they ask about.
        #expect(code("chồng tôi mất không để lại di chúc, làm thủ tục thừa kế nhà đất thế nào") == "2.001406")
        // A passenger boat's fixed route is a waterway passenger route.
        #expect(code("doanh nghiệp muốn cho tàu khách cao tốc chạy cố định ra đảo thì cần hồ sơ gì") == "2.000795")
        // Serving in the police is being recruited into it.
        #expect(code("tôi muốn phục vụ trong ngành công an thì cần điều kiện gì") == "1.004030")
        // Inviting or sponsoring a foreigner is the vetting of their entry.
        #expect(["1.003425", "2.002351"].contains(code("công ty tôi muốn mời chuyên gia nước ngoài sang việt nam làm việc thì làm thủ tục gì")))
        // A certified copy of a birth certificate is a certification, not a copy from the register.
        #expect(code("chứng thực bản sao giấy khai sinh cho con nộp ở đâu") == "2.000815")
        // "Chứng nhận quốc tịch" is the confirmation of nationality.
        #expect(code("người Việt định cư ở nước ngoài xin chứng nhận quốc tịch Việt Nam để nhập tịch nước sở tại") == "1.005137")
        // Ozone-depleting substances are the catalogue's "chất được kiểm soát".
        #expect(code("nhập khẩu chất làm suy giảm tầng ô-dôn cần giấy tờ gì") == "1.010685")
        // A national highway is a road: a temporary connection to one is the road's procedure.
        #expect(code("xin đấu nối tạm có thời hạn vào quốc lộ") == "1.000314")
        // A neighbour building over the line is a land dispute, which the commune mediates first.
        #expect(code("hàng xóm xây nhà lấn sang đất nhà tôi thì báo ở đâu") == "1.012812")
        // Building said as the purpose of a change of land use asks for no building permit.
        #expect(code("muốn chuyển đổi đất vườn sang đất thổ cư để xây nhà thì làm thủ tục gì") == "1.013949")
        #expect(code("muốn xây nhà thì cần giấy phép gì") == "1.013225")
        // Sand and gravel are minerals: digging them needs a mining licence.
        #expect(["1.014257", "1.014236"].contains(code("người dân muốn xin cấp phép khai thác cát sỏi lòng sông cần làm gì")))
        // Customs' priority regime is the recognition of a priority enterprise; people with merit keep theirs.
        #expect(code("doanh nghiệp muốn được áp dụng chế độ ưu tiên hải quan cần điều kiện gì") == "1.007665")
        #expect(code("chế độ ưu tiên cho người có công") != "1.007665")
        // A lost seal is registered again, not a certificate reissued.
        #expect(["2.001410", "1.003173"].contains(code("hội của chúng tôi bị mất con dấu, giờ muốn khắc lại con dấu thì đăng ký ở đâu")))
        // Everyday names of environmental, road-works, fire-safety and foreigners' stay procedures.
        #expect(code("công ty tôi muốn xin cấp giấy phép xả khí thải thì làm ở đâu") == "1.010727")
        #expect(code("xin phép đào đường để lắp ống nước") == "1.013061")
        #expect(code("cấp giấy chứng nhận thẩm duyệt phòng cháy cho nhà xưởng") == "3.000489")
        #expect(["1.000253", "1.001437"].contains(code("đăng ký cư trú cho người nước ngoài ở khách sạn")))
        // A boat's licence is a certificate of competence, not a driving licence.
        #expect(code("làm bằng lái ca nô ở đâu") == "1.003135")
        #expect(code("nhà có thuyền chở hàng, muốn học bằng lái thuyền") == "1.003135")
        // An inland crew's certificates are the catalogue's "chứng chỉ chuyên môn".
        #expect(code("cấp chứng chỉ thủy thủ phương tiện thủy nội địa") == "1.003135")
        // "Lập chi nhánh" inside the catalogue's "thành lập chi nhánh" is not rewritten.
        let licence = EngineFixture.assistant.engine.analyze("đã được cấp giấy phép thành lập chi nhánh công ty luật nước ngoài")
        #expect(!licence.rewrites.contains { $0.to.contains("đăng ký hoạt động") })
        let reply = EngineFixture.ask("dk tam tru can j ko ad")
        #expect(reply.procedure?.code == "1.004194")
        #expect(reply.intent == .documents)
    }

    @Test("A procedure code anywhere in the question goes to that procedure")
    func codes() {
        #expect(code("1.004194") == "1.004194")
        let reply = EngineFixture.ask("cho hỏi thủ tục 3.000333 lệ phí bao nhiêu")
        #expect(reply.procedure?.code == "3.000333")
        #expect(reply.intent == .fee)
        #expect(reply.confidence == 1)
    }

    @Test("Intents from cue phrases", arguments: [
        ("đăng ký kết hôn cần giấy tờ gì", Intent.documents),
        ("đăng ký kết hôn mất bao lâu", .time),
        ("lệ phí đăng ký kết hôn", .fee),
        ("đăng ký kết hôn ở đâu", .agency),
        ("đăng ký kết hôn gồm những bước nào", .steps),
        ("đăng ký kết hôn làm online được không", .method),
        ("căn cứ pháp lý đăng ký kết hôn", .legal),
        ("đăng ký kết hôn cần điều kiện gì", .eligibility),
        ("đăng ký kết hôn xong nhận được gì", .result),
        ("đăng ký kết hôn", .overview),
    ])
    func intents(question: String, intent: Intent) {
        let reply = EngineFixture.ask(question)
        #expect(reply.procedure?.code == "1.000894")
        #expect(reply.intent == intent)
    }

    @Test("The formal \"phải thực hiện thủ tục như thế nào\" asks for the steps, and its words name no topic")
    func formalStepsCue() {
        let engine = EngineFixture.assistant.engine
        let query = engine.analyze("muốn đăng ký kết hôn thì phải thực hiện thủ tục như thế nào")
        #expect(query.intent == .steps)
        #expect(!query.terms.contains { $0.text == "thuc" || $0.text == "hien" })
    }

    @Test("Out of scope, gibberish and smalltalk name no procedure", arguments: [
        "thời tiết Đà Lạt cuối tuần", "công thức nấu bún bò", "tỷ số bóng đá tối qua", "qwerty asdf", "???", "12345",
    ])
    func outOfScope(question: String) {
        let reply = EngineFixture.ask(question)
        #expect(reply.procedure == nil)
        #expect(reply.intent == .fallback)
        #expect(reply.text.contains(EngineFixture.hotline))
    }

    @Test("Smalltalk gets a social reply", arguments: ["xin chào", "chào ad", "cảm ơn nhiều nha", "tạm biệt", "bạn là ai"])
    func smalltalk(question: String) {
        let reply = EngineFixture.ask(question)
        #expect(reply.intent == .smalltalk)
        #expect(reply.procedure == nil)
    }

    @Test("A greeting before a question does not hide the question")
    func greetingThenQuestion() {
        let reply = EngineFixture.ask("chào ad, cho hỏi làm hộ chiếu ở đâu ạ")
        #expect(reply.procedure?.code == "1.001456")
        #expect(reply.intent == .agency)
    }
}
