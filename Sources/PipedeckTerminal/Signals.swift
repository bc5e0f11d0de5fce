import CNcursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Signal bookkeeping for the terminal session.
///
/// The handlers do one thing: store the signal number in a word of memory
/// that is allocated once and never freed. Everything else (restoring the
/// terminal, saving, exiting) happens on the main thread when `readEvent`
/// sees the recorded number. The handlers are installed without SA_RESTART,
/// so a read blocked in curses returns with EINTR and the loop notices at once.
enum SignalTrap {
    /// The signals that ask the program to finish.
    static let terminating: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]

    /// The recorded signal number; 0 = none. Shared by the signal handlers and
    /// the main thread, hence a raw word of memory that is only ever read and
    /// written with the shim's atomic operations (which is why the compiler is
    /// told not to check it: a pointer is not `Sendable`).
    nonisolated(unsafe) static let slot: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()

    static func install() {
        _ = slot // initialise the storage before any handler can run
        for sig in terminating {
            _ = pd_install_signal_handler(sig, { sig in pd_atomic_store_int(SignalTrap.slot, sig) })
            pd_unblock_signal(sig)
        }
    }

    /// The pending signal, if any, without clearing it.
    static var pending: Int32? {
        let s = pd_atomic_load_int(slot)
        return s == 0 ? nil : s
    }

    /// The pending signal, if any; clears it.
    static func take() -> Int32? {
        let s = pd_atomic_exchange_int(slot, 0)
        return s == 0 ? nil : s
    }

    /// Clears a pending signal if it is one of `signals`.
    static func discard(_ signals: Set<Int32>) {
        let s = pd_atomic_load_int(slot)
        if s != 0 && signals.contains(s) {
            _ = pd_atomic_cas_int(slot, s, 0) // unless something else arrived meanwhile
        }
    }
}
