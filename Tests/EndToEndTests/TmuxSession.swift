import Foundation
import PipedeckTestSupport
import XCTest

/// Runs a real program in a private tmux server so a test can press keys
/// and read the screen.
///
/// Each session starts its own server on a fresh socket (`tmux -L <unique>
/// -f /dev/null`), so it never touches a user's tmux and sessions of
/// parallel tests do not meet. The server is killed by `kill()` or when the
/// object goes away.
///
/// The pane runs `/bin/sh -c <command>`, so the program is the shell's
/// child (`programPID()`, `signal(_:)`). When the program ends, the shell
/// writes its status to a private file (`exitStatus`) and stays, holding the
/// pane open: the screen keeps exactly what the program left (tmux would
/// otherwise scroll it to print "Pane is dead", and its own record of a
/// dead pane's status is unreliable), and `#{alternate_on}` or
/// `#{cursor_flag}` still describe the program's last state.
///
///     let s = TmuxSession(arguments: [TmuxSession.pipedeckBinary.path, "--file", path],
///                         width: 100, height: 30)
///     XCTAssertTrue(s.waitFor("Lead"))
///     s.send("S-Right")
///     s.type("Acme €")
///     XCTAssertEqual(s.exitStatus(), 0)
final class TmuxSession {

    /// The session created in the private server.
    static let sessionName = "t"
    private var target: String { TmuxSession.sessionName }

    /// The `-L` socket name of this session's server.
    let socketName: String
    let width: Int
    let height: Int
    /// False when tmux could not be started (the test has already failed).
    private(set) var isRunning = false
    /// What tmux printed on stderr when starting failed.
    private(set) var startError = ""
    private var killed = false
    /// Where the pane's shell writes the program's exit status.
    let statusFile: URL
    /// The data folder the program sees unless the test gives one (it remembers the boards it
    /// opens there): private to the session, removed with it, never the user's.
    let dataFolder: URL
    /// The server's socket file (tmux 3.3 leaves it behind after
    /// kill-server; `kill()` removes it).
    private(set) var socketPath = ""

    /// Numbers the sessions of this process; read and written with `counterLock` held.
    nonisolated(unsafe) private static var counter = 0
    private static let counterLock = NSLock()

    // MARK: Starting

    /// Starts `command` (run by /bin/sh -c) in a `width` × `height` pane.
    /// The environment gets LANG=C.UTF-8 and TERM=xterm-256color unless
    /// `environment` says otherwise; LC_ALL / LC_CTYPE from the test's own
    /// environment are removed unless given.
    init(
        command: String, width: Int = 100, height: Int = 30, environment: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        TmuxSession.counterLock.lock()
        TmuxSession.counter += 1
        let n = TmuxSession.counter
        TmuxSession.counterLock.unlock()
        socketName = "pdt\(getpid())-\(n)-\(UInt32.random(in: 0...0xFFFFF))"
        statusFile = FileManager.default.temporaryDirectory.appendingPathComponent("\(socketName).status")
        try? FileManager.default.removeItem(at: statusFile)
        dataFolder = FileManager.default.temporaryDirectory.appendingPathComponent("\(socketName).data")
        self.width = width
        self.height = height

        guard TmuxSession.tmuxPath != nil else {
            startError = "tmux not found in PATH"
            XCTFail("TmuxSession: \(startError)", file: file, line: line)
            return
        }

        var env: [String: String] = [
            "LANG": "C.UTF-8", "TERM": "xterm-256color", "XDG_DATA_HOME": dataFolder.path,
        ]
        for (key, value) in environment { env[key] = value }
        var programArguments = ["env"]
        for name in ["LC_ALL", "LC_CTYPE"] where env[name] == nil {
            programArguments += ["-u", name]
        }
        for key in env.keys.sorted() { programArguments.append("\(key)=\(env[key]!)") }
        // After the command: record its status (written to a temporary name
        // and renamed, so a reader never sees half a number), then keep the
        // pane alive. A newline, not ";", ends the command, so a trailing
        // comment or "&" in it cannot swallow the tail.
        let statusPath = TmuxSession.shellQuote(statusFile.path)
        let tail =
            "__pd_status=$?; printf '%s\\n' \"$__pd_status\" > \(statusPath).tmp && mv \(statusPath).tmp \(statusPath); "
            + "exec sleep 86400"
        programArguments += ["/bin/sh", "-c", command + "\n" + tail]

        // remain-on-exit is set globally before the session exists, so even
        // a shell that dies at once (e.g. "exec prog" killed by a signal)
        // leaves tmux's own status behind as a fallback.
        let arguments =
            [
                "start-server", ";",
                "set-option", "-g", "remain-on-exit", "on", ";",
                "new-session", "-d", "-s", target, "-x", String(width), "-y", String(height),
            ]
            + programArguments.map(TmuxSession.escapeForTmux)
        let result = tmux(arguments)
        if result.status != 0 {
            startError = result.error
            XCTFail("TmuxSession: cannot start tmux: \(result.error)", file: file, line: line)
            return
        }
        isRunning = true
        socketPath = display("#{socket_path}")
    }

    /// Starts a program given as an argument vector (each argument is
    /// quoted for the shell, so paths with spaces are safe).
    convenience init(
        arguments: [String], width: Int = 100, height: Int = 30,
        environment: [String: String] = [:],
        file: StaticString = #filePath, line: UInt = #line
    ) {
        self.init(
            command: arguments.map(TmuxSession.shellQuote).joined(separator: " "),
            width: width, height: height, environment: environment, file: file, line: line)
    }

    deinit {
        kill()
    }

    /// Kills this session's tmux server (and with it the program). Only the
    /// server on this session's own socket is touched. Idempotent.
    func kill() {
        guard !killed else { return }
        killed = true
        isRunning = false
        _ = tmux(["kill-server"])
        if !socketPath.isEmpty && socketPath.hasSuffix("/" + socketName) {
            unlink(socketPath)
        }
        try? FileManager.default.removeItem(at: statusFile)
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: statusFile.path + ".tmp"))
        try? FileManager.default.removeItem(at: dataFolder)
    }

    // MARK: Input

    /// Sends keys by tmux name: "L", "Enter", "Escape", "S-Right", "C-r",
    /// "BSpace", "PPage", "F5"…
    func send(_ keys: String...) {
        guard !keys.isEmpty else { return }
        _ = tmux(["send-keys", "-t", target] + keys.map(TmuxSession.escapeForTmux))
    }

    /// Types `literal` exactly as given (UTF-8 bytes, escape sequences
    /// included, e.g. an SGR mouse report "\u{1B}[<0;10;3M").
    func type(_ literal: String) {
        let bytes = Array(literal.utf8)
        guard !bytes.isEmpty else { return }
        _ = tmux(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// A left-button click at 0-based (x, y) as an SGR mouse report (the
    /// encoding xterm-256color asks for): press, then release.
    func click(x: Int, y: Int) {
        type("\u{1B}[<0;\(x + 1);\(y + 1)M\u{1B}[<0;\(x + 1);\(y + 1)m")
    }

    /// The pid of the program: the pane's shell's child (the shell itself
    /// when the command exec'd the program). nil once it has ended.
    func programPID() -> pid_t? {
        if FileManager.default.fileExists(atPath: statusFile.path) { return nil }
        guard let shell = pid_t(display("#{pane_pid}")) else { return nil }
        let path = "/proc/\(shell)/task/\(shell)/children"
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
            let first = text.split(separator: " ").first, let child = pid_t(first)
        {
            return child
        }
        return shell
    }

    /// Sends `signal` to the program (see `programPID`).
    @discardableResult
    func signal(_ signal: Int32) -> Bool {
        guard let pid = programPID() else { return false }
        return Foundation.kill(pid, signal) == 0
    }

    /// Resizes the window; the program receives SIGWINCH.
    func resize(width: Int, height: Int) {
        _ = tmux(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    // MARK: Output

    /// The visible screen, one line per row (trailing spaces removed by
    /// tmux). With `colors`, SGR escape sequences are kept.
    func capture(colors: Bool = false) -> String {
        var arguments = ["capture-pane", "-t", target, "-p"]
        if colors { arguments.append("-e") }
        return tmux(arguments).output
    }

    /// The screen as an array of rows.
    func lines() -> [String] {
        var rows = capture().components(separatedBy: "\n")
        if rows.last == "" { rows.removeLast() }
        return rows
    }

    /// A tmux format evaluated for the pane, e.g. "#{cursor_x},#{cursor_y}"
    /// or "#{alternate_on}".
    func display(_ format: String) -> String {
        return tmux(["display-message", "-p", "-t", target, TmuxSession.escapeForTmux(format)])
            .output.trimmingCharacters(in: .newlines)
    }

    /// Lets the program set tmux's clipboard with OSC 52 (`set-clipboard on`).
    func acceptClipboard() {
        _ = tmux(["set-option", "-g", "set-clipboard", "on"])
    }

    /// tmux's most recent paste buffer (where OSC 52 puts what a program copies), "" when none.
    func pasteBuffer() -> String {
        tmux(["show-buffer"]).output
    }

    /// Waits until the screen contains `text` (see `waitUntil`).
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = Poll.defaultTimeout) -> Bool {
        return waitUntil(timeout: timeout) { $0.contains(text) }
    }

    /// Waits until `predicate` holds for the captured screen, asking again every 50 ms until
    /// `timeout` (see `Poll`). The predicate is always tried at least once.
    @discardableResult
    func waitUntil(timeout: TimeInterval = Poll.defaultTimeout, _ predicate: (String) -> Bool) -> Bool {
        return Poll.until(timeout: timeout) { predicate(capture()) }
    }

    /// Waits for the program to end and returns its exit status (128 + n
    /// when it was killed by signal n), or nil if it is still running after
    /// `timeout` seconds.
    func exitStatus(timeout: TimeInterval = Poll.defaultTimeout) -> Int32? {
        var dead = false
        let status = Poll.value(timeout: timeout) { () -> Int32? in
            if let text = try? String(contentsOf: statusFile, encoding: .utf8),
                let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return status
            }
            // Fallback: the pane's shell itself ended (e.g. the command was
            // "exec prog"); ask tmux.
            let fields = display("#{pane_dead} #{pane_dead_status} #{pane_dead_signal}")
                .split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            dead = fields.first == "1"
            if dead {
                if fields.count > 1, let status = Int32(fields[1]) { return status }
                if fields.count > 2, let signal = Int32(fields[2]) { return 128 + signal }
            }
            return nil
        }
        return status ?? (dead ? -1 : nil)
    }

    /// Whether the program has ended.
    var hasExited: Bool {
        return FileManager.default.fileExists(atPath: statusFile.path) || display("#{pane_dead}") == "1"
    }

    // MARK: Locating the binary

    /// The `pipedeck` executable built next to the test bundle (see `PipedeckBinary`).
    static var pipedeckBinary: URL { PipedeckBinary.urlOrGuess }

    /// The tmux executable found in PATH, or nil.
    static let tmuxPath: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/tmux"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Whether tmux is installed (tests may `XCTSkip` without it).
    static var isTmuxAvailable: Bool { tmuxPath != nil }

    // MARK: Quoting

    /// `s` quoted for /bin/sh.
    static func shellQuote(_ s: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !s.isEmpty && s.allSatisfy({ plain.contains($0) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// tmux splits its command line at any argument that ends in ";"
    /// (a command separator). A literal trailing ";" is written "\;".
    static func escapeForTmux(_ argument: String) -> String {
        guard argument.hasSuffix(";") else { return argument }
        return String(argument.dropLast()) + "\\;"
    }
}
