import ThuTucJSON

// Hand-written readers for the knowledge files, on a pull cursor rather than
// Codable: the catalogue loads several times faster, and unknown fields are
// errors (a typo in an overlay must not be silently ignored).

extension Procedure {
    /// One line of `Knowledge/procedures/*.jsonl`, read as the loader reads
    /// it: for tools and tests that check what the importer wrote.
    public init(jsonLine line: some StringProtocol) throws {
        self = try JSONCursor.read(ArraySlice(line.utf8)) { cursor in try Procedure(cursor: &cursor) }
    }

    /// Reads one line of `Knowledge/procedures/*.jsonl`.
    init(cursor: inout JSONCursor) throws {
        var code, name, field, ministry, url, retrieved: String?
        var decision, type, address: String?
        var levels: [Level]?
        var subjects, authorities, agencies: [String]?
        var channels: [Channel]?
        var documents: [DocumentGroup]?
        var legal: [LegalReference]?
        var results: [ResultDocument]?
        try cursor.object { key, cursor in
            if key == "code" {
                code = try reading("code", in: "", expected: "a string") { try cursor.string() }
            } else if key == "name" {
                name = try reading("name", in: "", expected: "a string") { try cursor.string() }
            } else if key == "decision" {
                decision = try reading("decision", in: "", expected: "a string or null") { try cursor.optionalString() }
            } else if key == "type" {
                type = try reading("type", in: "", expected: "a string or null") { try cursor.optionalString() }
            } else if key == "field" {
                field = try reading("field", in: "", expected: "a string") { try cursor.string() }
            } else if key == "ministry" {
                ministry = try reading("ministry", in: "", expected: "a string") { try cursor.string() }
            } else if key == "levels" {
                let codes = try reading("levels", in: "", expected: "a list of strings") { try cursor.strings() }
                levels = try codes.map { code in
                    guard let level = Level(rawValue: code) else {
                        throw SchemaError(message: "levels: unknown level '\(code)' (use bo, tinh, xa, khac)")
                    }
                    return level
                }
            } else if key == "subjects" {
                subjects = try reading("subjects", in: "", expected: "a list of strings") { try cursor.strings() }
            } else if key == "authorities" {
                authorities = try reading("authorities", in: "", expected: "a list of strings") { try cursor.strings() }
            } else if key == "agencies" {
                agencies = try reading("agencies", in: "", expected: "a list of strings") { try cursor.strings() }
            } else if key == "address" {
                address = try reading("address", in: "", expected: "a string or null") { try cursor.optionalString() }
            } else if key == "channels" {
                channels = try list("channels", &cursor, Channel.init(cursor:path:))
            } else if key == "documents" {
                documents = try list("documents", &cursor, DocumentGroup.init(cursor:path:))
            } else if key == "legal" {
                legal = try list("legal", &cursor, LegalReference.init(cursor:path:))
            } else if key == "results" {
                results = try list("results", &cursor, ResultDocument.init(cursor:path:))
            } else if key == "url" {
                url = try reading("url", in: "", expected: "a string") { try cursor.string() }
            } else if key == "retrieved" {
                retrieved = try reading("retrieved", in: "", expected: "a string") { try cursor.string() }
            } else {
                throw SchemaError.unknown(key.string, in: "")
            }
        }
        func required<Value>(_ value: Value?, _ name: String) throws -> Value {
            guard let value else { throw SchemaError.missing(name, in: "") }
            return value
        }
        self.init(
            code: try required(code, "code"), name: try required(name, "name"), decision: decision, type: type,
            field: try required(field, "field"), ministry: try required(ministry, "ministry"), levels: try required(levels, "levels"),
            subjects: try required(subjects, "subjects"), authorities: try required(authorities, "authorities"),
            agencies: try required(agencies, "agencies"), address: address, channels: try required(channels, "channels"),
            documents: try required(documents, "documents"), legal: try required(legal, "legal"), results: try required(results, "results"),
            url: try required(url, "url"), retrieved: try required(retrieved, "retrieved")
        )
    }
}

/// Reads a list of objects, giving each reader its path ("documents[2]").
func list<Element>(_ name: String, _ cursor: inout JSONCursor, _ read: (inout JSONCursor, String) throws -> Element) throws -> [Element] {
    var elements: [Element] = []
    try reading(name, in: "", expected: "a list") {
        try cursor.array { cursor in
            elements.append(try read(&cursor, "\(name)[\(elements.count)]"))
        }
    }
    return elements
}

extension Channel {
    init(cursor: inout JSONCursor, path: String) throws {
        var kind: Kind?
        var time: ProcessingTime?
        var fee: Fee?
        var caseLabel: String?
        var online: OnlineScope?
        try reading(path, in: "", expected: "an object") {
            try cursor.object { key, cursor in
                if key == "kind" {
                    kind = try enumeration("kind", in: path, &cursor)
                } else if key == "time" {
                    time = cursor.takeNull() ? nil : try ProcessingTime(cursor: &cursor, path: path + ".time")
                } else if key == "fee" {
                    fee = cursor.takeNull() ? nil : try Fee(cursor: &cursor, path: path + ".fee")
                } else if key == "case" {
                    caseLabel = try reading("case", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "online" {
                    online = cursor.takeNull() ? nil : try enumeration("online", in: path, &cursor)
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let kind else { throw SchemaError.missing("kind", in: path) }
        self.init(kind: kind, time: time, fee: fee, caseLabel: caseLabel, online: online)
    }
}

/// `true` or `false`.
func flag(_ key: String, in path: String, _ cursor: inout JSONCursor) throws -> Bool {
    guard case .bool(let value) = try reading(key, in: path, expected: "true or false", { try cursor.value() }) else {
        throw SchemaError.bad(key, in: path, expected: "true or false")
    }
    return value
}

/// A string that must be one of `Value`'s raw values.
func enumeration<Value: RawRepresentable & CaseIterable>(_ key: String, in path: String, _ cursor: inout JSONCursor) throws -> Value
where Value.RawValue == String {
    let raw = try reading(key, in: path, expected: "a string") { try cursor.string() }
    guard let value = Value(rawValue: raw) else {
        throw SchemaError.bad(key, in: path, expected: Value.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return value
}

extension ProcessingTime {
    init(cursor: inout JSONCursor, path: String) throws {
        var text: String?
        var value: Double?
        var unit: Unit?
        try reading(path, in: "", expected: "an object or null") {
            try cursor.object { key, cursor in
                if key == "text" {
                    text = try reading("text", in: path, expected: "a string") { try cursor.string() }
                } else if key == "value" {
                    value = try reading("value", in: path, expected: "a number or null") { try cursor.optionalNumber() }
                } else if key == "unit" {
                    let raw = try reading("unit", in: path, expected: "a string or null") { try cursor.optionalString() }
                    if let raw {
                        guard let parsed = Unit(rawValue: raw) else {
                            throw SchemaError.bad("unit", in: path, expected: Unit.allCases.map(\.rawValue).joined(separator: ", "))
                        }
                        unit = parsed
                    }
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let text else { throw SchemaError.missing("text", in: path) }
        self.init(text: text, value: value, unit: unit)
    }
}

extension Fee {
    init(cursor: inout JSONCursor, path: String) throws {
        var text: String?
        var amount: Int?
        var note, per, currency, law, extra, until: String?
        var basis: Basis?
        var abroad = false
        var rates: [Rate] = []
        try reading(path, in: "", expected: "an object or null") {
            try cursor.object { key, cursor in
                if key == "text" {
                    text = try reading("text", in: path, expected: "a string") { try cursor.string() }
                } else if key == "amount" {
                    amount = try money("amount", in: path, &cursor, optional: true)
                } else if key == "note" {
                    note = try reading("note", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "per" {
                    per = try reading("per", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "currency" {
                    currency = try reading("currency", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "abroad" {
                    abroad = try flag("abroad", in: path, &cursor)
                } else if key == "basis" {
                    basis = try enumeration("basis", in: path, &cursor)
                } else if key == "extra" {
                    extra = try reading("extra", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "law" {
                    law = try reading("law", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "until" {
                    until = try reading("until", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "rates" {
                    try reading("rates", in: path, expected: "a list") {
                        try cursor.array { cursor in
                            rates.append(try Rate(cursor: &cursor, path: "\(path).rates[\(rates.count)]"))
                        }
                    }
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let text else { throw SchemaError.missing("text", in: path) }
        self.init(
            text: text, amount: amount, note: note, per: per, currency: currency, abroad: abroad, basis: basis, law: law, extra: extra, rates: rates, until: until
        )
    }
}

extension Fee.Rate {
    init(cursor: inout JSONCursor, path: String) throws {
        var amount: Int?
        var per, until: String?
        try reading(path, in: "", expected: "an object") {
            try cursor.object { key, cursor in
                if key == "amount" {
                    amount = try money("amount", in: path, &cursor, optional: false)
                } else if key == "per" {
                    per = try reading("per", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "until" {
                    until = try reading("until", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let amount else { throw SchemaError.missing("amount", in: path) }
        self.init(amount: amount, per: per, until: until)
    }
}

/// A whole number of đồng (or null when `optional`).
private func money(_ key: String, in path: String, _ cursor: inout JSONCursor, optional: Bool) throws -> Int? {
    let number: Double? = try reading(key, in: path, expected: optional ? "a number or null" : "a number") {
        optional ? try cursor.optionalNumber() : try cursor.number()
    }
    guard let number else { return nil }
    guard number == number.rounded(), abs(number) < 1e15 else { throw SchemaError.bad(key, in: path, expected: "a whole number") }
    return Int(number)
}

extension DocumentGroup {
    init(cursor: inout JSONCursor, path: String) throws {
        var title: String?
        var items: [RequiredDocument]?
        var notes: [String] = []
        var isCase = false
        try reading(path, in: "", expected: "an object") {
            try cursor.object { key, cursor in
                if key == "title" {
                    title = try reading("title", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "notes" {
                    notes = try reading("notes", in: path, expected: "a list of strings") { try cursor.strings() }
                } else if key == "case" {
                    isCase = try flag("case", in: path, &cursor)
                } else if key == "items" {
                    var list: [RequiredDocument] = []
                    try reading("items", in: path, expected: "a list") {
                        try cursor.array { cursor in
                            list.append(try RequiredDocument(cursor: &cursor, path: "\(path).items[\(list.count)]"))
                        }
                    }
                    items = list
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let items else { throw SchemaError.missing("items", in: path) }
        self.init(title: title, items: items, notes: notes, isCase: isCase)
    }
}

extension RequiredDocument {
    init(cursor: inout JSONCursor, path: String) throws {
        var name: String?
        var form: String?
        var originals: Int?
        var copies: Int?
        var details: [String] = []
        var conditional = false
        func count(_ key: String, _ cursor: inout JSONCursor) throws -> Int {
            let number = try reading(key, in: path, expected: "a number") { try cursor.number() }
            guard number == number.rounded(), number >= 0, number < 1000 else { throw SchemaError.bad(key, in: path, expected: "a whole number from 0 to 999") }
            return Int(number)
        }
        try reading(path, in: "", expected: "an object") {
            try cursor.object { key, cursor in
                if key == "name" {
                    name = try reading("name", in: path, expected: "a string") { try cursor.string() }
                } else if key == "form" {
                    form = try reading("form", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "originals" {
                    originals = try count("originals", &cursor)
                } else if key == "copies" {
                    copies = try count("copies", &cursor)
                } else if key == "details" {
                    details = try reading("details", in: path, expected: "a list of strings") { try cursor.strings() }
                } else if key == "conditional" {
                    conditional = try flag("conditional", in: path, &cursor)
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let name else { throw SchemaError.missing("name", in: path) }
        guard let originals else { throw SchemaError.missing("originals", in: path) }
        guard let copies else { throw SchemaError.missing("copies", in: path) }
        self.init(name: name, form: form, originals: originals, copies: copies, details: details, conditional: conditional)
    }
}

extension LegalReference {
    init(cursor: inout JSONCursor, path: String) throws {
        var title: String?
        var number, date, issuer: String?
        try reading(path, in: "", expected: "an object") {
            try cursor.object { key, cursor in
                if key == "title" {
                    title = try reading("title", in: path, expected: "a string") { try cursor.string() }
                } else if key == "number" {
                    number = try reading("number", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "date" {
                    date = try reading("date", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else if key == "issuer" {
                    issuer = try reading("issuer", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let title else { throw SchemaError.missing("title", in: path) }
        self.init(title: title, number: number, date: date, issuer: issuer)
    }
}

extension ResultDocument {
    init(cursor: inout JSONCursor, path: String) throws {
        var name: String?
        var code: String?
        try reading(path, in: "", expected: "an object") {
            try cursor.object { key, cursor in
                if key == "name" {
                    name = try reading("name", in: path, expected: "a string") { try cursor.string() }
                } else if key == "code" {
                    code = try reading("code", in: path, expected: "a string or null") { try cursor.optionalString() }
                } else {
                    throw SchemaError.unknown(key.string, in: path)
                }
            }
        }
        guard let name else { throw SchemaError.missing("name", in: path) }
        self.init(name: name, code: code)
    }
}

extension Overlay {
    /// Reads one line of `Knowledge/curated/*.jsonl`.
    init(cursor: inout JSONCursor) throws {
        var code, name, place, time, timeBasis: String?
        var aliases: [String] = [], steps: [String] = [], tips: [String] = [], bring: [String] = []
        try reading("line", in: "", expected: "an object") {
            try cursor.object { key, cursor in
                if key == "code" {
                    code = try reading("code", in: "", expected: "a string") { try cursor.string() }
                } else if key == "name" {
                    name = try reading("name", in: "", expected: "a string") { try cursor.string() }
                } else if key == "aliases" {
                    aliases = try reading("aliases", in: "", expected: "a list of strings") { try cursor.strings() }
                } else if key == "steps" {
                    steps = try reading("steps", in: "", expected: "a list of strings") { try cursor.strings() }
                } else if key == "tips" {
                    tips = try reading("tips", in: "", expected: "a list of strings") { try cursor.strings() }
                } else if key == "place" {
                    place = try reading("place", in: "", expected: "a string or null") { try cursor.optionalString() }
                } else if key == "time" {
                    time = try reading("time", in: "", expected: "a string or null") { try cursor.optionalString() }
                } else if key == "timeBasis" {
                    timeBasis = try reading("timeBasis", in: "", expected: "a string or null") { try cursor.optionalString() }
                } else if key == "bring" {
                    bring = try reading("bring", in: "", expected: "a list of strings") { try cursor.strings() }
                } else {
                    throw SchemaError.unknown(key.string, in: "")
                }
            }
        }
        guard let code else { throw SchemaError.missing("code", in: "") }
        guard let name else { throw SchemaError.missing("name", in: "") }
        self.init(
            code: code, name: name, aliases: aliases, steps: steps, tips: tips, place: place, time: time, timeBasis: timeBasis, bring: bring
        )
    }
}
