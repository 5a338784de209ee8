@preconcurrency import Glibc

/// The terminal on standard input switched to raw mode for the line editor
/// (no echo, no line buffering, Ctrl-C and Ctrl-Z delivered as keys), and
/// put back as it was on every way out: ``restore()``, the end of the
/// process, or a signal that ends it (the handler restores, then lets the
/// signal take its default course).
///
/// Output processing stays on, so "\n" still moves to the next line's start.
final class RawTerminal {
    /// The signals that end a REPL from outside; each restores the terminal first.
    private static let endingSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    private var active = false

    /// Saves the terminal's settings and enters raw mode; nil when standard input is not a terminal.
    init?() {
        guard tcgetattr(0, &savedSettings) == 0 else { return nil }
        hasSavedSettings = true
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signal in Self.endingSignals {
            Glibc.signal(signal) { number in
                if hasSavedSettings { tcsetattr(0, TCSANOW, &savedSettings) }
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigaddset(&unblocked, signal)
        }
        // A parent may have started us with them blocked, which would leave a raw terminal behind a kill.
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        atexit { if hasSavedSettings { tcsetattr(0, TCSANOW, &savedSettings) } }
        enter()
    }

    deinit {
        restore()
    }

    /// Raw mode, from the saved settings.
    func enter() {
        var raw = savedSettings
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | BRKINT | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { controls in
            controls[Int(VMIN)] = 1
            controls[Int(VTIME)] = 0
        }
        active = tcsetattr(0, TCSAFLUSH, &raw) == 0
    }

    /// The saved settings back; typed-ahead input is kept.
    func restore() {
        guard active else { return }
        tcsetattr(0, TCSANOW, &savedSettings)
        active = false
    }

    /// Ctrl-Z: the terminal as it was while stopped, raw again once continued.
    func suspend() {
        restore()
        kill(getpid(), SIGTSTP)
        enter()
    }
}

// The signal handlers and the exit hook can capture nothing, so the settings
// they restore live here; written once, before any handler is installed.
nonisolated(unsafe) private var savedSettings = termios()
nonisolated(unsafe) private var hasSavedSettings = false
