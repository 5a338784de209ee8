extension ProtocolHandler {
    /// What the handler gives back for one request line.
    public enum Response: Sendable {
        /// The reply bytes, ready to send (empty for an empty plain line).
        case reply([UInt8])
        /// Work too slow for an event loop (a knowledge reload): the caller
        /// runs it on another thread and sends the bytes it returns. Requests
        /// after it on the same connection wait, so replies stay in order.
        case deferred(@Sendable () -> [UInt8])
        /// A turn that needs its session from the Redis store: the caller
        /// reads the session, runs the turn, writes it back, then sends the
        /// reply. Requests after it on the same connection wait.
        case conversation(SessionTurn)
    }
}
