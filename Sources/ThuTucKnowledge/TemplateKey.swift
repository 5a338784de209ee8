/// Every piece of answer wording the renderer asks Knowledge/templates for,
/// with the placeholders each may use. `thutuc check` fails when a key is
/// missing or a template uses a placeholder its key does not offer.
public enum TemplateKey: String, Sendable, CaseIterable {
    case procedureTitle = "procedure.title"
    case procedureTitleShort = "procedure.title-short"
    case procedureLink = "procedure.link"
    case procedureLinkShort = "procedure.link-short"
    case overviewBody = "overview.body"
    case overviewHint = "overview.hint"
    case overviewDocuments = "overview.documents"
    case overviewDocumentsCases = "overview.documents-cases"
    case overviewDocumentsBring = "overview.documents-bring"
    case documentsHeader = "documents.header"
    case documentsLeadCase = "documents.lead-case"
    case documentsSection = "documents.section"
    case documentsItem = "documents.item"
    case documentsItemForm = "documents.item-form"
    case documentsDetail = "documents.detail"
    case documentsConditional = "documents.conditional"
    case documentsMore = "documents.more"
    case documentsNote = "documents.note"
    case documentsBringHeader = "documents.bring-header"
    case documentsBringItem = "documents.bring-item"
    case documentsCasesHeader = "documents.cases-header"
    case documentsFullList = "documents.full-list"
    case documentsOtherCasesHeader = "documents.other-cases-header"
    case documentsCaseLine = "documents.case-line"
    case documentsCasesMore = "documents.cases-more"
    case documentsGeneralCase = "documents.general-case"
    case documentsCaseTitle = "documents.case-title"
    case documentsCaseUnknown = "documents.case-unknown"
    case documentsNone = "documents.none"
    case copiesOriginals = "copies.originals"
    case copiesCopies = "copies.copies"
    case copiesBoth = "copies.both"
    case copiesUnstated = "copies.unstated"
    case timeHeader = "time.header"
    case timeLine = "time.line"
    case timeSame = "time.same"
    case timeUnknown = "time.unknown"
    case timeBareNumber = "time.bare-number"
    case timeMore = "time.more"
    case timeUsual = "time.usual"
    case timeBasis = "time.basis"
    case timePortal = "time.portal"
    case channelWithCase = "label.channel-case"
    case feeHeader = "fee.header"
    case feeLine = "fee.line"
    case feeSame = "fee.same"
    case feeNote = "fee.note"
    case feeNoteUntil = "fee.note-until"
    case feeNoteExpired = "fee.note-expired"
    case feeMoreNotes = "fee.more-notes"
    case feeAmount = "fee.amount"
    case feeAmountPer = "fee.amount-per"
    case feeAmountExpired = "fee.amount-expired"
    case feeRange = "fee.range"
    case feeProvince = "fee.province"
    case feeLaw = "fee.law"
    case feeLawGeneral = "fee.law-general"
    case feeWaivedExtra = "fee.waived-extra"
    case feeExpired = "fee.expired"
    case feeForeign = "fee.foreign"
    case feeForeignAbroad = "fee.foreign-abroad"
    case feeNoteForeign = "fee.note-foreign"
    case feeFree = "fee.free"
    case feeUnknown = "fee.unknown"
    case agencyBody = "agency.body"
    case agencyAuthority = "agency.authority"
    case agencyAddress = "agency.address"
    case agencyPlace = "agency.place"
    case agencyUnknown = "agency.unknown"
    case stepsHeader = "steps.header"
    case stepsItem = "steps.item"
    case stepsGeneric = "steps.generic"
    case tipsHeader = "tips.header"
    case tipsItem = "tips.item"
    case methodBody = "method.body"
    case methodOnlineFull = "method.online-full"
    case methodOnlineSubmit = "method.online-submit"
    case methodOnlineBooking = "method.online-booking"
    case methodOnlineNo = "method.online-no"
    case methodPostYes = "method.post-yes"
    case methodPostNo = "method.post-no"
    case methodUnknown = "method.unknown"
    case legalHeader = "legal.header"
    case legalItem = "legal.item"
    case legalItemBare = "legal.item-bare"
    case legalNone = "legal.none"
    case eligibilityBody = "eligibility.body"
    case eligibilityNote = "eligibility.note"
    case resultHeader = "result.header"
    case resultItem = "result.item"
    case resultNone = "result.none"
    case listHeader = "list.header"
    case listItem = "list.item"
    case listMore = "list.more"
    case clarifyHeader = "clarify.header"
    case clarifyHeaderTopic = "clarify.header-topic"
    case clarifyItem = "clarify.item"
    case clarifyItemPlain = "clarify.item-plain"
    case clarifyItemShort = "clarify.item-short"
    case clarifyFooter = "clarify.footer"
    case clarifyFooterShort = "clarify.footer-short"
    case choiceOutOfRange = "clarify.out-of-range"
    case fallbackBody = "fallback.body"
    case fallbackOutside = "fallback.outside"
    case followUpWithoutFocus = "fallback.no-focus"
    case smalltalkGreeting = "smalltalk.greeting"
    case smalltalkThanks = "smalltalk.thanks"
    case smalltalkBye = "smalltalk.bye"
    case smalltalkIdentity = "smalltalk.identity"
    case smalltalkHelp = "smalltalk.help"
    case resetDone = "session.reset"
    case replHelp = "repl.help"
    case replGreeting = "repl.greeting"
    case replTopHeader = "repl.top.header"
    case replTopItem = "repl.top.item"
    case replNoQuestion = "repl.no-question"
    case replInterrupt = "repl.interrupt"
    case listSeparator = "label.separator"
    case channelInPerson = "label.channel.truc-tiep"
    case channelOnline = "label.channel.truc-tuyen"
    case channelPost = "label.channel.buu-chinh"
    case channelAll = "label.channel.all"
    case levelMinistry = "label.level.bo"
    case levelProvince = "label.level.tinh"
    case levelCommune = "label.level.xa"
    case levelOther = "label.level.khac"
    case unitWorkingDays = "label.unit.ngay-lam-viec"
    case unitDays = "label.unit.ngay"
    case unitHours = "label.unit.gio"
    case unitMonths = "label.unit.thang"
    case truncationMark = "label.truncated"
    case whyMessage = "why.message"
    case whySentence = "why.sentence"
    case whyRoleRequest = "why.role.request"
    case whyRoleContext = "why.role.context"
    case whyRewrites = "why.rewrites"
    case whyIntents = "why.intents"
    case whyConcepts = "why.concepts"
    case whyHeld = "why.held"
    case whyOutside = "why.outside"
    case whyUnknown = "why.unknown"
    case whyCandidates = "why.candidates"
    case whyCandidate = "why.candidate"
    case whyAnswer = "why.answer"
    case whyClarify = "why.clarify"
    case whyDeclineOutside = "why.decline-outside"
    case whyDecline = "why.decline"
    case whyList = "why.list"
    case whyFollowUp = "why.follow-up"
    case intentOverview = "label.intent.overview"
    case intentDocuments = "label.intent.documents"
    case intentTime = "label.intent.time"
    case intentFee = "label.intent.fee"
    case intentAgency = "label.intent.agency"
    case intentSteps = "label.intent.steps"
    case intentMethod = "label.intent.method"
    case intentLegal = "label.intent.legal"
    case intentEligibility = "label.intent.eligibility"
    case intentResult = "label.intent.result"
    case intentList = "label.intent.list"

    /// The placeholders this key's template may use.
    public var placeholders: Set<String> {
        switch self {
        case .procedureTitle: ["name", "code"]
        case .procedureTitleShort: ["name", "code"]
        case .procedureLink, .procedureLinkShort: ["url", "retrieved"]
        case .overviewBody: ["levels", "field", "channels", "time", "fee", "documents", "agencies"]
        case .overviewDocuments, .overviewDocumentsBring: ["count"]
        case .overviewDocumentsCases: ["count", "cases"]
        case .documentsLeadCase, .documentsSection: ["title"]
        case .documentsItem: ["number", "name", "copies"]
        case .documentsItemForm: ["number", "name", "copies", "form"]
        case .documentsDetail: ["text"]
        case .documentsMore, .documentsCasesMore: ["count"]
        case .documentsNote: ["note"]
        case .documentsBringItem: ["number", "text"]
        case .documentsCasesHeader, .documentsOtherCasesHeader: ["example"]
        case .documentsCaseLine: ["number", "title"]
        case .documentsCaseTitle: ["number", "title"]
        case .documentsCaseUnknown: ["number", "count"]
        case .timeUsual: ["time"]
        case .timeMore: ["count"]
        case .timeBasis: ["basis"]
        case .timePortal: ["value"]
        case .channelWithCase: ["channel", "case"]
        case .feeNoteUntil, .feeNoteExpired: ["date"]
        case .feeMoreNotes: ["count"]
        case .feeAmountPer: ["amount", "per"]
        case .feeAmountExpired: ["value", "date"]
        case .feeRange: ["low", "high"]
        case .feeLaw: ["law"]
        case .feeWaivedExtra: ["extra"]
        case .feeForeign, .feeForeignAbroad: ["fee"]
        case .clarifyItemShort: ["number", "label"]
        case .copiesOriginals, .copiesCopies: ["count"]
        case .copiesBoth: ["originals", "copies"]
        case .timeLine, .feeLine: ["channel", "value"]
        case .timeSame, .feeSame: ["value"]
        case .timeBareNumber: ["value"]
        case .feeNote: ["note"]
        case .feeAmount: ["amount"]
        case .agencyBody: ["agencies", "levels"]
        case .agencyAuthority: ["authorities"]
        case .agencyAddress: ["address"]
        case .agencyPlace: ["place"]
        case .stepsItem, .tipsItem: ["number", "text"]
        case .stepsGeneric: ["documents", "channels", "agencies", "time", "fee", "results"]
        case .methodBody: ["channels"]
        case .legalItem: ["title", "number"]
        case .legalItemBare: ["title"]
        case .eligibilityBody: ["subjects"]
        case .resultItem: ["name"]
        case .listHeader: ["topic", "count"]
        case .listItem: ["name", "code"]
        case .listMore: ["count"]
        case .clarifyItem: ["number", "label", "name", "code"]
        case .fallbackOutside: ["topic", "body", "hotline"]
        case .clarifyHeaderTopic: ["topic"]
        case .whyMessage: ["text"]
        case .whySentence: ["number", "role", "text"]
        case .whyRewrites: ["rewrites"]
        case .whyIntents: ["intents"]
        case .whyConcepts: ["concepts"]
        case .whyHeld: ["papers"]
        case .whyOutside: ["phrases"]
        case .whyUnknown: ["words"]
        case .whyCandidate: ["number", "code", "name", "score", "match", "recall", "precision", "phrase", "concepts"]
        case .whyAnswer: ["code", "confidence"]
        case .whyClarify: ["labels"]
        case .whyDeclineOutside: ["topic", "body"]
        case .whyDecline: ["confidence", "threshold"]
        case .whyList: ["topic"]
        case .clarifyItemPlain: ["number", "name", "code"]
        case .choiceOutOfRange: ["count"]
        case .fallbackBody, .followUpWithoutFocus, .smalltalkHelp, .smalltalkGreeting: ["hotline"]
        case .replTopHeader: ["question"]
        case .replTopItem: ["number", "name", "code", "score"]
        default: []
        }
    }
}
