import Foundation
import PipedeckTestSupport
import XCTest

/// The real `pipedeck` in tmux against files that are shared, read-only, unwritable, full or
/// hostile: two instances on one file, changes made outside, the read-only marker, a folder it
/// cannot write, a full disk, escape sequences in deal text, keys during a long save, idle CPU.
final class ReliabilityEndToEndTests: EndToEndTestCase {
    var mounted: [String] = []

    override func setUpWithError() throws {
        try XCTSkipUnless(TmuxSession.isTmuxAvailable, "tmux is not installed")
        try super.setUpWithError()
    }

    override func tearDown() {
        for m in mounted.reversed() { _ = umount2(m, Int32(MNT_DETACH)) }
        super.tearDown()
    }

    // MARK: Helpers

    /// The board in tmux, waiting for `expect` on screen. TmuxSession records the exit status.
    func open(
        _ path: String? = nil, prefix: String = "", width: Int = 120, height: Int = 40,
        env: [String: String] = [:], expect: String = "Demo pipeline"
    ) -> TmuxSession {
        let binary = TmuxSession.shellQuote(TmuxSession.pipedeckBinary.path)
        let s = TmuxSession(
            command: "\(prefix)\(binary) --file \(TmuxSession.shellQuote(path ?? file))",
            width: width, height: height, environment: ["TZ": "UTC", "HOME": dir.path].merging(env) { $1 })
        XCTAssertTrue(s.waitFor(expect), s.capture())
        return s
    }

    func topLine(_ s: TmuxSession) -> String { s.lines().first ?? "" }

    // MARK: Two instances, changes made elsewhere

    func testTwoInstancesOnOneFileNeverLoseAnUpdate() throws {
        try makeDemo()
        let a = open()
        let b = open()
        // The second one is told.
        XCTAssertTrue(b.waitFor("another Pipedeck (pid"), b.capture())
        // A moves "Website redesign" (d01lea) to Qualification and saves.
        a.send("L")
        XCTAssertTrue(a.waitFor("moved to Qualification"), a.capture())
        XCTAssertTrue(waitForFile { self.savedStage("d01lea") == "qualification" })
        // B notices within a few seconds (it looks at the file every two) and shows A's move,
        // keeping its cursor on the deal; then it moves the first deal of Lead.
        XCTAssertTrue(b.waitFor("reloaded: the file changed on disk"), b.capture())
        XCTAssertTrue(b.waitFor("Weighted €258,007.50"), b.capture())
        b.send("h", "L")
        XCTAssertTrue(b.waitFor("moved to Qualification"), b.capture())
        XCTAssertTrue(waitForFile { self.savedStage("d02lea") == "qualification" }, "B's move is saved")
        XCTAssertEqual(savedStage("d01lea"), "qualification", "A's move is still there")
        // A, idle, notices B's save within a few seconds and shows it.
        XCTAssertTrue(a.waitFor("reloaded: the file changed on disk"), a.capture())
        XCTAssertTrue(a.waitFor("Weighted €259,807.50"), a.capture()) // both moves counted
        XCTAssertTrue(b.waitFor("Weighted €259,807.50"), b.capture())
        a.send("q"); b.send("q")
        XCTAssertEqual(a.exitStatus(), 0)
        XCTAssertEqual(b.exitStatus(), 0)
        XCTAssertFalse(
            FileManager.default.fileExists(atPath: dir.appendingPathComponent(".pipeline.json.lock").path),
            "the last one out removes the lock file")
        XCTAssertEqual(savedStage("d01lea"), "qualification")
        XCTAssertEqual(savedStage("d02lea"), "qualification")
    }

    func testChangesMadeOutsideAreReloaded() throws {
        try makeDemo()
        let s = open()
        XCTAssertTrue(s.waitFor("Weighted €257,527.50"), s.capture())
        // Another program (here the command line) saves the file.
        XCTAssertEqual(try run(["move", "d05qua", "proposal", "--file", file]).status, 0)
        XCTAssertTrue(s.waitFor("reloaded: the file changed on disk"), s.capture())
        XCTAssertTrue(s.waitFor("Weighted €274,327.50"), s.capture())
        // An editor that rewrites the file in place (same inode, new text).
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "ERP integration — phase 1", with: "ERP integration — phase 2")
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try h.truncate(atOffset: 0)
        try h.write(contentsOf: Data(text.utf8))
        try h.close()
        XCTAssertTrue(s.waitFor("phase 2"), s.capture())
        // A key that arrives with an outside change is not applied to a board the person has not
        // seen (it would move the deal a second time); the new board is shown, then keys act.
        // (Unless the two-second look at the file came first: then the key is legitimate.)
        XCTAssertEqual(try run(["move", "d01lea", "needs", "--file", file]).status, 0)
        s.send("L")
        XCTAssertTrue(
            s.waitUntil { $0.contains("your key was not used") || $0.contains("moved to Proposal") }, s.capture())
        if s.capture().contains("your key was not used") {
            XCTAssertTrue(s.waitFor("reloaded: the file changed on disk"), s.capture())
            Thread.sleep(forTimeInterval: 0.3)
            XCTAssertEqual(savedStage("d01lea"), "needs", "moved once, by the command")
            s.send("L")
        }
        XCTAssertTrue(waitForFile { self.savedStage("d01lea") == "proposal" }, "L moved it on from where it is now")
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(savedStage("d01lea"), "proposal", "never moved twice")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains("phase 2"))
    }

    // MARK: Files that cannot be written

    func testReadOnlyFileOpensWithTheMarkerAndRefusesChanges() throws {
        try makeDemo()
        XCTAssertEqual(chmod(file, 0o444), 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let s = open()
        XCTAssertTrue(s.waitUntil { ($0.split(separator: "\n").first ?? "").contains("read-only") }, s.capture())
        XCTAssertTrue(s.waitFor("the file is read-only"), s.capture())
        s.send("L")
        XCTAssertTrue(s.waitFor("changes are not possible"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    /// The folder cannot be written (no temporary file, no lock file): the top line says unsaved,
    /// the reason is shown, the board keeps working, and quitting warns before losing anything.
    /// Root writes anywhere, so as root the board runs as user nobody.
    func testUnwritableFolderKeepsWorkingAndWarnsOnQuit() throws {
        try makeDemo()
        var prefix = ""
        if geteuid() == 0 {
            try XCTSkipUnless(
                FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "setpriv is not installed")
            XCTAssertEqual(chown(file, 65534, 65534), 0)
            prefix = "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups "
        }
        XCTAssertEqual(chmod(dir.path, 0o555), 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let s = open(prefix: prefix)
        XCTAssertFalse(topLine(s).contains("read-only"), "the file itself is writable")
        s.send("L")
        XCTAssertTrue(s.waitFor("NOT SAVED"), s.capture())
        XCTAssertTrue(s.waitFor("Permission denied"), s.capture())
        XCTAssertTrue(s.waitUntil { ($0.split(separator: "\n").first ?? "").contains("unsaved") }, s.capture())
        // Still working, in memory.
        s.send("L")
        XCTAssertTrue(s.waitFor("moved to Needs analysis"), s.capture())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "the old file is intact")
        s.send("q")
        XCTAssertTrue(s.waitFor("Your last changes are NOT saved"), s.capture())
        // The first q only warns: the board is still there and answers the next key (which
        // also takes the warning back).
        XCTAssertFalse(s.hasExited, "the first q only warns")
        s.send("?")
        XCTAssertTrue(s.waitFor("move the deal to the next stage"), s.capture())
        s.send("Escape", "q")
        XCTAssertTrue(s.waitFor("Your last changes are NOT saved"), s.capture())
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 1)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
    }

    /// A full disk (a small tmpfs; needs root): the save fails with the reason shown and the old
    /// file intact; once there is room again the next change saves everything.
    func testDiskFull() throws {
        let mp = dir.appendingPathComponent("fs").path
        try FileManager.default.createDirectory(atPath: mp, withIntermediateDirectories: true)
        let r = "size=256k".withCString { mount("tmpfs", mp, "tmpfs", 0, $0) }
        try XCTSkipIf(
            r != 0, "cannot mount a tmpfs here (not root?); CrashSafetyTests covers a full disk with a file size limit")
        mounted.append(mp)
        let path = mp + "/pipeline.json"
        try makeDemo(at: path)
        // Fill the disk so that a new copy of the board no longer fits.
        var st = statvfs()
        XCTAssertEqual(statvfs(mp, &st), 0)
        let free = Int(st.f_bavail) * Int(st.f_bsize)
        let fileSize = try Data(contentsOf: URL(fileURLWithPath: path)).count
        let filler = mp + "/filler"
        XCTAssertTrue(
            FileManager.default.createFile(atPath: filler, contents: Data(count: max(0, free - fileSize / 2))))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let s = open(path)
        s.send("L")
        XCTAssertTrue(s.waitFor("No space left on device"), s.capture())
        XCTAssertTrue(s.waitUntil { ($0.split(separator: "\n").first ?? "").contains("unsaved") }, s.capture())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the old file is intact")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mp).filter { $0.hasSuffix(".tmp") }, [])
        // The next change says what it did, and the bottom line still says nothing is saved.
        s.send("L")
        XCTAssertTrue(
            s.waitUntil { ($0.split(separator: "\n").last ?? "").contains("moved to Needs analysis") }, s.capture())
        XCTAssertTrue(s.waitUntil { ($0.split(separator: "\n").last ?? "").contains("NOT SAVED") }, s.capture())
        XCTAssertTrue(topLine(s).contains("unsaved"), s.capture())
        // Room again: the next change saves both moves and the one after; top and bottom agree.
        try FileManager.default.removeItem(atPath: filler)
        s.send("H")
        XCTAssertTrue(
            s.waitUntil { ($0.split(separator: "\n").first ?? "").contains("saved") && !$0.contains("unsaved") },
            s.capture())
        XCTAssertFalse(s.capture().contains("NOT SAVED"), s.capture())
        XCTAssertEqual(savedStage("d01lea", path), "qualification")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    // MARK: Hostile folders

    /// Anyone who can write the board's folder may plant the lock file as a link to a file of the
    /// board's user: the board never follows it (it says so, and its saves are refused until the
    /// link is removed).
    func testAPlantedLockLinkIsNeverFollowed() throws {
        try makeDemo()
        let victim = dir.appendingPathComponent("victim.txt").path
        try "precious\n".write(toFile: victim, atomically: false, encoding: .utf8)
        let lock = dir.appendingPathComponent(".pipeline.json.lock").path
        XCTAssertEqual(symlink(victim, lock), 0)
        let s = open()
        XCTAssertTrue(s.waitFor("is a symbolic link"), s.capture())
        s.send("L")
        XCTAssertTrue(s.waitFor("NOT SAVED"), s.capture())
        s.send("q")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 1)
        XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "precious\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: lock), victim)
        XCTAssertEqual(savedStage("d01lea"), "lead")
    }

    // MARK: Hostile text

    func testEscapeSequencesInDealsNeverReachTheTerminal() throws {
        try makeDemo()
        guard var root = json(), var deals = root["deals"] as? [[String: Any]] else { return XCTFail("demo") }
        deals[0]["title"] = "Evil \u{1B}]2;owned\u{7}\u{1B}[2J\u{1B}[?1049l\u{9B}31m\u{85}end"
        deals[0]["company"] = "ACME \u{1B}[5mblink\u{1B}[0m"
        deals[0]["tags"] = ["\u{1B}c", "ok"]
        root["deals"] = deals
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: file))
        let s = open()
        XCTAssertTrue(s.waitFor("end"), s.capture())
        XCTAssertNotEqual(s.display("#{pane_title}"), "owned", "an OSC title sequence reached the terminal")
        XCTAssertEqual(s.display("#{alternate_on}"), "1", "a sequence left the alternate screen")
        let lines = s.lines()
        XCTAssertTrue(lines.first?.contains("Demo pipeline") ?? false, "the screen was not cleared: \(s.capture())")
        XCTAssertTrue(
            lines.contains { $0.contains("Evil") && $0.contains("end") || $0.contains("Evil") && $0.contains("…") })
        s.send("Enter") // the details show the whole title, still harmless
        XCTAssertTrue(s.waitFor("ACME"), s.capture())
        XCTAssertNotEqual(s.display("#{pane_title}"), "owned")
        XCTAssertEqual(s.display("#{alternate_on}"), "1")
        s.send("Escape", "q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    // MARK: Speed

    /// A deal whose notes are one word of 20 million characters: the details open at once (the
    /// wrapping used to take hours at this size), scrolling works, and q and SIGTERM are answered.
    func testAHugeNoteOpensAtOnceAndTheBoardStillAnswers() throws {
        try makeDemo()
        guard var root = json(), var deals = root["deals"] as? [[String: Any]] else { return XCTFail("demo") }
        let i = try XCTUnwrap(deals.firstIndex { $0["id"] as? String == "d01lea" })
        deals[i]["notes"] = "Start " + String(repeating: "n", count: 20_000_000)
        root["deals"] = deals
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: file))
        let s = open(expect: "Demo pipeline")
        XCTAssertTrue(s.waitFor("Website redesign", timeout: 30), s.capture())
        s.send("Enter")
        XCTAssertTrue(s.waitFor(String(repeating: "n", count: 70), timeout: 10), s.capture())
        s.send("NPage")
        XCTAssertTrue(s.waitFor("▲"), s.capture())
        s.send("q")
        XCTAssertTrue(s.waitFor("Weighted"), s.capture())
        s.send("Enter")
        XCTAssertTrue(s.waitFor(String(repeating: "n", count: 70)), s.capture())
        XCTAssertTrue(s.signal(SIGTERM))
        XCTAssertEqual(s.exitStatus(timeout: 20), 128 + SIGTERM)
    }

    /// Keys are answered while a save waits. The test holds the board's lock file, as another
    /// Pipedeck in the middle of its own save would, so this board's save cannot finish until the
    /// test lets it: "saving…" stays on screen for as long as the test needs to look.
    func testKeysAreAnsweredWhileASaveWaits() throws {
        try makeDemo()
        let s = open()
        XCTAssertTrue(s.waitFor("● saved"), s.capture())
        let lock = Glibc.open(dir.appendingPathComponent(".pipeline.json.lock").path, O_RDWR | O_CREAT, 0o644)
        XCTAssertGreaterThanOrEqual(lock, 0)
        XCTAssertEqual(flock(lock, LOCK_EX), 0)
        s.send("L", "z")
        // The second key's effect and the save still waiting, on one screen. (The save gives up
        // after ten seconds of waiting; the keys are answered long before.)
        XCTAssertTrue(
            s.waitUntil(timeout: 8) { $0.contains("lost deals shown") && $0.contains("saving…") }, s.capture())
        XCTAssertEqual(savedStage("d01lea"), "lead", "nothing is written while another holds the lock")
        close(lock)
        XCTAssertTrue(s.waitFor("● saved"), s.capture())
        XCTAssertEqual(savedStage("d01lea"), "qualification")
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }

    /// Idle means idle: while nobody types, the process wakes only to look at the file every two
    /// seconds and uses (almost) no CPU. CPU time is read in nanoseconds from the kernel's
    /// scheduler statistics, so the figure does not depend on how busy the machine is.
    func testIdleUsesNoCPU() throws {
        try makeDemo()
        let s = open()
        XCTAssertTrue(s.waitFor("● saved"), s.capture())
        guard let pid = s.programPID() else { return XCTFail("no pid") }
        guard Idle.cpuNanoseconds(pid) != nil else { throw XCTSkip("no /proc/PID/schedstat here") }
        // Start measuring once start-up is over: two looks half a second apart that see no work.
        var last = Idle.cpuNanoseconds(pid) ?? 0
        let settled = Poll.until(every: 0.5) {
            let now = Idle.cpuNanoseconds(pid) ?? 0
            defer { last = now }
            return now - last < 1_000_000
        }
        XCTAssertTrue(settled, "the board kept working after start-up")
        guard let cpu0 = Idle.cpuNanoseconds(pid), let wake0 = Idle.wakeUps(pid) else { return XCTFail("gone") }
        let start = Date()
        Thread.sleep(forTimeInterval: 6)
        guard let cpu1 = Idle.cpuNanoseconds(pid), let wake1 = Idle.wakeUps(pid) else { return XCTFail("gone") }
        let seconds = Date().timeIntervalSince(start)
        let percent = Double(cpu1 - cpu0) / 1e9 / seconds * 100
        print(
            "[idle] \(String(format: "%.3f", Double(cpu1 - cpu0) / 1e6)) ms of CPU and \(wake1 - wake0) wake-ups in "
                + "\(String(format: "%.1f", seconds)) s: \(String(format: "%.3f", percent)) % CPU")
        XCTAssertLessThan(percent, 1.0)
        // One look every two seconds; far fewer than a loop polling the keyboard would make.
        XCTAssertLessThanOrEqual(wake1 - wake0, Int(seconds / 2) + 4)
        s.send("q")
        XCTAssertEqual(s.exitStatus(), 0)
    }
}

/// What the kernel says about a process's main thread (Linux /proc).
enum Idle {
    /// Time all the process's threads spent on a CPU, in nanoseconds (the first field of each
    /// /proc/PID/task/TID/schedstat).
    static func cpuNanoseconds(_ pid: pid_t) -> Int? {
        guard let tasks = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task") else { return nil }
        var total = 0
        for t in tasks {
            guard let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(t)/schedstat", encoding: .utf8),
                let ns = text.split(separator: " ").first.flatMap({ Int($0) })
            else { return nil }
            total += ns
        }
        return total
    }

    /// How many times the main thread (the event loop) gave up the CPU to wait (voluntary context
    /// switches).
    static func wakeUps(_ pid: pid_t) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("voluntary_ctxt_switches:") {
            return Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
