import ThuTucJSON
import ThuTucKnowledge

extension ReplyFacts {
    /// The facts as one JSON object (docs/PROTOCOL.md, "facts"). Absent
    /// parts are left out; a value the record lacks is null.
    public func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        writer.string("code", code)
        writer.string("name", name)
        writer.string("url", url)
        writer.value("agencies", .array(agencies.map { .string($0) }))
        writer.value("levels", .array(levels.map { .string($0.rawValue) }))
        var channelList = JSONArrayWriter()
        for channel in channels {
            var item = JSONWriter(capacity: 64)
            item.string("kind", channel.kind.rawValue)
            item.string("online", channel.online?.rawValue)
            channelList.append(item.object())
        }
        writer.raw("channels", channelList.array())
        if let fees {
            var list = JSONArrayWriter()
            for fee in fees {
                var item = JSONWriter(capacity: 128)
                item.string("channel", fee.channel.rawValue)
                item.string("case", fee.caseLabel)
                item.value("amount", fee.amount.map { .number(Double($0)) } ?? .null)
                item.string("text", fee.text)
                list.append(item.object())
            }
            writer.raw("fees", list.array())
        }
        if let times {
            var list = JSONArrayWriter()
            for time in times {
                var item = JSONWriter(capacity: 128)
                item.string("channel", time.channel.rawValue)
                item.string("case", time.caseLabel)
                item.value("value", time.value.map { .number($0) } ?? .null)
                item.string("unit", time.unit?.rawValue)
                item.string("text", time.text)
                list.append(item.object())
            }
            writer.raw("times", list.array())
        }
        if let usualTime {
            var item = JSONWriter(capacity: 128)
            item.string("text", usualTime.text)
            item.string("basis", usualTime.basis)
            writer.raw("usualTime", item.object())
        }
        if let documents {
            var list = JSONArrayWriter()
            for document in documents {
                var item = JSONWriter(capacity: 256)
                item.string("case", document.caseTitle)
                item.string("name", document.name)
                item.number("originals", Double(document.originals))
                item.number("copies", Double(document.copies))
                item.string("form", document.form)
                item.bool("conditional", document.conditional)
                list.append(item.object())
            }
            writer.raw("documents", list.array())
        }
        if let bring { writer.value("bring", .array(bring.map { .string($0) })) }
        if let cases { writer.value("cases", .array(cases.map { .string($0) })) }
        return writer.object()
    }
}
