// pipedeck-torture: a helper for the crash-safety tests (Tests/PipedeckStorageTests/
// CrashSafetyTests.swift). Not part of the product.
//
//     pipedeck-torture boards DIR        writes DIR/a.json and DIR/b.json, the two boards of the loop
//     pipedeck-torture loop FILE A B     saves the bytes of files A, B, A, B… to FILE with
//                                        BoardFile.save until killed (first the one not
//                                        in FILE); prints "saving" once looping
//     pipedeck-torture sigbus FILE guarded|unguarded
//                                        maps FILE (at least 3 pages), cuts it to one page and
//                                        reads its third page; guarded (map_guard.h), prints
//                                        "zeros N" (N pages replaced); unguarded (another range
//                                        guarded), the read must end the process with SIGBUS
//     pipedeck-torture save FILE DEALS   saves one board of DEALS deals to FILE; on failure prints
//                                        the error on stderr and exits with status 3
import CPipedeckMapGuard
import Foundation
import PipedeckCore
import PipedeckStorage

/// A board of `count` demo-like deals; `variant` changes every title and amount, so that the two
/// boards of the loop differ everywhere and a mix of them could never pass for either.
func board(deals count: Int, variant: Int) -> Board {
    let now = Timestamp.parse("2026-11-30T09:00:00Z")!
    var b = Demo.board(now: now, today: now.utcDay)
    let demo = b.deals
    b.name = "Torture board \(variant == 0 ? "A" : "B")"
    b.deals = (0..<count).map { i in
        var d = demo[i % demo.count]
        d.id = "t\(variant)" + String(i, radix: 36)
        d.title = "\(variant == 0 ? "Alpha" : "Bravo") \(i): " + d.title
        d.value = Money(cents: 100 * (i + 1) + variant)
        d.rank = i
        return d
    }
    return b
}

func fail(_ s: String, _ code: Int32 = 64) -> Never {
    FileHandle.standardError.write(Data("pipedeck-torture: \(s)\n".utf8))
    exit(code)
}

let args = Array(CommandLine.arguments.dropFirst())
let loopDeals = 400

switch args.first {
case "boards" where args.count == 2:
    do {
        try BoardFile.save(board(deals: loopDeals, variant: 0), to: args[1] + "/a.json")
        try BoardFile.save(board(deals: loopDeals, variant: 1), to: args[1] + "/b.json")
    } catch { fail("\(error)", 3) }
case "loop" where args.count == 4:
    let boards: [[UInt8]]
    do { boards = [try BoardFile.readBytes(path: args[2]), try BoardFile.readBytes(path: args[3])] } catch {
        fail("\(error)", 3)
    }
    // Start with the board that is not on disk, so that every save that completes changes the file.
    var n = (try? BoardFile.readBytes(path: args[1])) == boards[0] ? 1 : 0
    FileHandle.standardOutput.write(Data("saving\n".utf8))
    while true {
        do { try BoardFile.save(bytes: boards[n % 2], to: args[1]) } catch { fail("\(error)", 3) }
        n += 1
    }
case "sigbus" where args.count == 3:
    let fd = open(args[1], O_RDWR)
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    guard fd >= 0, let p = mmap(nil, 3 * page, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED,
        let other = mmap(nil, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), other != MAP_FAILED
    else { fail("cannot map \(args[1])", 3) }
    let slot = args[2] == "guarded" ? pd_map_guard(p, 3 * page) : pd_map_guard(other, page)
    guard slot >= 0, ftruncate(fd, off_t(page)) == 0 else { fail("cannot guard or cut \(args[1])", 3) }
    let byte = p.load(fromByteOffset: 2 * page + 5, as: UInt8.self)
    print("zeros \(pd_map_unguard(slot)) byte \(byte)")
case "save" where args.count == 3:
    guard let count = Int(args[2]), count >= 0 else { fail("DEALS must be a number") }
    // Under a file size limit (ulimit -f) a write then fails with EFBIG instead of killing us.
    signal(SIGXFSZ, SIG_IGN)
    do { try BoardFile.save(board(deals: count, variant: 0), to: args[1]) } catch {
        fail("\(error)", 3)
    }
default:
    fail("usage: pipedeck-torture boards DIR | loop FILE A B | save FILE DEALS")
}
