import Foundation
import Testing
@testable import ThuTucKnowledge

/// A small Knowledge/ directory written by each test, to check what the
/// loader accepts and how it reports what it does not (FILE:LINE: message).
struct KnowledgeScratch {
    let root: URL

    init(_ name: String) throws {
        root = try ImportFixtures.temporaryDirectory("loader-\(name)")
        for folder in ["procedures", "curated", "lexicon", "templates"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // The committed templates are complete; tests that break one overwrite it.
        let templates = ImportFixtures.committedKnowledge.appendingPathComponent("templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: templates.path) where file.hasSuffix(".txt") {
            try FileManager.default.copyItem(at: templates.appendingPathComponent(file), to: root.appendingPathComponent("templates/\(file)"))
        }
    }

    func write(_ relativePath: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relativePath))
    }

    var path: String { root.path }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static func procedureLine(code: String = "1.001193", name: String = "Thủ tục đăng ký khai sinh", extra: String = "") -> String {
        """
        {"agencies":["Ủy ban nhân dân cấp xã"],"authorities":[],"channels":[{"fee":{"amount":0,"text":"Miễn phí"},"kind":"truc-tiep","time":{"text":"1 Ngày làm việc","unit":"ngay-lam-viec","value":1}}],"code":"\(code)","decision":"163/QĐ-BTP","documents":[{"items":[{"copies":0,"name":"Giấy chứng sinh","originals":1}],"title":null}],"field":"Hộ tịch","legal":[{"number":"123/2015/NĐ-CP","title":"Nghị định 123/2015/NĐ-CP"}],"levels":["xa"],"ministry":"Bộ Tư pháp","name":"\(name)","results":[{"code":"KQ.G15.000031","name":"Giấy khai sinh"}],"retrieved":"2026-06","subjects":["Công dân Việt Nam"],"type":null,"url":"https://dichvucong.gov.vn/p/\(code)"\(extra)}
        """
    }
}

@Suite("Knowledge loader")
struct KnowledgeLoaderTests {
    @Test("A valid directory loads with no problems")
    func validDirectory() throws {
        let scratch = try KnowledgeScratch("valid")
        try scratch.write("procedures/bo-tu-phap.jsonl", KnowledgeScratch.procedureLine() + "\n" + KnowledgeScratch.procedureLine(code: "1.000656", name: "Thủ tục đăng ký khai tử") + "\n")
        try scratch.write("curated/ho-tich.jsonl", #"{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","aliases":["làm giấy khai sinh"],"steps":["Nộp hồ sơ."],"tips":[],"place":"UBND xã"}"# + "\n")
        try scratch.write("lexicon/abbreviations.txt", "# comment\nGKS = giấy khai sinh  # trailing comment\n")
        try scratch.write("lexicon/intents.txt", "[documents]\ngiấy tờ gì\n[time]\nmất bao lâu\n")
        let report = try KnowledgeLoader.read(directory: scratch.path)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.knowledge.procedures.map(\.code) == ["1.000656", "1.001193"])
        let procedure = try #require(report.knowledge.procedure(code: "1.001193"))
        #expect(procedure.channels.first?.fee?.amount == 0)
        #expect(procedure.channels.first?.time?.unit == .workingDays)
        #expect(procedure.documents.first?.items.first?.originals == 1)
        #expect(report.knowledge.overlays["1.001193"]?.aliases == ["làm giấy khai sinh"])
        #expect(report.knowledge.lexicon.mappings.first?.phrase == "GKS")
        #expect(report.knowledge.lexicon.mappings.first?.reading == "giấy khai sinh")
        #expect(report.knowledge.lexicon.cues.map(\.intent) == [.documents, .time])
    }

    @Test("Bad JSON, a missing field, a wrong type and an unknown field are FILE:LINE errors")
    func badLines() throws {
        let scratch = try KnowledgeScratch("bad-lines")
        let lines = [
            KnowledgeScratch.procedureLine(),
            "{not json",
            KnowledgeScratch.procedureLine(code: "1.000002").replacingOccurrences(of: #""field":"Hộ tịch","#, with: ""),
            KnowledgeScratch.procedureLine(code: "1.000003").replacingOccurrences(of: #""levels":["xa"]"#, with: #""levels":"xa""#),
            KnowledgeScratch.procedureLine(code: "1.000004", extra: #","colour":"red""#),
            KnowledgeScratch.procedureLine(code: "1.000005").replacingOccurrences(of: #""originals":1"#, with: #""originals":"one""#),
        ]
        try scratch.write("procedures/a.jsonl", lines.joined(separator: "\n") + "\n")
        let report = try KnowledgeLoader.read(directory: scratch.path)
        let messages = report.errors.map(\.description)
        let file = scratch.path("procedures/a.jsonl")
        #expect(messages.contains { $0.hasPrefix("\(file):2: bad JSON") })
        #expect(messages.contains("\(file):3: missing field 'field'"))
        #expect(messages.contains("\(file):4: levels: expected a list of strings"))
        #expect(messages.contains("\(file):5: unknown field 'colour'"))
        #expect(messages.contains { $0.hasPrefix("\(file):6: documents[0].items[0].originals: expected") })
        #expect(report.knowledge.procedures.map(\.code) == ["1.001193"])
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(directory: scratch.path) }
    }

    @Test("Duplicate codes, portal residue and malformed codes are reported with their line")
    func duplicatesAndResidue() throws {
        let scratch = try KnowledgeScratch("duplicates")
        try scratch.write("procedures/a.jsonl", KnowledgeScratch.procedureLine() + "\n")
        try scratch.write(
            "procedures/b.jsonl",
            KnowledgeScratch.procedureLine() + "\n"
                + KnowledgeScratch.procedureLine(code: "1.000007", name: "Cấp phép Không có thông tin") + "\n"
                + KnowledgeScratch.procedureLine(code: "12345") + "\n"
        )
        let messages = try KnowledgeLoader.read(directory: scratch.path).errors.map(\.description)
        let b = scratch.path("procedures/b.jsonl")
        #expect(messages.contains("\(b):1: duplicate code 1.001193, first at \(scratch.path("procedures/a.jsonl")):1"))
        #expect(messages.contains { $0.hasPrefix("\(b):2: 1.000007: portal text 'Không có thông tin'") })
        #expect(messages.contains("\(b):3: code '12345' is not of the form 1.234567"))
    }

    @Test("Overlays must name a known code with the catalogue's name, once")
    func overlays() throws {
        let scratch = try KnowledgeScratch("overlays")
        try scratch.write("procedures/a.jsonl", KnowledgeScratch.procedureLine() + "\n")
        try scratch.write(
            "curated/x.jsonl",
            [
                #"{"code":"9.999999","name":"Không tồn tại","aliases":[]}"#,
                #"{"code":"1.001193","name":"Thủ tục đăng ký kết hôn","aliases":[]}"#,
                #"{"code":"1.001193","name":"Thủ tục  đăng ký khai sinh","aliases":["khai sinh"]}"#,
                #"{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","aliases":[]}"#,
                #"{"code":"1.001193","name":"Thủ tục đăng ký khai sinh","alias":[]}"#,
            ].joined(separator: "\n") + "\n"
        )
        let messages = try KnowledgeLoader.read(directory: scratch.path).errors.map(\.description)
        let file = scratch.path("curated/x.jsonl")
        #expect(messages.contains("\(file):1: overlay for unknown code 9.999999"))
        #expect(messages.contains { $0.hasPrefix("\(file):2: overlay name 'Thủ tục đăng ký kết hôn' differs") })
        #expect(messages.contains { $0.hasPrefix("\(file):4: second overlay for 1.001193, first at \(file):3") })
        #expect(messages.contains("\(file):5: unknown field 'alias'"))
        #expect(messages.count == 4)
    }

    @Test("Lexicon syntax errors name the file and line")
    func lexiconSyntax() throws {
        let scratch = try KnowledgeScratch("lexicon")
        try scratch.write("procedures/a.jsonl", KnowledgeScratch.procedureLine() + "\n")
        try scratch.write("lexicon/abbreviations.txt", "CCCD = căn cước\nno equals sign here\n = empty phrase\nA = b | c | d\n")
        try scratch.write("lexicon/intents.txt", "giấy tờ gì\n[documents]\ngiấy tờ gì\n[weather]\nmưa\n")
        try scratch.write("lexicon/smalltalk.txt", "[greeting]\nxin chào\n[jokes]\nhaha\n")
        try scratch.write("lexicon/dialogue.txt", "[reset]\nbắt đầu lại\n[continuation]\n^còn\n")
        let report = try KnowledgeLoader.read(directory: scratch.path)
        let messages = report.errors.map(\.description)
        let abbreviations = scratch.path("lexicon/abbreviations.txt")
        let intents = scratch.path("lexicon/intents.txt")
        #expect(messages.contains("\(abbreviations):2: expected 'PHRASE = READING', got 'no equals sign here'"))
        #expect(messages.contains("\(abbreviations):3: empty phrase before '='"))
        #expect(messages.contains("\(abbreviations):4: expected one reading, or two separated by '|', after '='"))
        #expect(messages.contains("\(intents):1: cue outside an intent section"))
        #expect(messages.contains("\(intents):4: unknown intent section '[weather]'"))
        #expect(messages.contains("\(scratch.path("lexicon/smalltalk.txt")):3: unknown smalltalk section '[jokes]'"))
        #expect(report.knowledge.lexicon.dialogue.map(\.onlyAtStart) == [false, true])
        #expect(report.knowledge.lexicon.dialogue.last?.phrase == "còn")
    }

    @Test("Templates: unknown keys, duplicates, unknown placeholders and missing keys are errors")
    func templates() throws {
        let scratch = try KnowledgeScratch("templates")
        try scratch.write("procedures/a.jsonl", KnowledgeScratch.procedureLine() + "\n")
        try scratch.write("templates/answers.txt", "[procedure.title]\n{name} ({code}) {colour}\n[procedure.title]\nx\n[no.such.key]\ny\n")
        let messages = try KnowledgeLoader.read(directory: scratch.path).errors.map(\.description)
        let file = scratch.path("templates/answers.txt")
        #expect(messages.contains("\(file):1: template [procedure.title] uses unknown placeholder {colour}"))
        #expect(messages.contains("\(file):3: template [procedure.title] already defined at \(file):1"))
        #expect(messages.contains("\(file):5: unknown template key [no.such.key]"))
        #expect(messages.contains("\(scratch.path("templates")): template [documents.header] is not defined"))
    }

    @Test("Invalid UTF-8 is reported at its line, the file's other lines load, and a missing directory is an error")
    func encodingAndMissing() throws {
        let scratch = try KnowledgeScratch("utf8")
        var bytes = Array((KnowledgeScratch.procedureLine() + "\n").utf8)
        bytes += Array("{\"code\": \"".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8)
        bytes += Array((KnowledgeScratch.procedureLine(code: "1.000656", name: "Thủ tục đăng ký khai tử") + "\r\n").utf8)
        try Data(bytes).write(to: scratch.root.appendingPathComponent("procedures/a.jsonl"))
        let report = try KnowledgeLoader.read(directory: scratch.path)
        let messages = report.errors.map(\.description)
        #expect(messages.contains("\(scratch.path("procedures/a.jsonl")):2: not valid UTF-8"))
        #expect(messages.count == 1, "\(messages)")
        #expect(report.knowledge.procedures.map(\.code).sorted() == ["1.000656", "1.001193"])
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.read(directory: scratch.path("nowhere")) }
    }

    @Test("Templates render their placeholders and leave out missing ones")
    func rendering() {
        let templates = AnswerTemplates(texts: [.procedureTitle: "{name} (mã {code}){missing}"])
        #expect(templates.render(.procedureTitle, ["name": "Khai sinh", "code": "1.001193"]) == "Khai sinh (mã 1.001193)")
    }
}

@Suite("Committed knowledge")
struct CommittedKnowledgeCheckTests {
    @Test("The committed Knowledge/ loads without a problem and holds the whole catalogue")
    func committed() throws {
        let report = try KnowledgeLoader.read(directory: ImportFixtures.committedKnowledge.path)
        #expect(report.problems.isEmpty, "\(report.problems.prefix(5))")
        #expect(report.knowledge.procedures.count == 2849)
        #expect(report.knowledge.overlays.count >= 40)
        let channels = report.knowledge.procedures.flatMap(\.channels)
        let timed = channels.filter { $0.time != nil }
        let numeric = timed.filter { $0.time?.value != nil }
        #expect(Double(numeric.count) >= 0.95 * Double(timed.count))
        let feed = channels.filter { $0.fee != nil }
        #expect(Double(feed.filter { $0.fee?.amount != nil }.count) >= 0.95 * Double(feed.count))
    }
}
