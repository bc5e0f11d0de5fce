import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// How memory is asked for while a large board is decoded: the board's objects (about as many
// bytes as the file) are allocated by two threads in a few hundred milliseconds, and on Linux
// the way the allocator gets its memory from the system is a good part of that time.

/// While a large board is decoded, the allocator's heaps grow by large steps instead of a page
/// at a time: the board's objects (about as many bytes as the file) are allocated by two
/// threads, and a thread's heap otherwise grows by one `mprotect` call per 4 KB page (13 000
/// calls for 100 000 deals) and the main heap by one `brk` per 128 KB. Memory reserved this way
/// and never written takes no room (pages are given on first write).
struct HeapGrowth {
    private let on: Bool

    init(forBoardOf size: Int) {
        on = HeapGrowth.topPad(Int32(clamping: min(size / 2, 64 << 20)))
    }

    /// Back to glibc's default step.
    func end() {
        if on { _ = HeapGrowth.topPad(128 << 10) }
    }

    /// glibc's `mallopt(M_TOP_PAD, bytes)` (not among the functions Swift sees: looked up by
    /// name); false where there is none.
    private static func topPad(_ bytes: Int32) -> Bool {
        #if canImport(Glibc)
            typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
            guard let f = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
            let mTopPad: Int32 = -2 // malloc.h
            return unsafeBitCast(f, to: MallOpt.self)(mTopPad, bytes) == 1
        #else
            return false
        #endif
    }
}

/// Large pages (2 MB, "transparent huge pages") for the memory a large board is decoded into:
/// the system then zeroes and maps it 2 MB at a time instead of 4 KB, 512 times fewer page
/// faults for the 150 MB of a 100 000-deal board (the open took about 100 ms less with them).
/// Only advice (`madvise`): where the system gives no large pages nothing changes.
///
/// The allocator (glibc) keeps each thread's objects in heaps of 64 MB aligned to 64 MB, and
/// the main thread's in one region that grows: each decoding thread asks from time to time
/// (`follow`) where its small objects now come from, and advises that 64 MB once.
final class LargePages {
    static let window = 64 << 20
    private var advised = Set<UInt>()
    /// The end of the main heap when it was last looked at.
    private var end: UInt

    init() {
        #if os(Linux)
            end = UInt(bitPattern: sbrk(0))
            // The room the main heap already has above its objects (`HeapGrowth`).
            LargePages.advise(UnsafeMutableRawPointer(bitPattern: end - UInt(LargePages.window)), LargePages.window)
        #else
            end = 0
        #endif
    }

    /// Advises the 64 MB around where this thread's next small objects are allocated, once, and
    /// what the main heap grew by since the last look.
    func follow() {
        #if os(Linux)
            guard let probe = malloc(64) else { return }
            let start = UInt(bitPattern: probe) & ~UInt(LargePages.window - 1)
            free(probe)
            if advised.insert(start).inserted {
                _ = madvise(UnsafeMutableRawPointer(bitPattern: start), LargePages.window, MADV_HUGEPAGE)
            }
            let now = UInt(bitPattern: sbrk(0))
            if now > end {
                LargePages.advise(UnsafeMutableRawPointer(bitPattern: end), Int(now - end))
                end = now
            }
        #endif
    }

    /// Has the system give the whole pages within `bytes` bytes from `start` now, in one call,
    /// as if written (`MADV_POPULATE_WRITE`, Linux 5.14; nothing where it is unknown). Their
    /// content does not change: pages not given yet read as zeros either way.
    static func populate(_ start: UnsafeMutableRawPointer, _ bytes: Int) {
        #if os(Linux)
            let page = UInt(4096)
            let a = (UInt(bitPattern: start) + page - 1) & ~(page - 1)
            let b = (UInt(bitPattern: start) + UInt(bytes)) & ~(page - 1)
            guard b > a else { return }
            let madvPopulateWrite: Int32 = 23 // linux/mman.h
            _ = madvise(UnsafeMutableRawPointer(bitPattern: a), Int(b - a), madvPopulateWrite)
        #endif
    }

    /// Advises the whole 2 MB pages within `bytes` bytes from `start` (a large array's storage).
    static func advise(_ start: UnsafeMutableRawPointer?, _ bytes: Int) {
        #if os(Linux)
            guard let start else { return }
            let huge = UInt(2 << 20)
            let a = (UInt(bitPattern: start) + huge - 1) & ~(huge - 1)
            let b = (UInt(bitPattern: start) + UInt(bytes)) & ~(huge - 1)
            guard b > a else { return }
            _ = madvise(UnsafeMutableRawPointer(bitPattern: a), Int(b - a), MADV_HUGEPAGE)
        #endif
    }
}
