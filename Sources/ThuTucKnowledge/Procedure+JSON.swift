import ThuTucJSON

extension Procedure {
    static let fields: Set<String> = [
        "code", "name", "decision", "type", "field", "ministry", "levels", "subjects", "authorities", "agencies",
        "address", "channels", "documents", "legal", "results", "url", "retrieved",
    ]

    /// Reads one line of `Knowledge/procedures/*.jsonl`.
    init(json: JSONValue) throws(SchemaError) {
        let fields = try JSONFields(json, allowed: Self.fields)
        let levelCodes = try fields.strings("levels")
        var levels: [Level] = []
        for code in levelCodes {
            guard let level = Level(rawValue: code) else {
                throw SchemaError(message: "field 'levels': unknown level '\(code)' (use bo, tinh, xa, khac)")
            }
            levels.append(level)
        }
        self.init(
            code: try fields.string("code"),
            name: try fields.string("name"),
            decision: try fields.optionalString("decision"),
            type: try fields.optionalString("type"),
            field: try fields.string("field"),
            ministry: try fields.string("ministry"),
            levels: levels,
            subjects: try fields.strings("subjects"),
            authorities: try fields.strings("authorities"),
            agencies: try fields.strings("agencies"),
            address: try fields.optionalString("address"),
            channels: try fields.objects("channels", Channel.init(json:path:)),
            documents: try fields.objects("documents", DocumentGroup.init(json:path:)),
            legal: try fields.objects("legal", LegalReference.init(json:path:)),
            results: try fields.objects("results", ResultDocument.init(json:path:)),
            url: try fields.string("url"),
            retrieved: try fields.string("retrieved")
        )
    }
}

extension Channel {
    init(json: JSONValue, path: String) throws(SchemaError) {
        let fields = try JSONFields(json, path: path, allowed: ["kind", "time", "fee"])
        self.init(
            kind: try fields.enumeration("kind", Kind.self),
            time: try fields.object("time", ProcessingTime.init(json:path:)),
            fee: try fields.object("fee", Fee.init(json:path:))
        )
    }
}

extension ProcessingTime {
    init(json: JSONValue, path: String) throws(SchemaError) {
        let fields = try JSONFields(json, path: path, allowed: ["text", "value", "unit"])
        self.init(text: try fields.string("text"), value: try fields.optionalNumber("value"), unit: try fields.optionalEnumeration("unit", Unit.self))
    }
}

extension Fee {
    init(json: JSONValue, path: String) throws(SchemaError) {
        let fields = try JSONFields(json, path: path, allowed: ["text", "amount", "note"])
        self.init(text: try fields.string("text"), amount: try fields.optionalInteger("amount"), note: try fields.optionalString("note"))
    }
}

extension DocumentGroup {
    init(json: JSONValue, path: String) throws(SchemaError) {
        let fields = try JSONFields(json, path: path, allowed: ["title", "items"])
        self.init(title: try fields.optionalString("title"), items: try fields.objects("items", RequiredDocument.init(json:path:)))
    }
}

extension RequiredDocument {
    init(json: JSONValue, path: String) throws(SchemaError) {
        let fields = try JSONFields(json, path: path, allowed: ["name", "form", "originals", "copies"])
        self.init(
            name: try fields.string("name"), form: try fields.optionalString("form"),
            originals: try fields.integer("originals"), copies: try fields.integer("copies")
        )
    }
}

extension LegalReference {
    init(json: JSONValue, path: String) throws(SchemaError) {
        let fields = try JSONFields(json, path: path, allowed: ["title", "number"])
        self.init(title: try fields.string("title"), number: try fields.optionalString("number"))
    }
}

extension ResultDocument {
    init(json: JSONValue, path: String) throws(SchemaError) {
        let fields = try JSONFields(json, path: path, allowed: ["name", "code"])
        self.init(name: try fields.string("name"), code: try fields.optionalString("code"))
    }
}

extension Overlay {
    /// Reads one line of `Knowledge/curated/*.jsonl`.
    init(json: JSONValue) throws(SchemaError) {
        let fields = try JSONFields(json, allowed: ["code", "name", "aliases", "steps", "tips", "place"])
        self.init(
            code: try fields.string("code"), name: try fields.string("name"),
            aliases: try fields.strings("aliases", required: false), steps: try fields.strings("steps", required: false),
            tips: try fields.strings("tips", required: false), place: try fields.optionalString("place")
        )
    }
}
