import CNcursesw
import PipedeckUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading keys, the mouse, resizes and signals.
extension Terminal {
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
        var fds = pollfd(fd: fileno(inputFile ?? pd_stdin()), events: Int16(POLLIN), revents: 0)
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
