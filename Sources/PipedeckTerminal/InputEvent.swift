import PipedeckUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `Terminal.readEvent` returns.
public enum InputEvent: Equatable, Sendable {
    /// A key press, mouse event or resize (see `Key`).
    case key(Key)
    /// Nothing arrived within the requested time.
    case timeout
    /// SIGTERM, SIGHUP, SIGINT or SIGQUIT was received: save and quit.
    case terminate(signal: Int32)
}

/// Why a `Terminal` could not be set up.
public enum TerminalError: Error, CustomStringConvertible, Equatable {
    /// Neither stdin/stdout nor /dev/tty is a terminal.
    case notATerminal
    /// curses could not start, usually because $TERM is unknown to terminfo.
    case cannotInitialize(term: String)
    /// The terminal cannot address the cursor (e.g. TERM=dumb).
    case tooLimited(term: String)
    /// Only one `Terminal` may be active at a time.
    case alreadyActive
    /// `runProgram` could not start `program` (errno).
    case cannotRun(program: String, errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            return "not running in a terminal (no usable /dev/tty)"
        case .cannotInitialize(let term):
            return "cannot initialise the terminal (TERM=\(term.isEmpty ? "<unset>" : term)); "
                + "check that TERM names a terminal known to terminfo"
        case .tooLimited(let term):
            return "the terminal (TERM=\(term)) cannot move the cursor; a full-screen board needs one that can"
        case .alreadyActive:
            return "a terminal session is already active"
        case .cannotRun(let program, let code):
            return "cannot run \(program): \(String(cString: strerror(code)))"
        }
    }
}
