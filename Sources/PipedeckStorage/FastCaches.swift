import Foundation
import PipedeckCore

// What the fast path (FastDeal.swift) keeps while it reads a board: short strings and dates
// already made, found again by their bytes.

/// Strings of up to 15 bytes already made, by their bytes: a board repeats its stages, owners,
/// sources and the stages in its histories. Made again, such a string costs its checks; found
/// here, its copy costs nothing (a string this short is held in place, without storage).
final class ShortStrings {
    struct Slot {
        var w0: UInt64 = 0, w1: UInt64 = 0
        var length = -1
        var string = ""
    }

    static let size = 256
    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: ShortStrings.size)
        slots.initialize(repeating: Slot(), count: ShortStrings.size)
    }

    deinit {
        slots.deinitialize(count: ShortStrings.size)
        slots.deallocate()
    }

    /// Where the string of the `n` bytes (fewer than 16) that start the little-endian words
    /// `w0`, `w1` is kept (when the slot holds those bytes), and the two words without the bytes
    /// after the string.
    @inline(__always) func slot(_ w0: UInt64, _ w1: UInt64, _ n: Int) -> (UnsafeMutablePointer<Slot>, UInt64, UInt64) {
        let m0: UInt64 = n >= 8 ? ~0 : (1 << UInt64(8 * n)) &- 1
        let m1: UInt64 = n <= 8 ? 0 : (1 << UInt64(8 * (n - 8))) &- 1
        let a = w0 & m0, b = w1 & m1
        let h = Int(truncatingIfNeeded: ((a ^ (b &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        return (slots + h, a, b)
    }
}

/// Dates already read, by their ten bytes "YYYY-MM-DD".
final class KnownDates {
    struct Slot {
        var w: UInt64 = 0
        var w2: UInt16 = 0
        var day = Day(ordinal: 0)
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: 256)
        slots.initialize(repeating: Slot(), count: 256)
    }

    deinit { slots.deallocate() }

    /// Where the date whose bytes are `w` (the first eight) and `w2` is kept, when it is.
    @inline(__always) func slot(_ w: UInt64, _ w2: UInt16) -> UnsafeMutablePointer<Slot> {
        slots + Int(truncatingIfNeeded: ((w ^ UInt64(w2) << 7) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }
}

/// Elements gathered in memory of their own, then moved (not copied) into an array: the
/// elements of one list of a deal while they are read (kept from list to list, and made into an
/// array of exactly their number: an array that grows as elements are appended is allocated
/// again and copied at 1, 2 and 4 elements, and keeps room it never uses), the deals read on the
/// other core (`ReadAhead`).
final class Gathered<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// Drops what a list left unfinished.
    func clear() {
        base.deinitialize(count: count)
        count = 0
    }

    func append(_ e: consuming Element) {
        if count == capacity {
            let more = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            more.moveInitialize(from: base, count: count)
            base.deallocate()
            base = more
            capacity *= 2
        }
        (base + count).initialize(to: e)
        count += 1
    }

    /// Large pages for the room it has now (`LargePages`).
    func adviseLargePages() {
        LargePages.advise(UnsafeMutableRawPointer(base), capacity * MemoryLayout<Element>.stride)
    }

    /// Element `i`, in place (until the next change).
    func pointer(_ i: Int) -> UnsafePointer<Element> { UnsafePointer(base + i) }

    /// Moves its first `n` elements to the end of `out` and drops the others: none are left.
    func move(_ n: Int, to out: inout [Element]) {
        out.append(contentsOf: Moving(at: base, end: base + n))
        (base + n).deinitialize(count: count - n)
        count = 0
    }

    /// The elements, moved into an array (none are left here).
    func take() -> [Element] {
        if count == 0 { return [] }
        let n = count
        count = 0
        // Not `Array(unsafeUninitializedCapacity:)`: that one calls the standard library's
        // unspecialized allocation, which looks the array's type up in the runtime's shared table
        // (a lock both decoding threads take) for every deal's list; `reserveCapacity` is
        // specialized here, and its type is looked up once.
        var out: [Element] = []
        out.reserveCapacity(n)
        for k in 0..<n { out.append((base + k).move()) }
        return out
    }
}

/// The elements from `at` to `end`, each moved out of its place as it is reached.
private struct Moving<T>: Sequence, IteratorProtocol {
    var at: UnsafeMutablePointer<T>
    let end: UnsafeMutablePointer<T>
    var underestimatedCount: Int { end - at }

    mutating func next() -> T? {
        guard at < end else { return nil }
        defer { at += 1 }
        return at.move()
    }
}
