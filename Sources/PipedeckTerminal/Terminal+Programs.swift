import CNcursesw
import PipedeckUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Programs run on the plain terminal (the notes editor): curses steps aside while they run.
extension Terminal {
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
}
