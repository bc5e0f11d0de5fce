// pipedeck-bench: how Pipedeck copes with big boards.
//
//     swift run -c release pipedeck-bench                 # 1 000, 10 000 and 100 000 deals
//     swift run -c release pipedeck-bench --sizes 1000,5000
//     swift run -c release pipedeck-bench --reread 10000      (FileBench.swift)
//     swift run -c release pipedeck-bench --notes 300000,200000000
//     swift run -c release pipedeck-bench --merge 10000 | --sync 10000   (TeamBench.swift)
//
// The parent generates one board file per size in a temporary folder, then measures each size
// in a fresh child process (this same executable, re-run with --child) so that the peak memory
// of one size does not hide in another's. It prints a table; docs/performance.md holds one.
import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import PipedeckUI

#if canImport(Glibc)
    import Glibc
#endif

// MARK: Boards

/// A board of `count` deals built from the demo's 25 deals: every stage, the three statuses,
/// activities (done and planned, 1.3 a deal), tags, notes and a history, with titles, ids
/// (the activities' too) and amounts made unique.
func generateBoard(deals count: Int) -> Board {
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    var board = Demo.board(now: now, today: now.utcDay)
    let demo = board.deals
    var perStage: [String: Int] = [:]
    board.deals = []
    board.deals.reserveCapacity(count)
    for i in 0..<count {
        var d = demo[i % demo.count]
        d.id = "g" + String(i, radix: 36)
        d.title = d.title + " #\(i + 1)"
        for k in d.activities.indices { d.activities[k].id = d.id + "a\(k)" }
        d.value = Money(cents: 50_000 + (i &* 7_919) % 9_000_000)
        d.rank = perStage[d.stage, default: 0]
        perStage[d.stage, default: 0] += 1
        if d.notes == nil, i % 3 == 0 {
            d.notes = "Met at the \(i % 12 + 1)th fair; wants a quote before the end of the quarter."
        }
        board.deals.append(d)
    }
    return board
}

// MARK: Measuring

func nowNanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func ms(_ from: UInt64, _ to: UInt64) -> Double { Double(to &- from) / 1e6 }

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    guard !s.isEmpty else { return .nan }
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Peak resident memory of this process, in MB.
func peakMemoryMB() -> Double {
    var u = rusage()
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_maxrss) / 1024 // kilobytes on Linux
}

struct Row: Codable {
    var deals: Int
    var fileMB: Double
    var loadMS: Double
    var firstFrameMS: Double // AppState + the first full render, after the load
    var openMS: Double // load + first frame: what a person waits for
    var moveFrameMS: Double // median of L/H through AppState.handle + a new frame
    var moveFrameMaxMS: Double
    var saveMS: Double // encode + atomic write (fsync, rename, folder fsync)
    var encodeMS: Double
    var keyDuringSaveMS: Double // slowest key + frame while a save runs on another thread
    var keysDuringSave: Int
    var peakMB: Double
}

/// Runs in a fresh process: everything a person does when opening a board of this size.
func measure(file: String, deals: Int, width: Int, height: Int) -> Row {
    let options = RenderOptions(glyphs: .unicode, locale: "en_US")
    let today = Day.parse("2026-11-30")!
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!

    let t0 = nowNanos()
    let board: Board
    do { board = try BoardFile.load(path: file) } catch {
        FileHandle.standardError.write(Data("pipedeck-bench: \(error)\n".utf8))
        exit(2)
    }
    let t1 = nowNanos()
    var state = AppState(board: board, fileName: "bench.json", now: now, today: today, width: width, height: height)
    var frame = BoardRenderer.render(state, options: options)
    let t2 = nowNanos()
    precondition(frame.grid.width == width)

    // Move the selected deal right and back left: each key is a real move, a rebuild of the
    // columns and figures, and a whole new frame.
    var moves: [Double] = []
    for k in 0..<60 {
        let a = nowNanos()
        _ = state.handle(.char(k % 2 == 0 ? "L" : "H"))
        frame = BoardRenderer.render(state, options: options)
        let b = nowNanos()
        if k >= 10 { moves.append(ms(a, b)) } // the first few warm caches up
    }
    precondition(state.board.deals.count == deals)

    // Saving: encoding alone, then the whole atomic save.
    let saved = file + ".saved.json"
    let e0 = nowNanos()
    let bytes = BoardDocument.encodeBytes(state.board)
    let e1 = nowNanos()
    do { try BoardFile.save(state.board, to: saved) } catch { fatalError("\(error)") }
    let e2 = nowNanos()

    // Keys while a save runs on another thread, as the interactive board's Saver does.
    let done = DispatchSemaphore(value: 0)
    let snapshot = state.board
    nonisolated(unsafe) var running = true
    let lock = NSLock()
    DispatchQueue.global(qos: .userInitiated).async {
        try? BoardFile.save(snapshot, to: saved)
        lock.lock(); running = false; lock.unlock()
        done.signal()
    }
    var during: [Double] = []
    while true {
        lock.lock(); let r = running; lock.unlock()
        if !r { break }
        let a = nowNanos()
        _ = state.handle(.char(during.count % 2 == 0 ? "L" : "H"))
        frame = BoardRenderer.render(state, options: options)
        during.append(ms(a, nowNanos()))
        usleep(2_000)
    }
    done.wait()
    unlink(saved)
    _ = frame

    return Row(
        deals: deals, fileMB: Double(bytes.count) / 1_048_576, loadMS: ms(t0, t1), firstFrameMS: ms(t1, t2),
        openMS: ms(t0, t2), moveFrameMS: median(moves), moveFrameMaxMS: moves.max() ?? .nan,
        saveMS: ms(e1, e2), encodeMS: ms(e0, e1), keyDuringSaveMS: during.max() ?? 0,
        keysDuringSave: during.count, peakMB: peakMemoryMB())
}

// MARK: Command line

func fail(_ s: String) -> Never {
    FileHandle.standardError.write(Data("pipedeck-bench: \(s)\n".utf8))
    exit(64)
}

var args = Array(CommandLine.arguments.dropFirst())
var sizes = [1_000, 10_000, 100_000]
var width = 120, height = 40
var childFile: String? = nil
var childDeals = 0
var repeats = 3
while !args.isEmpty {
    let a = args.removeFirst()
    switch a {
    case "--sizes":
        guard let v = args.first else { fail("--sizes needs a list such as 1000,10000") }
        args.removeFirst()
        sizes = v.split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
        if sizes.isEmpty || sizes.contains(where: { $0 < 1 }) { fail("--sizes: expected positive numbers") }
    case "--repeat":
        guard let v = args.first, let n = Int(v), n >= 1 else { fail("--repeat needs a number") }
        args.removeFirst(); repeats = n
    case "--size":
        guard let v = args.first else { fail("--size needs WxH") }
        args.removeFirst()
        let p = v.split(separator: "x").compactMap { Int($0) }
        guard p.count == 2 else { fail("--size needs WxH, e.g. 120x40") }
        width = p[0]; height = p[1]
    case "--child":
        guard args.count >= 2, let n = Int(args[1]) else { fail("--child FILE DEALS") }
        childFile = args[0]; childDeals = n
        args.removeFirst(2)
    case "--profile":
        profileBreakdown(deals: Int(args.first ?? "10000") ?? 10_000)
        exit(0)
    case "--json":
        compareJSON(deals: Int(args.first ?? "10000") ?? 10_000)
        exit(0)
    case "--load", "--encode":
        guard args.count >= 2, let n = Int(args[1]), n >= 0 else { fail("\(a) FILE TIMES") }
        measureCodec(encode: a == "--encode", file: args[0], times: n)
        exit(0)
    case "--profile-moves":
        // --profile-moves MOVES [DEALS]
        profileMoves(deals: args.count > 1 ? Int(args[1]) ?? 10_000 : 10_000, count: Int(args.first ?? "20") ?? 20)
        exit(0)
    case "--reread":
        measureReread(deals: Int(args.first ?? "10000") ?? 10_000)
        exit(0)
    case "--targets":
        measureTargets(deals: Int(args.first ?? "10000") ?? 10_000)
        exit(0)
    case "--merge":
        measureMerge(deals: Int(args.first ?? "10000") ?? 10_000)
        exit(0)
    case "--sync":
        measureSync(deals: Int(args.first ?? "10000") ?? 10_000)
        exit(0)
    case "--notes":
        let list = (args.first ?? "300000,3000000,200000000").split(separator: ",").compactMap { Int($0) }
        measureLongNotes(sizes: list)
        exit(0)
    case "--write":
        // A board to try by hand: pipedeck-bench --write /tmp/big.json 10000
        guard args.count >= 2, let n = Int(args[1]), n >= 0 else { fail("--write FILE DEALS") }
        do { try BoardFile.save(generateBoard(deals: n), to: args[0]) } catch {
            fail("cannot write \(args[0]): \(error)")
        }
        print("wrote \(n) deals to \(args[0])")
        exit(0)
    case "-h", "--help":
        print("usage: pipedeck-bench [--sizes 1000,10000,100000] [--repeat N] [--size 120x40]")
        print(
            "       pipedeck-bench --profile N | --json N | --profile-moves N [DEALS] | --reread N | --notes SIZES | --targets N"
        )
        print("       pipedeck-bench --write FILE DEALS   (a generated board to try by hand)")
        print("       pipedeck-bench --merge N | --sync N")
        print("       pipedeck-bench --load FILE TIMES | --encode FILE TIMES   (one step alone, for perf)")
        exit(0)
    default: fail("unknown argument \(a)")
    }
}

if let file = childFile {
    let row = measure(file: file, deals: childDeals, width: width, height: height)
    let data = try! JSONEncoder().encode(row)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
    exit(0)
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-bench-\(getpid())").path
try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: folder) }

let me = Bundle.main.executablePath ?? CommandLine.arguments[0]
var rows: [Row] = []
for n in sizes {
    let file = folder + "/board-\(n).json"
    do { try BoardFile.save(generateBoard(deals: n), to: file) } catch { fail("cannot write \(file): \(error)") }
    // Each size runs `repeats` times, each in a fresh process; the row with the median open
    // time is kept (the figures of one run belong together).
    var runs: [Row] = []
    for _ in 0..<repeats {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: me)
        p.arguments = ["--child", file, String(n), "--size", "\(width)x\(height)"]
        let out = Pipe()
        p.standardOutput = out
        do { try p.run() } catch { fail("cannot run \(me): \(error)") }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0, let row = try? JSONDecoder().decode(Row.self, from: data) else {
            fail("the measurement of \(n) deals failed (status \(p.terminationStatus))")
        }
        runs.append(row)
    }
    runs.sort { $0.openMS < $1.openMS }
    rows.append(runs[runs.count / 2])
    unlink(file)
}

func f(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }
let header = [
    "deals", "file MB", "load ms", "first frame ms", "open→frame ms", "move+frame ms (median/max)",
    "save ms (encode)", "slowest key during save ms (keys)", "peak MB",
]
print("| " + header.joined(separator: " | ") + " |")
print("|" + header.map { _ in "---:" }.joined(separator: "|") + "|")
for r in rows {
    let cells = [
        String(r.deals), f(r.fileMB), f(r.loadMS), f(r.firstFrameMS), f(r.openMS),
        f(r.moveFrameMS, 2) + " / " + f(r.moveFrameMaxMS, 2),
        f(r.saveMS) + " (" + f(r.encodeMS) + ")", f(r.keyDuringSaveMS, 2) + " (\(r.keysDuringSave))", f(r.peakMB),
    ]
    print("| " + cells.joined(separator: " | ") + " |")
}
print("")
print(
    "\(width)×\(height) screen; each size measured \(repeats)× in a fresh process, the run with the median open time shown."
)
