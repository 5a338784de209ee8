/// The per-connection numbers the event loop enforces, taken from the
/// configuration once so that the hot path reads plain stored values.
struct ConnectionLimits: Sendable {
    var maxLineBytes: Int
    /// Above this much unsent output the connection is not read until it drains.
    var maxPendingReplyBytes: Int
    var idleTimeout: Double
    /// How long one line may take to arrive once its first byte has.
    var lineTimeout: Double
    var writeTimeout: Double
    /// How long a closing connection's late input is read and dropped, so that
    /// it does not make the kernel reset the connection before our last reply
    /// arrives.
    var lingerSeconds = 2.0
    /// How long a graceful shutdown keeps flushing before it cuts connections.
    var shutdownGraceSeconds = 1.0
    /// How long one connection may answer pipelined requests before the others
    /// on its loop get a turn.
    var turnSeconds = 0.002
    /// Receives per turn, for the same fairness.
    var readsPerTurn = 4
    /// Bytes read per receive.
    var readChunkBytes = 64 * 1024

    init(_ configuration: Configuration) {
        maxLineBytes = configuration.maxLineBytes
        maxPendingReplyBytes = configuration.maxPendingReplyBytes
        idleTimeout = configuration.idleTimeoutSeconds
        lineTimeout = configuration.lineTimeoutSeconds
        writeTimeout = configuration.writeTimeoutSeconds
    }

    /// How often a loop scans its connections for timeouts: once a second,
    /// more often when a configured timeout is short, so that it fires within
    /// a quarter of its length. Lingering closes may run a scan late.
    var scanInterval: Double {
        min(1.0, max(0.02, min(idleTimeout, writeTimeout, lineTimeout) / 4))
    }
}
