import ThuTucDialogue

/// A request that needs its conversation from a store that is not at hand
/// (Redis): the event loop reads the session, runs the turn on it, writes
/// the session back, and only then sends the reply, so that the next turn,
/// whichever connection or instance it arrives on, finds this one's result.
///
/// Until the reply is sent the connection answers nothing more, so replies
/// stay in request order.
public struct SessionTurn: Sendable {
    /// The session's name.
    public let session: String
    /// False when the turn replaces the session whatever it held (RESET), so
    /// there is nothing to read first.
    public let readsSession: Bool
    private let body: @Sendable (inout Session, inout ConnectionState) -> [UInt8]

    init(session: String, readsSession: Bool, body: @escaping @Sendable (inout Session, inout ConnectionState) -> [UInt8]) {
        self.session = session
        self.readsSession = readsSession
        self.body = body
    }

    /// Answers the request in `session` (as read from the store, or new),
    /// which it updates for the store; returns the reply bytes.
    public func run(in session: inout Session, state: inout ConnectionState) -> [UInt8] {
        body(&session, &state)
    }
}
