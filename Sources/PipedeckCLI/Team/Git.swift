import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the user's own `git` (found on PATH) in a folder, with the user's configuration,
/// credentials and ssh keys: Pipedeck never stores or asks for a credential itself. Messages are
/// read in English (`LC_ALL=C`) so that a refused push can be told from an unreachable remote.
struct Git: Sendable {
    /// The `git` program.
    var program: String
    /// The folder git runs in.
    var folder: String
    var environment: [String: String]

    struct Output: Sendable {
        var status: Int32
        var out: [UInt8]
        var err: String
        var ok: Bool { status == 0 }
        /// Standard output as text, without the final newline.
        var text: String {
            var s = String(decoding: out, as: UTF8.self)
            while s.hasSuffix("\n") { s.removeLast() }
            return s
        }
        /// The lines git wrote to standard error that say what went wrong (hints left out).
        var problem: String {
            let lines = err.split(whereSeparator: \.isNewline).map(String.init)
            let useful = lines.filter { !$0.hasPrefix("hint:") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return useful.joined(separator: "\n")
        }
    }

    struct Missing: Error {}

    /// `interactive`: git may ask for a password or a passphrase on the terminal; otherwise (a
    /// sync in the background) it must fail instead of waiting for an answer nobody will type.
    init(folder: String, environment: [String: String], interactive: Bool) throws(Missing) {
        guard let program = Git.find(environment) else { throw Missing() }
        self.program = program
        self.folder = folder
        var env = environment
        env["LC_ALL"] = "C"
        env["LANGUAGE"] = nil
        if !interactive {
            env["GIT_TERMINAL_PROMPT"] = "0"
            if env["GIT_SSH_COMMAND"] == nil && env["GIT_SSH"] == nil {
                env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes"
            }
        }
        self.environment = env
    }

    /// `git` in the folders of PATH.
    static func find(_ environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = String(dir) + "/git"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The same git in another folder.
    func inFolder(_ folder: String) -> Git {
        var g = self
        g.folder = folder
        return g
    }

    /// Runs `git -C FOLDER ARGS` to its end. A program that cannot be started gives status 127.
    ///
    /// Started with `posix_spawn`, not `Process`: Foundation's `Process` closes every possible
    /// file descriptor in the child (20 000 of them with this machine's limit), which made each
    /// git command take 50 ms instead of 3, and a sync runs a few dozen. Pipedeck opens its own
    /// files close-on-exec, so git inherits none of them.
    /// `expecting`: about how many bytes git will write (a board's size), so they are read into
    /// room made once.
    @discardableResult
    func run(_ arguments: [String], expecting: Int = 0) -> Output {
        var out: [Int32] = [-1, -1], err: [Int32] = [-1, -1]
        Git.spawning.lock()
        guard Git.makePipe(&out), Git.makePipe(&err) else {
            Git.spawning.unlock()
            return Output(status: 127, out: [], err: String(cString: strerror(errno)))
        }
        defer { for fd in [out[0], err[0]] { close(fd) } }
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t? = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, out[1], 1)
        posix_spawn_file_actions_adddup2(&actions, err[1], 2)
        let argv = [program, "-C", folder] + arguments
        let envv = environment.map { $0.key + "=" + $0.value }
        var pid: pid_t = 0
        let started = Git.withCStrings(argv) { a in
            Git.withCStrings(envv) { e in posix_spawn(&pid, program, &actions, nil, a, e) }
        }
        close(out[1]); close(err[1])
        Git.spawning.unlock()
        guard started == 0 else {
            return Output(status: 127, out: [], err: String(cString: strerror(started)))
        }
        let (stdout, stderr) = Git.drain(out[0], err[0], expecting: expecting)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Output(status: code, out: stdout, err: String(decoding: stderr, as: UTF8.self))
    }

    /// A pipe whose two ends are closed in programs started from here.
    static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Held from making a command's pipes to starting it: a git command started from another
    /// thread at that moment (`runAll`) would otherwise inherit a pipe not yet close-on-exec,
    /// and the pipe's reader would wait for that other command's end too.
    static let spawning = NSLock()

    /// Runs several git commands at the same time (each its own process, each waited for on a
    /// thread of its own); their outputs in the order given. Only for commands that read.
    func runAll(_ commands: [(arguments: [String], expecting: Int)]) -> [Output] {
        final class Outputs: @unchecked Sendable {
            var list: [Output?]
            let lock = NSLock()
            init(_ n: Int) { list = Array(repeating: nil, count: n) }
        }
        let outputs = Outputs(commands.count)
        let group = DispatchGroup()
        for (i, c) in commands.enumerated().dropFirst() {
            group.enter()
            let git = self
            Thread.detachNewThread {
                let o = git.run(c.arguments, expecting: c.expecting)
                outputs.lock.withLock { outputs.list[i] = o }
                group.leave()
            }
        }
        if let first = commands.first {
            let o = run(first.arguments, expecting: first.expecting)
            outputs.lock.withLock { outputs.list[0] = o }
        }
        group.wait()
        return outputs.lock.withLock { outputs.list.map { $0 ?? Output(status: 127, out: [], err: "") } }
    }

    /// Reads both pipes to their ends, whichever has something to say. (Read straight into the
    /// arrays' spare room: a 15 MB board from `git cat-file` costs one copy, not a few.)
    static func drain(_ a: Int32, _ b: Int32, expecting: Int = 0) -> ([UInt8], [UInt8]) {
        var data: [[UInt8]] = [expecting > 0 ? [UInt8](repeating: 0, count: expecting + 65_536) : [], []]
        var used = [0, 0]
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var open = 2
        while open > 0 {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for k in 0..<2 where fds[k].fd >= 0 && fds[k].revents != 0 {
                let n = Git.readMore(fds[k].fd, into: &data[k], used: &used[k])
                if n > 0 {
                    continue
                } else if n == 0 || errno != EINTR {
                    fds[k].fd = -1
                    open -= 1
                }
            }
        }
        for k in 0..<2 { data[k].removeLast(data[k].count - used[k]) }
        return (data[0], data[1])
    }

    /// Reads what `fd` has into `bytes` after its first `used` bytes, doubling its room when
    /// full (the caller trims it to `used` at the end); `read`'s result.
    static func readMore(_ fd: Int32, into bytes: inout [UInt8], used: inout Int) -> Int {
        if bytes.count - used < 65_536 { bytes.append(contentsOf: repeatElement(0, count: max(65_536, bytes.count))) }
        let room = bytes.count - used
        let got = bytes.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + used, room) }
        if got > 0 { used += got }
        return got
    }

    /// `strings` as a NULL-terminated array of C strings, for the time of `body`.
    static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { for p in pointers { free(p) } }
        return body(pointers)
    }
}
