import ThuTucKnowledge

/// The facts of an answer as values, for a gateway that renders its own
/// card rather than parse the reply's text: the procedure's link, agencies
/// and levels, its channels, and for what was asked the fees, times and
/// documents.
public struct ReplyFacts: Sendable, Hashable {
    /// One channel's fee, as the answer states it.
    public struct FeeFact: Sendable, Hashable {
        public var channel: Channel.Kind
        /// The case the row is for, when the record gives one.
        public var caseLabel: String?
        /// In đồng; 0 when free; nil when the record gives no single amount
        /// (set by the province or a legal text, a range, a foreign currency).
        public var amount: Int?
        /// The fee as the answer says it ("135.000 đồng/lần", "mức do tỉnh quy định").
        public var text: String
    }

    /// One channel's processing time.
    public struct TimeFact: Sendable, Hashable {
        public var channel: Channel.Kind
        public var caseLabel: String?
        public var value: Double?
        /// Nil when the record gives the number without a unit.
        public var unit: ProcessingTime.Unit?
        /// The time as the answer says it.
        public var text: String
    }

    /// A way to submit, with what an online one allows.
    public struct ChannelFact: Sendable, Hashable {
        public var kind: Channel.Kind
        public var online: Channel.OnlineScope?
    }

    /// The usual time of an everyday procedure, in words, and the provision it comes from.
    public struct UsualTime: Sendable, Hashable {
        public var text: String
        public var basis: String?
    }

    /// A document of the case the answer shows.
    public struct DocumentFact: Sendable, Hashable {
        /// The case's title, nil for the general dossier.
        public var caseTitle: String?
        public var name: String
        public var originals: Int
        public var copies: Int
        /// The form's name ("Mẫu CT01").
        public var form: String?
        /// Whether it is needed only in some cases.
        public var conditional: Bool
    }

    public var code: String
    public var name: String
    public var url: String
    public var agencies: [String]
    public var levels: [Level]
    /// The ways to submit, with what an online one allows.
    public var channels: [ChannelFact]
    /// When fees were asked (or an overview).
    public var fees: [FeeFact]?
    /// When times were asked (or an overview).
    public var times: [TimeFact]?
    /// The usual time in words and its provision, for an everyday procedure.
    public var usualTime: UsualTime?
    /// When documents were asked: those of the case shown.
    public var documents: [DocumentFact]?
    /// When documents were asked: what to bring, for an everyday procedure.
    public var bring: [String]?
    /// When documents were asked: the cases, numbered as the answer numbers them.
    public var cases: [String]?
}

extension AnswerRenderer {
    /// The facts of an answer about `procedure` to `intents`.
    public func facts(_ procedure: Procedure, intents: [Intent], documents request: DocumentRequest? = nil) -> ReplyFacts {
        let agencies = procedure.agencies.isEmpty ? procedure.authorities : procedure.agencies
        var facts = ReplyFacts(
            code: procedure.code, name: procedure.name, url: procedure.url, agencies: agencies, levels: procedure.levels,
            channels: procedure.channels.reduce(into: []) { kinds, channel in
                if !kinds.contains(where: { $0.kind == channel.kind }) { kinds.append(ReplyFacts.ChannelFact(kind: channel.kind, online: channel.online)) }
            }
        )
        let overlay = knowledge.overlays[procedure.code]
        if intents.contains(.fee) || intents.contains(.overview) {
            facts.fees = procedure.channels.map { channel in
                ReplyFacts.FeeFact(
                    channel: channel.kind, caseLabel: channel.caseLabel, amount: channel.fee.flatMap(amount(of:)), text: feeValue(channel)
                )
            }
        }
        if intents.contains(.time) || intents.contains(.overview) {
            facts.times = procedure.channels.map { channel in
                ReplyFacts.TimeFact(
                    channel: channel.kind, caseLabel: channel.caseLabel, value: channel.time?.value, unit: channel.time?.unit,
                    text: timeValue(channel)
                )
            }
            if let usual = overlay?.time { facts.usualTime = ReplyFacts.UsualTime(text: usual, basis: overlay?.timeBasis) }
        }
        if intents.contains(.documents) {
            let cases = documentCases(procedure)
            facts.cases = cases.map { $0.title ?? text(.documentsGeneralCase) }
            if let bring = overlay?.bring, !bring.isEmpty { facts.bring = bring }
            let shown = request.flatMap { request in
                request.number.map { $0 - 1 } ?? request.match(cases.map { $0.title ?? text(.documentsGeneralCase) })
            }.flatMap { cases.indices.contains($0) ? cases[$0] : nil } ?? cases.first
            facts.documents = shown.map { chosen in
                chosen.groups.flatMap(\.items).map { item in
                    ReplyFacts.DocumentFact(
                        caseTitle: chosen.title, name: item.name, originals: item.originals, copies: item.copies, form: item.form,
                        conditional: item.conditional
                    )
                }
            } ?? []
        }
        return facts
    }
}
