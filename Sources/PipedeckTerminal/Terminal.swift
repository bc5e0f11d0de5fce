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
/// One instance at a time. Create it after `Terminal.prepareLocale()`, draw
/// grids with `draw`, read input with `readEvent`, and call `restore()` (or
/// let it run at exit) to give the terminal back.
public final class Terminal {

    // MARK: Locale

    /// Whether the last `prepareLocale()` ended with a UTF-8 codeset.
    public private(set) static var isUTF8 = false
    private static var localePrepared = false

    /// setlocale(LC_ALL, ""); if the codeset is not UTF-8, try C.UTF-8, then
    /// en_US.UTF-8. Returns whether UTF-8 is active. Call before `init`.
    @discardableResult
    public static func prepareLocale() -> Bool {
        localePrepared = true
        if trySetLocale(""), pd_codeset_is_utf8() != 0 {
            isUTF8 = true
            return true
        }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if trySetLocale(name), pd_codeset_is_utf8() != 0 {
                isUTF8 = true
                return true
            }
        }
        _ = trySetLocale("")
        isUTF8 = pd_codeset_is_utf8() != 0
        return isUTF8
    }

    private static func trySetLocale(_ name: String) -> Bool {
        return setlocale(LC_ALL, name) != nil
    }

    // MARK: State

    /// The one active session (for the atexit hook).
    static weak var active: Terminal?
    private static var atexitRegistered = false

    let screen: OpaquePointer
    private let inputFile: UnsafeMutablePointer<FILE>?
    let outputFile: UnsafeMutablePointer<FILE>?
    var window: UnsafeMutablePointer<WINDOW> { pd_stdscr() }

    /// Whether curses is currently in control of the terminal.
    private var running = true
    private var decoder = KeyDecoder()
    private var mouseButtonDown = false
    /// Events decoded but not returned yet (several mouse reports can arrive
    /// in one read).
    private var queued: [Key] = []
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
        if !Terminal.localePrepared { Terminal.prepareLocale() }

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
        guard let screen = newterm(nil, output ?? stdout, input ?? stdin) else {
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
            atexit { Terminal.active?.restore() }
        }
    }

    deinit {
        restore()
        if Terminal.active === self { Terminal.active = nil }
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

    /// Leaves curses, runs `body` (an editor, a pager) on the plain
    /// terminal, then resumes curses and repaints everything. Ctrl-C or
    /// Ctrl-\ pressed while `body` runs is not taken as a request to quit,
    /// and a Ctrl-Z in it stops this process quietly along with the child.
    ///
    /// A child that must read the terminal has to stay in this process
    /// group: Foundation's `Process` puts its child in a new one, where an
    /// editor cannot read the keyboard (it gets EIO or is stopped). Use
    /// `runProgram` for that.
    public func runOutside(_ body: () -> Void) {
        let pendingBefore = SignalTrap.pending
        leaveCurses()
        var savedStop = sigaction()
        _ = pd_signal_swap(SIGTSTP, 0, &savedStop)
        body()
        _ = pd_signal_restore(SIGTSTP, &savedStop)
        if pendingBefore == nil { SignalTrap.discard([SIGINT, SIGQUIT]) }
        resumeCurses()
    }

    /// Runs a program outside curses (see `runOutside`) in the foreground:
    /// same process group, the terminal as stdin/stdout/stderr, default
    /// signal handling, and waits for it. Returns its exit status (128 + n
    /// if signal n killed it). `environment` nil keeps this process's.
    /// Throws when the program cannot be started (errno as POSIXError code).
    @discardableResult
    public func runProgram(
        _ executable: String, arguments: [String] = [],
        environment: [String: String]? = nil
    ) throws -> Int32 {
        var status: Int32 = 0
        var failure: Int32 = 0
        runOutside {
            switch Terminal.spawnAndWait(executable, arguments: arguments, environment: environment) {
            case .success(let s): status = s
            case .failure(let error): failure = error.code
            }
        }
        if failure != 0 { throw TerminalError.cannotRun(program: executable, errno: failure) }
        return status
    }

    /// posix_spawn (no new process group: the child is in the terminal's
    /// foreground group) + waitpid.
    static func spawnAndWait(
        _ executable: String, arguments: [String],
        environment: [String: String]?
    ) -> Result<Int32, Int32Error> {
        #if canImport(Glibc)
            var attributes = posix_spawnattr_t()
        #else
            var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        _ = posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGPIPE, SIGCHLD, SIGWINCH, SIGCONT] {
            sigaddset(&defaults, sig)
        }
        _ = posix_spawnattr_setsigdefault(&attributes, &defaults)
        _ = posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) }
        argv.append(nil)
        var envp: [UnsafeMutablePointer<CChar>?] = []
        if let environment {
            envp = environment.map { strdup("\($0.key)=\($0.value)") }
            envp.append(nil)
        }
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        let result: Int32
        if environment != nil {
            result = posix_spawnp(&pid, executable, nil, &attributes, argv, envp)
        } else {
            result = posix_spawnp(&pid, executable, nil, &attributes, argv, environ)
        }
        if result != 0 { return .failure(Int32Error(code: result)) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .failure(Int32Error(code: errno)) }
        }
        if status & 0x7F == 0 { return .success((status >> 8) & 0xFF) } // exited
        return .success(128 + (status & 0x7F)) // killed by a signal
    }

    private func leaveCurses() {
        guard running, !isendwin() else { return }
        _ = def_prog_mode()
        _ = curs_set(1)
        _ = endwin()
        fflush(nil)
    }

    private func resumeCurses() {
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

    // MARK: Input

    /// Waits for input: forever when `timeoutMilliseconds` is nil (no CPU
    /// while idle), at most that long otherwise (0 = just poll).
    public func readEvent(timeoutMilliseconds: Int? = nil) -> InputEvent {
        let win = window
        let deadline: Int64? = timeoutMilliseconds.map { Terminal.nowMilliseconds() + Int64(max(0, $0)) }
        var failures = 0
        while true {
            if let sig = SignalTrap.take() { return .terminate(signal: sig) }
            if !queued.isEmpty { return .key(queued.removeFirst()) }
            let wait: Int32
            if let deadline {
                wait = Int32(clamping: max(0, deadline - Terminal.nowMilliseconds()))
            } else {
                wait = Terminal.blockingSliceMilliseconds
            }
            wtimeout(win, wait)
            var ch: wint_t = 0
            errno = 0
            let started = Terminal.nowMilliseconds()
            let result = wget_wch(win, &ch)
            let readErrno = errno

            if result == KEY_CODE_YES {
                failures = 0
                if let event = decodeKeyCode(Int32(bitPattern: UInt32(ch))) { return .key(event) }
            } else if result == OK {
                failures = 0
                if let key = decodeCharacter(UInt32(ch)) { return .key(key) }
            } else {
                // ERR: timeout, an interrupting signal, or a dead terminal.
                if let sig = SignalTrap.take() { return .terminate(signal: sig) }
                let elapsed = Terminal.nowMilliseconds() - started
                if readErrno != EINTR && elapsed + 5 < Int64(wait) {
                    // Returned early without a signal: undecodable input, or
                    // the terminal went away (end of file / EIO, e.g. the
                    // window was closed while SIGHUP was ignored). Never spin.
                    failures += 1
                    if failures >= 3 && inputHungUp() { return .terminate(signal: SIGHUP) }
                    if failures >= 3 { usleep(20_000) }
                }
                if let deadline, Terminal.nowMilliseconds() >= deadline { return .timeout }
            }
            if let deadline, wait == 0, Terminal.nowMilliseconds() >= deadline {
                // A poll that produced only ignored input: report the timeout.
                return .timeout
            }
        }
    }

    /// Whether the terminal input reports a hang-up or an error.
    private func inputHungUp() -> Bool {
        var fds = pollfd(fd: fileno(inputFile ?? stdin), events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) >= 0 else { return false }
        return fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    private func decodeKeyCode(_ code: Int32) -> Key? {
        if code == KEY_MOUSE {
            var events = mouseEvents()
            guard !events.isEmpty else { return nil }
            let first = events.removeFirst()
            queued.append(contentsOf: events)
            return first
        }
        if code == KEY_RESIZE {
            fullRedrawPending = true
            clearPending = true
        }
        return decoder.key(forCode: code)
    }

    /// A printable character, with any combining marks / joiners that were
    /// typed with it (they arrive as separate wide characters) folded into
    /// one `Character`.
    private func decodeCharacter(_ value: UInt32) -> Key? {
        guard let key = KeyDecoder.key(forCharacter: value) else { return nil }
        guard case .char(let first) = key else { return key }
        var text = String(first)
        let win = window
        wtimeout(win, 0)
        while true {
            var next: wint_t = 0
            let r = wget_wch(win, &next)
            if r == ERR { break }
            if r == OK, let scalar = Unicode.Scalar(UInt32(next)), UInt32(next) >= 0x20 {
                let joined = text + String(Character(scalar))
                if joined.count == 1 {
                    text = joined
                    continue
                }
            }
            // Not part of this character: give it back for the next read.
            if r == KEY_CODE_YES {
                _ = ungetch(Int32(bitPattern: UInt32(next)))
            } else {
                _ = unget_wch(wchar_t(bitPattern: UInt32(next)))
            }
            break
        }
        return .char(Character(text))
    }

    /// All mouse events curses has queued, oldest first. When several
    /// reports arrive in one read curses keeps them all but `getmouse`
    /// hands them out newest first, so collect until it says there are no more.
    private func mouseEvents() -> [Key] {
        var raw: [MEVENT] = []
        var event = MEVENT()
        while raw.count < 64 && getmouse(&event) == OK {
            raw.append(event)
            event = MEVENT()
        }
        var keys: [Key] = []
        for e in raw.reversed() {
            if let key = mouseKey(e) { keys.append(key) }
        }
        return keys
    }

    /// One curses mouse event as a `Key` (coordinates are 0-based already).
    private func mouseKey(_ event: MEVENT) -> Key? {
        let state = event.bstate
        let x = Int(event.x), y = Int(event.y)
        func has(_ mask: mmask_t) -> Bool { mask != 0 && state & mask != 0 }
        if has(PD_BUTTON4_PRESSED) { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if has(PD_BUTTON5_PRESSED) { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if has(PD_BUTTON1_PRESSED) {
            mouseButtonDown = true
            return .mouse(MouseEvent(kind: .press, x: x, y: y))
        }
        if has(PD_BUTTON1_RELEASED) {
            mouseButtonDown = false
            return .mouse(MouseEvent(kind: .release, x: x, y: y))
        }
        if has(PD_BUTTON1_CLICKED) || has(PD_BUTTON1_DOUBLE_CLICKED) || has(PD_BUTTON1_TRIPLE_CLICKED) {
            mouseButtonDown = false
            return .mouse(MouseEvent(kind: .click, x: x, y: y))
        }
        if has(PD_REPORT_MOUSE_POSITION) {
            // Motion: a drag while the left button is down, else ignored.
            return mouseButtonDown ? .mouse(MouseEvent(kind: .drag, x: x, y: y)) : nil
        }
        return nil
    }

    static func nowMilliseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}

/// An errno value carried as an `Error`.
struct Int32Error: Error {
    let code: Int32
}
