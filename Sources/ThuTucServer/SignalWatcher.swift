@preconcurrency import Glibc
import CEpoll

/// Turns SIGINT, SIGTERM and SIGHUP into values a thread can wait for.
///
/// The handlers (in the CEpoll shim) only record the signal and write to an
/// eventfd; all work happens in the thread that calls ``next()``. A
/// signalfd would need the signals blocked in every thread, including the
/// Dispatch workers that loading the knowledge has already started.
public final class SignalWatcher: Sendable {
    /// The signals the server acts on.
    public enum Signal: Sendable, CaseIterable {
        case interrupt, terminate, hangup

        var number: Int32 {
            switch self {
            case .interrupt: SIGINT
            case .terminate: SIGTERM
            case .hangup: SIGHUP
            }
        }
    }

    private let eventFD: Int32
    private let watched: [Signal]

    /// Installs the handlers and unblocks the signals in the calling thread,
    /// which should be the one that calls ``next()``: a server started by a
    /// parent that blocked them would otherwise never hear SIGTERM. The
    /// previous handlers come back when the watcher is released. Only one
    /// watcher can exist at a time.
    public init(_ signals: [Signal]) throws(ServerError) {
        let eventFD = cepoll_eventfd(0)
        guard eventFD >= 0 else { throw .system(call: "eventfd", errno: errno) }
        let numbers = signals.map(\.number)
        guard cepoll_signals_install(eventFD, numbers, Int32(numbers.count)) == 0 else {
            let code = errno
            Socket.close(eventFD)
            throw .system(call: "sigaction", errno: code)
        }
        self.eventFD = eventFD
        self.watched = signals
    }

    deinit {
        cepoll_signals_restore()
        Socket.close(eventFD)
    }

    /// Blocks until a watched signal arrives; returns those caught since the
    /// last call, terminate and interrupt first. If the eventfd cannot be
    /// read, which should never happen, it answers `.terminate`: a watcher
    /// that cannot hear signals should not keep the server running unstoppable.
    public func next() -> [Signal] {
        while true {
            var value: UInt64 = 0
            if read(eventFD, &value, MemoryLayout<UInt64>.size) < 0 {
                if errno == EINTR { continue }
                return [.terminate]
            }
            let caught = cepoll_signals_take()
            let signals = [Signal.terminate, .interrupt, .hangup].filter { watched.contains($0) && caught & (1 << UInt64($0.number)) != 0 }
            if !signals.isEmpty { return signals }
        }
    }
}
