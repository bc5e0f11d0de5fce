import CNcursesw
import PipedeckRender
import PipedeckUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal session: the only place that talks to curses.
///
/// Curses is not thread-safe, so the terminal belongs to the main thread: the type is
/// `@MainActor`, and the compiler refuses a use of it from anywhere else. One instance at a
/// time. Draw grids with `draw`, read input with `readEvent`, and call `restore()` (or let it
/// run at exit) to give the terminal back.
@MainActor
public final class Terminal {

    // MARK: Locale

    /// setlocale(LC_ALL, ""); if the codeset is not UTF-8, try C.UTF-8, then
    /// en_US.UTF-8. Returns whether UTF-8 is active. `init` calls it when the
    /// codeset is not UTF-8 yet.
    @discardableResult
    public nonisolated static func prepareLocale() -> Bool {
        if trySetLocale(""), pd_codeset_is_utf8() != 0 { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if trySetLocale(name), pd_codeset_is_utf8() != 0 { return true }
        }
        _ = trySetLocale("")
        return pd_codeset_is_utf8() != 0
    }

    private nonisolated static func trySetLocale(_ name: String) -> Bool {
        return setlocale(LC_ALL, name) != nil
    }

    // MARK: State

    /// The one active session (for the atexit hook).
    static weak var active: Terminal?
    private static var atexitRegistered = false

    let screen: OpaquePointer
    let inputFile: UnsafeMutablePointer<FILE>?
    let outputFile: UnsafeMutablePointer<FILE>?
    var window: UnsafeMutablePointer<WINDOW> { pd_stdscr() }

    /// Whether curses is currently in control of the terminal.
    var running = true
    var decoder = KeyDecoder()
    var mouseButtonDown = false
    /// Events decoded but not returned yet (several mouse reports can arrive
    /// in one read).
    var queued: [Key] = []
    let mouseEnabled: Bool

    // Drawing state (see Terminal+Draw.swift).
    var previous: Grid?
    var fullRedrawPending = true
    var clearPending = false
    var cursorShown: Bool? = nil
    var pairs: [PairKey: Int32] = [:]
    var nextPair: Int32 = 1
    let hasColor: Bool
    let defaultColors: Bool
    var wideBuffer: [wchar_t] = Array(repeating: 0, count: 8)

    static let mouseMask: mmask_t =
        PD_BUTTON1_PRESSED | PD_BUTTON1_RELEASED
        | PD_BUTTON4_PRESSED | PD_BUTTON5_PRESSED | PD_REPORT_MOUSE_POSITION

    /// The longest single wait in `readEvent` when no timeout is given. A
    /// signal that lands between the pending-signal check and the blocking
    /// read would otherwise only be seen at the next key; waking this rarely
    /// costs nothing measurable.
    static let blockingSliceMilliseconds: Int32 = 1000

    // MARK: Life cycle

    /// Starts curses on the controlling terminal (stdin/stdout when both are
    /// terminals, /dev/tty otherwise): raw mode, no echo, keypad, 25 ms
    /// escape delay, hidden cursor, colours with the terminal's defaults,
    /// mouse reporting when `mouse`, and the signal handlers.
    public init(mouse: Bool = true) throws {
        if Terminal.active != nil { throw TerminalError.alreadyActive }
        if pd_codeset_is_utf8() == 0 { Terminal.prepareLocale() }

        var input: UnsafeMutablePointer<FILE>? = nil
        var output: UnsafeMutablePointer<FILE>? = nil
        if isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 {
            input = fopen("/dev/tty", "r")
            output = fopen("/dev/tty", "w")
            if input == nil || output == nil {
                if let f = input { fclose(f) }
                if let f = output { fclose(f) }
                throw TerminalError.notATerminal
            }
        }
        guard let screen = newterm(nil, output ?? pd_stdout(), input ?? pd_stdin()) else {
            if let f = input { fclose(f) }
            if let f = output { fclose(f) }
            throw TerminalError.cannotInitialize(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        _ = set_term(screen)
        if pd_tigetstr("cup") == nil {
            // TERM=dumb and the like: no cursor addressing, no full screen.
            _ = endwin()
            delscreen(screen)
            if let f = input { fclose(f) }
            if let f = output { fclose(f) }
            throw TerminalError.tooLimited(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        self.screen = screen
        self.inputFile = input
        self.outputFile = output
        self.mouseEnabled = mouse

        let win = pd_stdscr()
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(win, true)
        _ = meta(win, true)
        _ = intrflush(win, false)
        _ = set_escdelay(25)
        _ = curs_set(0)
        cursorShown = false

        hasColor = has_colors()
        if hasColor {
            _ = start_color()
            defaultColors = use_default_colors() == OK
        } else {
            defaultColors = false
        }

        if mouse {
            // Presses, releases, wheel and motion; deliberately no CLICKED
            // bits: when a press and its release arrive in the same read,
            // curses would otherwise fold them into one click event (and
            // with a move in between, drop the press).
            _ = mousemask(Terminal.mouseMask, nil)
            _ = mouseinterval(0)
        }
        decoder.loadTerminfo()

        // After newterm: curses installs its own SIGINT/SIGTERM handlers when
        // those are at their defaults, and ours must win.
        SignalTrap.install()

        Terminal.active = self
        if !Terminal.atexitRegistered {
            Terminal.atexitRegistered = true
            // Pipedeck exits from the main thread only (PipedeckMain.run).
            atexit { MainActor.assumeIsolated { Terminal.active?.restore() } }
        }
    }

    deinit {
        // A terminal is made, used and let go on the main thread.
        MainActor.assumeIsolated {
            restore()
            if Terminal.active === self { Terminal.active = nil }
        }
    }

    /// Ends curses mode: shows the cursor, leaves the alternate screen,
    /// restores the terminal modes. Idempotent; safe at exit. A later `draw`
    /// resumes curses.
    public func restore() {
        guard running else { return }
        running = false
        if isendwin() { return }
        _ = curs_set(1)
        cursorShown = nil
        _ = endwin()
        fflush(nil)
    }

    /// The terminal size in cells.
    public var size: (width: Int, height: Int) {
        let win = window
        return (Int(max(0, getmaxx(win))), Int(max(0, getmaxy(win))))
    }

    /// The number of colours terminfo reports: 0 without colour, else 8,
    /// 16, 256, or 2^24 for direct-colour terminals.
    public var colorCount: Int {
        return hasColor ? Int(pd_colors()) : 0
    }

    /// A terminating signal that arrived and has not been returned by
    /// `readEvent` yet (for long operations that want to check).
    public var pendingSignal: Int32? { SignalTrap.pending }

    /// Drops the keys typed but not read yet (the board changed under them: they were meant for
    /// what the screen showed before).
    public func discardTypeahead() {
        queued.removeAll()
        _ = flushinp()
    }

    /// Ctrl-L: clear the screen and repaint everything on the next `draw`.
    public func forceRedraw() {
        fullRedrawPending = true
        clearPending = true
    }

    /// Ctrl-Z: give the terminal back, stop the process (SIGTSTP with its
    /// default action), and on `fg` take the terminal again and repaint.
    /// When the shell has no job control the stop is ignored by the kernel
    /// and this simply repaints.
    public func suspend() {
        leaveCurses()
        var saved = sigaction()
        _ = pd_signal_swap(SIGTSTP, 0, &saved)
        pd_unblock_signal(SIGTSTP)
        _ = raise(SIGTSTP)
        // Continued (SIGCONT) — or the stop was discarded.
        _ = pd_signal_restore(SIGTSTP, &saved)
        resumeCurses()
    }

    func leaveCurses() {
        guard running, !isendwin() else { return }
        _ = def_prog_mode()
        _ = curs_set(1)
        _ = endwin()
        fflush(nil)
    }

    func resumeCurses() {
        running = true
        _ = reset_prog_mode()
        forceRedraw()
        cursorShown = nil
        // Repaint the last frame at once; the next draw brings it up to date.
        _ = clearok(pd_curscr(), true)
        _ = wrefresh(window)
        clearPending = false
        syncCursorVisibility(wanted: false)
    }

    /// Called by `draw`: curses resumes by itself on refresh after endwin,
    /// this keeps the bookkeeping in step.
    func noteDrawing() {
        if !running {
            running = true
            fullRedrawPending = true
            clearPending = true
            cursorShown = nil
        }
    }
}

/// An errno value carried as an `Error`.
struct Int32Error: Error {
    let code: Int32
}
