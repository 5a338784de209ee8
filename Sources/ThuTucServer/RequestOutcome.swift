/// What one request produced, and what the request log records about it.
struct RequestOutcome {
    var response: ProtocolHandler.Response
    /// The session the request ran in; the log shows it hashed.
    var session: String
    /// The question's intent, "cmd:NAME" for a command, "error:CODE" for a rejected request.
    var intent: String
    /// The procedure answered, if any.
    var code: String?
    /// The question as the client typed it; the log masks personal data in it.
    var question: String?
    /// False for lines not worth a log line (PING, which monitors and load
    /// balancers send all the time, and empty lines) and for deferred work,
    /// which logs itself when it completes.
    var logged: Bool

    init(_ response: ProtocolHandler.Response, session: String, intent: String, code: String? = nil, question: String? = nil, logged: Bool = true) {
        self.response = response
        self.session = session
        self.intent = intent
        self.code = code
        self.question = question
        self.logged = logged
    }
}
