import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import PipedeckUI

#if canImport(Glibc)
    import Glibc
#endif

// Measurements of the file path and of runaway inputs (see main.swift):
//
//     pipedeck-bench --reread N       what reading the file again under the lock costs a writer
//     pipedeck-bench --notes 300000,200000000
//                                     opening the details of a deal whose notes are one word

/// `--reread N`: on a board of N deals in a temporary folder, each figure the median of 15 runs.
func measureReread(deals n: Int) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-reread-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/board.json"
    let board = generateBoard(deals: n)
    do { try BoardFile.save(board, to: path) } catch { fail("cannot write \(path): \(error)") }
    let lock = BoardLock(boardPath: path)
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    let id = board.deals[n / 2].id
    var toggle = 0
    func t(_ label: String, setup: () throws -> Void = {}, _ body: () throws -> Void) {
        var xs: [Double] = []
        for _ in 0..<15 {
            do { try setup() } catch { fail("\(label): \(error)") }
            let a = nowNanos()
            do { try body() } catch { fail("\(label): \(error)") }
            xs.append(ms(a, nowNanos()))
        }
        print("| " + label + " | " + String(format: "%.1f", median(xs)) + " |")
    }
    let bytes = (try? BoardFile.readBytes(path: path)) ?? []
    print("| \(n) deals, \(String(format: "%.1f", Double(bytes.count) / 1_000_000)) MB | ms (median of 15) |")
    print("|---|---:|")
    t("taking and releasing the lock") { try lock.withLock {} }
    t("reading the file (read(2) into memory)") { _ = try BoardFile.readBytes(path: path) }
    t("hashing the bytes read (ContentID)") { _ = ContentID(bytes) }
    t("decoding the bytes read") {
        _ = try bytes.withUnsafeBufferPointer { try BoardDocument.decode(bytes: $0, path: path, now: now) }
    }
    t("writing the file (encode + atomic save)") { try BoardFile.save(board, to: path) }
    t("merging a change made here into one made elsewhere (BoardCommit.merge)") {
        var theirs = board, mine = board
        theirs.deals[1].rank += 1
        mine.deals[0].rank += 1
        _ = BoardCommit.merge(base: board, mine: mine, theirs: theirs)
    }
    t("a command (`pipedeck move`): lock, read, decode, apply, encode, write") {
        toggle += 1
        try BoardFile.update(path: path, lock: lock) { b in
            b = try b.apply(.shift(id: id, by: toggle % 2 == 0 ? -1 : 1), at: now).board
        }
    }
    // The open board: a save when the file is still the version it has (the usual case), and
    // one that finds it changed by someone else and merges.
    var mine = board
    var base = try! BoardFile.readVersion(path: path)
    t("the open board's save, file unchanged: encode, then lock, read, hash, write") {
        mine.deals[0].rank += 1
        base = try BoardCommit.write(mine, basedOn: base, to: path, lock: lock).version
    }
    // (Someone else's save, untimed, then this board's.)
    let changeElsewhere = {
        var theirs = base.board
        theirs.deals[1].rank += 1
        try BoardFile.save(theirs, to: path)
    }
    t(
        "the open board's save, file changed: encode, then lock, read, decode, merge, encode again, write",
        setup: changeElsewhere
    ) {
        mine.deals[0].rank += 1
        let c = try BoardCommit.write(mine, basedOn: base, to: path, lock: lock)
        mine = c.version.board
        base = c.version
    }
}

/// `--notes SIZES`: the details of a deal whose notes are one word of each size, rendered at
/// 120×40 (the first frame, then one line down).
func measureLongNotes(sizes: [Int]) {
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    var board = generateBoard(deals: 25)
    print("| notes (one word) | details first frame ms | next frame (one line down) ms |")
    print("|---:|---:|---:|")
    for size in sizes {
        board.deals[0].notes = String(repeating: "x", count: size)
        var state = AppState(board: board, fileName: "x", now: now, today: now.utcDay, width: 120, height: 40)
        state.mode = .detail(dealID: board.deals[0].id, scroll: 0)
        let options = RenderOptions(glyphs: .unicode, locale: "en_US")
        let a = nowNanos()
        _ = BoardRenderer.render(state, options: options)
        let b = nowNanos()
        _ = state.handle(.down)
        _ = BoardRenderer.render(state, options: options)
        let c = nowNanos()
        print("| \(size) | \(String(format: "%.1f", ms(a, b))) | \(String(format: "%.1f", ms(b, c))) |")
    }
}

/// `--load FILE N` and `--encode FILE N`: only `BoardFile.load`, or only the encoding of the board
/// read from FILE, N times in this process, each time printed; for `perf stat` and `perf record`,
/// which count the whole process (`--encode FILE 0` counts the one load that `--encode` needs).
func measureCodec(encode: Bool, file: String, times: Int) {
    var board: Board? = nil
    if encode {
        do { board = try BoardFile.load(path: file) } catch { fail("\(error)") }
    }
    var xs: [Double] = [], frees: [Double] = []
    var counts = DealCounts()
    for _ in 0..<times {
        let a = nowNanos()
        if let board {
            _ = BoardDocument.encodeBytes(board)
            xs.append(ms(a, nowNanos()))
        } else {
            // The board freed outside the load's time (the program keeps it), timed on its own.
            var b: UInt64 = 0
            do {
                let (loaded, c) = try BoardFile.loadCounting(path: file)
                counts = c
                withExtendedLifetime(loaded) { b = nowNanos() }
            } catch { fail("\(error)") }
            xs.append(ms(a, b))
            frees.append(ms(b, nowNanos()))
        }
    }
    let what = encode ? "encode" : "load"
    // How the deals were read: a board Pipedeck wrote should leave none to the schema's reader.
    let how =
        encode || times == 0
        ? ""
        : "; deals read fast \(counts.fast), by the schema \(counts.fellBack); freeing the board "
            + frees.map { String(format: "%.1f", $0) }.joined(separator: " ") + " ms"
    print(
        "\(what) \(file): " + xs.map { String(format: "%.1f", $0) }.joined(separator: " ") + " ms; peak "
            + String(format: "%.1f", peakMemoryMB()) + " MB" + how)
}
