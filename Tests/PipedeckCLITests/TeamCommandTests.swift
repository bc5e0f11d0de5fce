import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI

/// The team commands as a person runs them: `team init|join|log`, `sync`, `merge`, and `add`'s
/// owner.
final class TeamCommandTests: TeamTestCase {
    @discardableResult
    func pipedeck(_ args: String..., in folder: String? = nil, env extra: [String: String] = [:]) throws
        -> ProcessOutput
    {
        var args = args
        if let folder { args = ["--file", folder + "/pipeline.json"] + args }
        return try ProcessRun.run(PipedeckBinary.url!, args, environment: environment.merging(extra) { _, b in b })
    }

    func write(_ board: Board, _ path: String) throws {
        try BoardDocument.encode(board).write(to: URL(fileURLWithPath: path))
    }

    func testTheMergeDriverMergesOrRefusesAndLeavesOursAlone() throws {
        let base = Demo.board(now: TeamTestCase.start, today: TeamTestCase.start.utcDay)
        let ours = try base.apply(.shift(id: "d01lea", by: 1), at: TeamTestCase.start.adding(seconds: 60)).board
        let theirs = try base.apply(.markWon(id: "d18clo"), at: TeamTestCase.start.adding(seconds: 60)).board
        let (b, o, t) = (dir + "/base", dir + "/ours", dir + "/theirs")
        try write(base, b); try write(ours, o); try write(theirs, t)
        var r = try pipedeck("merge", b, o, t, "pipeline.json")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout + r.stderr, "")
        let merged = try BoardFile.load(path: o)
        XCTAssertEqual(merged.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(merged.deal("d18clo")?.status, .won)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: o)), BoardDocument.encode(merged), "canonical form")

        // A side that is not a board: status 1, a message, OURS untouched.
        try write(ours, o)
        let before = try Data(contentsOf: URL(fileURLWithPath: o))
        try Data("{\"version\": 1, \"name\": \"x\", \"stages\": [], \"deals\": [{}]}".utf8).write(
            to: URL(fileURLWithPath: t))
        r = try pipedeck("merge", b, o, t, "pipeline.json")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("their version of pipeline.json is not a valid board"), r.stderr)
        XCTAssertTrue(r.stderr.contains("deals[0]"), r.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: o)), before)
        try Data("<<<<<<< HEAD\n".utf8).write(to: URL(fileURLWithPath: o))
        r = try pipedeck("merge", b, o, dir + "/ours")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("our version is not a valid board"), r.stderr)

        // An empty BASE: the board was added on both sides.
        try write(ours, o); try write(theirs, t)
        try Data().write(to: URL(fileURLWithPath: b))
        r = try pipedeck("merge", b, o, t)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try BoardFile.load(path: o).deals.count, base.deals.count)
    }

    func testInitJoinSyncAndLogFromTheCommandLine() throws {
        let a = Clone(folder: dir + "/camille", person: "Camille")
        try FileManager.default.createDirectory(atPath: a.folder, withIntermediateDirectories: true)
        XCTAssertEqual(try pipedeck("init", "--demo", in: a.folder).status, 0)
        // No repository yet: `team init` makes one (identity from the environment here).
        let who = [
            "GIT_AUTHOR_NAME": "Camille", "GIT_AUTHOR_EMAIL": "c@example.com", "GIT_COMMITTER_NAME": "Camille",
            "GIT_COMMITTER_EMAIL": "c@example.com",
        ]
        var r = try pipedeck("team", "init", "--remote", remote, in: a.folder, env: who)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Created a git repository in \(a.folder)"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Pushed to \(remote)"), r.stdout)
        XCTAssertEqual(
            try String(contentsOfFile: a.folder + "/.gitattributes", encoding: .utf8), "/pipeline.json merge=pipedeck\n"
        )
        XCTAssertTrue(
            try String(contentsOfFile: a.folder + "/.gitignore", encoding: .utf8).contains("/.pipeline.json.lock"))
        identify(a)
        // Again: nothing to do, nothing broken.
        r = try pipedeck("team", "init", in: a.folder)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            try String(contentsOfFile: a.folder + "/.gitattributes", encoding: .utf8), "/pipeline.json merge=pipedeck\n"
        )

        r = try ProcessRun.run(
            PipedeckBinary.url!, ["team", "join", remote, dir + "/julien"], environment: environment)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Open the board: pipedeck --file \(dir!)/julien/pipeline.json"), r.stdout)
        let b = Clone(folder: dir + "/julien", person: "Julien")
        identify(b)
        XCTAssertFalse(git(b.folder, "config", "merge.pipedeck.driver").text.isEmpty, "join registers the driver")

        // A new deal belongs to whoever adds it: git's user.name here.
        let id = try pipedeck("add", "Audit RGPD", "--value", "9000", in: b.folder).stdout.trimmingCharacters(
            in: .newlines)
        XCTAssertEqual(try board(b).deal(id)?.owner, "Julien")
        XCTAssertEqual(try pipedeck("move", "d01lea", "next", in: a.folder).status, 0)
        XCTAssertEqual(try pipedeck("edit", "d05qua", "--value", "45000", in: b.folder).status, 0)

        r = try pipedeck("sync", in: a.folder)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(
            r.stdout,
            """
            Committed: Move Website redesign → Qualification
            Sent to the team (1 change):
              Website redesign: Lead generation → Qualification
            Synced with origin/main.

            """)
        r = try pipedeck("sync", "--json", in: b.folder)
        XCTAssertEqual(r.status, 0, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "synced")
        XCTAssertEqual(json["remote"] as? String, "origin/main")
        XCTAssertEqual(json["committed"] as? String, "Edit ERP integration — phase 1 (value); Add Audit RGPD")
        let received = try XCTUnwrap(json["received"] as? [[String: Any]])
        XCTAssertEqual(received.map { $0["text"] as? String }, ["Website redesign: Lead generation → Qualification"])
        XCTAssertEqual((json["sent"] as? [[String: Any]])?.count, 2)

        r = try pipedeck("team", "log", in: b.folder)
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.lines.map {
            $0.replacingOccurrences(of: #"\d+ \w{3} \d\d:\d\d"#, with: "DATE", options: .regularExpression)
        }
        XCTAssertEqual(
            lines,
            [
                "Julien · DATE · ERP integration — phase 1: value €42,000 → €45,000",
                "Julien · DATE · Audit RGPD: added in Lead generation, €9,000",
                "Camille · DATE · Website redesign: Lead generation → Qualification",
                "Camille · DATE · started the team board (25 deals)",
            ])
        r = try pipedeck("team", "log", "--json", "--since", "2000-01-01", in: b.folder)
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(log.map { $0["author"] as? String }, ["Julien", "Camille", "Camille"])
        r = try pipedeck("team", "log", "--since", "2099-01-01", in: b.folder)
        XCTAssertEqual(r.stdout, Strings.Team.noHistory + "\n")
    }

    /// git's own `pull` uses the registered driver too: no conflict markers in the board.
    func testAPlainGitPullMergesTheBoardDealByDeal() throws {
        let a = try founder(), b = try join("Julien")
        try apply(a, at: 1, .shift(id: "d01lea", by: 1))
        try apply(b, at: 2, .markWon(id: "d18clo"))
        try sync(a)
        git(b.folder, "commit", "--quiet", "-am", "Won by hand")
        git(b.folder, "pull", "--quiet", "--no-rebase", "--no-edit")
        let merged = try board(b)
        XCTAssertEqual(merged.deal("d01lea")?.stage, "qualification")
        XCTAssertEqual(merged.deal("d18clo")?.status, .won)
    }

    func testSyncSaysWhyNothingWasShared() throws {
        let a = try founder()
        git(a.folder, "remote", "set-url", "origin", dir + "/nowhere.git")
        XCTAssertEqual(try pipedeck("move", "d01lea", "next", in: a.folder).status, 0)
        var r = try pipedeck("sync", in: a.folder)
        XCTAssertEqual(r.status, 3, r.stderr)
        XCTAssertTrue(
            r.stdout.hasPrefix(
                "Committed here: Move Website redesign → Qualification\nNot shared: origin could not be reached"),
            r.stdout)
        r = try pipedeck("sync", "--json", in: a.folder)
        XCTAssertEqual(r.status, 3)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(json["status"] as? String, "notShared")
        // Not in a repository at all.
        try BoardFile.save(
            Demo.board(now: TeamTestCase.start, today: TeamTestCase.start.utcDay), to: dir + "/alone.json")
        r = try pipedeck("sync", "--file", dir + "/alone.json")
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("is not in a git repository: run `pipedeck team init`"), r.stderr)
        // Git missing from PATH.
        r = try pipedeck("sync", in: a.folder, env: ["PATH": dir + "/home"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("git is not installed"), r.stderr)
    }

    func testANewDealBelongsToMeFromTheSettings() throws {
        XCTAssertEqual(try pipedeck("init", "--file", dir + "/p.json").status, 0)
        try FileManager.default.createDirectory(
            atPath: dir + "/home/.config/pipedeck", withIntermediateDirectories: true)
        try "theme = dark\nme = Camille Martin\n".write(
            toFile: dir + "/home/.config/pipedeck/config", atomically: true, encoding: .utf8)
        let id = try pipedeck("add", "Deal", "--value", "10", "--file", dir + "/p.json").stdout.trimmingCharacters(
            in: .newlines)
        let other = try pipedeck("add", "Other", "--value", "10", "--owner", "Sofia", "--file", dir + "/p.json").stdout
            .trimmingCharacters(in: .newlines)
        let b = try BoardFile.load(path: dir + "/p.json")
        XCTAssertEqual(b.deal(id)?.owner, "Camille Martin")
        XCTAssertEqual(b.deal(other)?.owner, "Sofia")
    }
}
