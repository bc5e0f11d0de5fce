import Foundation
import PipedeckCore
import PipedeckStorage

#if canImport(Glibc)
    import Glibc
#endif

// The team's figures (docs/performance.md, docs/team.md):
//
//     pipedeck-bench --merge N      a three-way merge of two N-deal boards with 100 changes each
//     pipedeck-bench --sync N       `pipedeck sync` of a one-deal change on an N-deal board, with a
//                                   local bare repository as the remote (needs the release
//                                   `pipedeck` next to the bench: swift build -c release)
//     (pipedeck-bench --write FILE N writes a board of N deals for scripts/measure-open.py)

/// `count` changes of the kinds people make, `start` seconds after the board's time, on deals
/// picked by `g`: moves, wins, values, owners, planned calls, new deals.
func changeDeals(_ board: Board, count: Int, start: Int64, _ g: inout SeededRandom) -> Board {
    var b = board
    let at = Timestamp.parse("2026-11-30T09:00:00Z")!
    for k in 0..<count {
        let now = at.adding(seconds: start + Int64(k))
        let d = b.deals[Int(g.next() % UInt64(b.deals.count))]
        var e = d
        let action: Action
        switch k % 6 {
        case 0: action = .shift(id: d.id, by: 1)
        case 1: action = .markWon(id: d.id)
        case 2: e.value = Money(units: Int(g.next() % 90_000) + 1_000); action = .update(e)
        case 3: e.owner = "Owner \(g.next() % 7)"; action = .update(e)
        case 4:
            let call = Activity(
                id: "bench\(start)-\(k)", type: .call, subject: "Call back #\(k)", due: now.utcDay, createdAt: now)
            action = .addActivity(dealID: d.id, call)
        default:
            action = .add(b.newDeal(title: "New deal \(start)-\(k)", value: Money(units: 500), at: now, random: &g))
        }
        if let o = try? b.apply(action, at: now) { b = o.board }
    }
    return b
}

/// `--merge N`.
func measureMerge(deals n: Int) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-merge-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var g = SeededRandom(seed: 16)
    let base = generateBoard(deals: n)
    let mine = changeDeals(base, count: 100, start: 60, &g)
    let theirs = changeDeals(base, count: 100, start: 600, &g)
    let paths = ["base", "mine", "theirs"].map { folder + "/" + $0 + ".json" }
    for (b, p) in zip([base, mine, theirs], paths) {
        do { try BoardFile.save(b, to: p) } catch { fail("cannot write \(p): \(error)") }
    }
    // As the driver gets them: three boards decoded separately, sharing nothing.
    func read(_ p: String) -> Board {
        do { return try BoardFile.load(path: p) } catch { fail("\(p): \(error)") }
    }
    let (b, m, t) = (read(paths[0]), read(paths[1]), read(paths[2]))
    var merge: [Double] = [], driver: [Double] = []
    var report = MergeReport()
    for _ in 0..<15 {
        let a = nowNanos()
        report = BoardCommit.merge(base: b, mine: m, theirs: t).report
        merge.append(ms(a, nowNanos()))
    }
    for _ in 0..<7 {
        try? BoardFile.save(mine, to: paths[1])
        let a = nowNanos()
        let (x, y, z) = (read(paths[0]), read(paths[1]), read(paths[2]))
        let merged = BoardCommit.merge(base: x, mine: y, theirs: z).board
        do { try BoardFile.save(bytes: BoardDocument.encodeBytes(merged), to: paths[1]) } catch { fail("\(error)") }
        driver.append(ms(a, nowNanos()))
    }
    print("| \(n) deals, 100 changes on each side | ms (median) |")
    print("|---|---:|")
    print("| the merge (`BoardCommit.merge`), boards already read | " + String(format: "%.1f", median(merge)) + " |")
    print(
        "| the merge driver's whole work: read and decode 3 files, merge, encode, atomic write | "
            + String(format: "%.1f", median(driver)) + " |")
    print("")
    print("\(report.conflicts.count) deals changed on both sides, \(report.notes.count) conflict notes written.")
}

/// The processor time (user and system) of the last program `spawn` ran, with the programs it
/// ran and waited for (git, the merge driver), in milliseconds.
nonisolated(unsafe) var lastSpawnCPU = 0.0

/// Runs a program to its end with output thrown away; its status. (posix_spawn: Foundation's
/// Process closes every possible descriptor in the child, which would be timed too.)
func spawn(_ argv: [String], env: [String: String], in folder: String? = nil) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let args = (folder.map { ["/usr/bin/env", "-C", $0] } ?? []) + argv
    let cArgs = args.map { strdup($0) } + [nil]
    let cEnv = env.map { strdup($0.key + "=" + $0.value) } + [nil]
    defer { for p in cArgs + cEnv { free(p) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, args[0], &actions, nil, cArgs, cEnv) == 0 else { return 127 }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1_000 + Double(t.tv_usec) / 1_000 }
    lastSpawnCPU = ms(usage.ru_utime) + ms(usage.ru_stime)
    return (status >> 8) & 0xff
}

/// `--sync N`.
func measureSync(deals n: Int) {
    let here = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0]).deletingLastPathComponent()
    let pipedeck = here.appendingPathComponent("pipedeck").path
    guard FileManager.default.isExecutableFile(atPath: pipedeck) else {
        fail("no pipedeck next to the bench: run `swift build -c release` first")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pipedeck-sync-\(getpid())").path
    try? FileManager.default.createDirectory(atPath: folder + "/home", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = folder + "/home"
    env["GIT_CONFIG_NOSYSTEM"] = "1"
    env["LANG"] = "C.UTF-8"
    for who in ["AUTHOR", "COMMITTER"] {
        env["GIT_\(who)_NAME"] = "Bench"
        env["GIT_\(who)_EMAIL"] = "bench@example.com"
    }
    func must(_ argv: [String], in dir: String? = nil) {
        if spawn(argv, env: env, in: dir) != 0 { fail("failed: \(argv.joined(separator: " "))") }
    }
    let remote = folder + "/remote.git", a = folder + "/a", b = folder + "/b"
    must(["git", "init", "--quiet", "--bare", "-b", "main", remote])
    try? FileManager.default.createDirectory(atPath: a, withIntermediateDirectories: true)
    do { try BoardFile.save(generateBoard(deals: n), to: a + "/board.json") } catch { fail("\(error)") }
    must(["git", "init", "--quiet", "-b", "main"], in: a)
    must([pipedeck, "team", "init", "--remote", remote, "--file", a + "/board.json"])
    must([pipedeck, "team", "join", remote, b])
    // Each clone has its person, as in a team: the deals changed here are signed (`updatedBy`).
    must(["git", "config", "user.name", "Camille"], in: a)
    must(["git", "config", "user.name", "Julien"], in: b)
    let at = Timestamp.parse("2026-12-01T09:00:00Z")!
    func change(_ file: String, _ k: Int) {
        do {
            try BoardFile.update(path: file) { board in
                let id = board.deals[(k * 7_919) % board.deals.count].id
                board = try board.apply(.shift(id: id, by: k % 2 == 0 ? 1 : -1), at: at.adding(seconds: Int64(k))).board
            }
        } catch { fail("\(error)") }
    }
    var alone: [Double] = [], merging: [Double] = []
    var aloneCPU: [Double] = [], mergingCPU: [Double] = []
    for k in 0..<6 {
        // One deal changed here, nothing new on the remote: commit, fetch, push.
        change(a + "/board.json", 2 * k)
        var t = nowNanos()
        must([pipedeck, "sync", "--file", a + "/board.json"])
        alone.append(ms(t, nowNanos()))
        aloneCPU.append(lastSpawnCPU)
        // One deal changed here and one by a teammate who pushed first: commit, fetch, merge
        // with the driver, push.
        change(b + "/board.json", 2 * k + 1)
        must([pipedeck, "sync", "--file", b + "/board.json"])
        change(a + "/board.json", 2 * k + 2)
        t = nowNanos()
        must([pipedeck, "sync", "--file", a + "/board.json"])
        merging.append(ms(t, nowNanos()))
        mergingCPU.append(lastSpawnCPU)
        must([pipedeck, "sync", "--file", b + "/board.json"])
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: a + "/board.json")[.size] as? Int) ?? 0
    print(
        "| `pipedeck sync`, \(n) deals (\(String(format: "%.1f", Double(size) / 1_000_000)) MB), local bare remote "
            + "| ms (median of 6) | processor ms (pipedeck, git, driver) |"
    )
    print("|---|---:|---:|")
    print(
        "| one deal changed here, nothing new from the team: commit, fetch, push | "
            + String(format: "%.0f", median(alone)) + " | " + String(format: "%.0f", median(aloneCPU)) + " |")
    print(
        "| one deal changed here, one by a teammate who pushed first: commit, fetch, merge (driver), push | "
            + String(format: "%.0f", median(merging)) + " | " + String(format: "%.0f", median(mergingCPU)) + " |")
}
