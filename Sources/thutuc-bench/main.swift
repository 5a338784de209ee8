import Foundation
import ThuTucJSON
import ThuTucKnowledge
import ThuTucSearch
import ThuTucServer
import ThuTucText

func time<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let start = DispatchTime.now().uptimeNanoseconds
    let value = try body()
    print(label, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, "ms")
    return value
}
let dir = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "Knowledge"
let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/procedures").map { dir + "/procedures/" + $0 }
let datas = files.map { FileManager.default.contents(atPath: $0)! }
time("jsonreader") {
    var n = 0
    for d in datas { for line in d.split(separator: 0x0A) { if let v = try? JSONReader.parse(line) { if case .object = v { n += 1 } } } }
    print(n)
}
let kb = try time("load") { try KnowledgeLoader.load(directory: dir) }
var texts: [String] = []
for p in kb.procedures { texts.append(p.name); for g in p.documents { for i in g.items { texts.append(i.name) } } }
time("normalize all") { var n = 0; for t in texts { n += TextNormalizer.normalize(t).tokens.count }; print(n) }
_ = time("index") { SearchIndex(knowledge: kb) }
