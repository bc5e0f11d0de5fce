import Foundation
import PipedeckTestSupport
import XCTest

/// Running tmux itself.
extension TmuxSession {
    // MARK: Running tmux

    /// Runs tmux on this session's private socket, with arguments passed as
    /// an array (no shell involved).
    @discardableResult
    func tmux(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        guard let tmuxPath = TmuxSession.tmuxPath else { return (127, "", "tmux not found") }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil // never talk to an enclosing tmux
        environment["TMUX_PANE"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_CTYPE"] = nil
        let result = TmuxSession.spawnAndWait(
            tmuxPath, ["-u", "-L", socketName, "-f", "/dev/null"] + arguments,
            environment: environment)
        return (
            result.status, String(decoding: result.output, as: UTF8.self),
            String(decoding: result.error, as: UTF8.self)
        )
    }

    /// posix_spawn + waitpid rather than Foundation's `Process`: the first
    /// tmux call forks the server, which inherits the private socket
    /// `Process` uses to notice that its child ended, so
    /// `waitUntilExit()` would never return. Here the child gets only
    /// stdin (/dev/null) and the two output pipes (the original descriptors are
    /// closed), which the server swaps for /dev/null when it daemonises.
    static func spawnAndWait(
        _ path: String, _ arguments: [String],
        environment: [String: String]
    ) -> (status: Int32, output: Data, error: Data) {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        guard pipe(&outPipe) == 0 else { return (127, Data(), Data("pipe failed".utf8)) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            return (127, Data(), Data("pipe failed".utf8))
        }
        for fd in outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        #if canImport(Glibc)
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #else
            var actions: posix_spawn_file_actions_t? = nil
            var attributes: posix_spawnattr_t? = nil
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }

        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for sig in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGCHLD] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        argv.append(nil)
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") }
        envp.append(nil)
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }

        var pid: pid_t = 0
        let spawnResult = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard spawnResult == 0 else {
            close(outPipe[0]); close(errPipe[0])
            return (127, Data(), Data("cannot run \(path): \(String(cString: strerror(spawnResult)))".utf8))
        }

        // Drain both pipes until both reach end of file.
        var output = Data()
        var error = Data()
        var fds = [
            pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0),
        ]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65536)
        while open > 0 {
            let ready = poll(&fds, nfds_t(fds.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = read(fds[i].fd, &buffer, buffer.count)
                if n > 0 {
                    if i == 0 { output.append(buffer, count: n) } else { error.append(buffer, count: n) }
                } else if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) {
                    close(fds[i].fd)
                    fds[i].fd = -1
                    open -= 1
                }
            }
        }
        for f in fds where f.fd >= 0 { close(f.fd) }

        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus: Int32
        if status & 0x7F == 0 {
            exitStatus = (status >> 8) & 0xFF // exited normally
        } else {
            exitStatus = 128 + (status & 0x7F) // killed by a signal
        }
        return (exitStatus, output, error)
    }
}
