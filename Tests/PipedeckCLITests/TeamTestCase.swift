import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckTestSupport
import XCTest

@testable import PipedeckCLI

/// A team in temporary folders: a bare repository as the remote and clones of it, each with its
/// own person. git runs with an empty HOME and no system configuration; the merge driver is the
/// built `pipedeck`. No network.
class TeamTestCase: XCTestCase {
    var dir: String!
    var remote: String { dir + "/remote.git" }
    static let start = Timestamp.parse("2026-12-02T10:00:00Z")!

    override func setUpWithError() throws {
        try super.setUpWithError()
        dir = TeamRepo.realPath(NSTemporaryDirectory()) + "/pipedeck-team-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/home", withIntermediateDirectories: true)
        _ = try XCTUnwrap(PipedeckBinary.url, "the built pipedeck is the merge driver")
        git(dir, "init", "--quiet", "--bare", "-b", "main", remote)
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(atPath: dir) }
        try super.tearDownWithError()
    }

    var environment: [String: String] {
        [
            "HOME": dir + "/home", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8", "TZ": "UTC", "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": dir + "/home/.config",
        ]
    }

    /// Runs git in `folder`; fails the test when git does.
    @discardableResult
    func git(_ folder: String, _ args: String..., ok: Bool = true, file: StaticString = #filePath, line: UInt = #line)
        -> Git.Output
    {
        let g = try! Git(folder: folder, environment: environment, interactive: false)
        let r = g.run(args)
        if ok { XCTAssertTrue(r.ok, "git \(args.joined(separator: " ")): \(r.err)", file: file, line: line) }
        return r
    }

    /// A clone: `path` is its board.
    struct Clone {
        var folder: String
        var person: String
        var board: String { folder + "/pipeline.json" }
    }

    /// The first clone: a demo board put in a new repository by `team init --remote`.
    func founder(_ person: String = "Camille") throws -> Clone {
        let c = Clone(folder: dir + "/" + person.lowercased(), person: person)
        try FileManager.default.createDirectory(atPath: c.folder, withIntermediateDirectories: true)
        try BoardFile.save(Demo.board(now: TeamTestCase.start, today: TeamTestCase.start.utcDay), to: c.board)
        git(c.folder, "init", "--quiet", "-b", "main")
        identify(c)
        _ = try TeamSetup.initialise(board: c.board, remote: remote, environment: environment, program: program)
        return c
    }

    /// Another clone, by `team join`.
    func join(_ person: String) throws -> Clone {
        let c = Clone(folder: dir + "/" + person.lowercased(), person: person)
        let said = try TeamSetup.join(url: remote, folder: c.folder, environment: environment, program: program)
        XCTAssertTrue(said.contains { $0.contains("pipeline.json") }, "\(said)")
        identify(c)
        return c
    }

    func identify(_ c: Clone) {
        git(c.folder, "config", "user.name", c.person)
        git(c.folder, "config", "user.email", c.person.lowercased() + "@example.com")
    }

    var program: String { PipedeckBinary.url!.path }

    func options(_ c: Clone) -> TeamSync.Options {
        TeamSync.Options(board: c.board, environment: environment, interactive: false, me: c.person, program: program)
    }

    /// One `pipedeck sync`, in this process.
    @discardableResult
    func sync(_ c: Clone, file: StaticString = #filePath, line: UInt = #line) throws -> TeamSync.Result {
        do {
            return try TeamSync(options(c)).run()
        } catch {
            XCTFail("sync of \(c.person) refused: \(error.message)", file: file, line: line)
            throw error
        }
    }

    /// Changes `c`'s board as a command would.
    func edit(_ c: Clone, _ change: (inout Board) throws -> Void) throws {
        try BoardFile.update(path: c.board) { b in try change(&b) }
    }

    /// `actions` applied `minutes` minutes after the start, one minute apart.
    func apply(_ c: Clone, at minutes: Int, _ actions: Action...) throws {
        try edit(c) { b in
            for (i, a) in actions.enumerated() {
                b = try b.apply(a, at: TeamTestCase.start.adding(seconds: Int64(60 * (minutes + i)))).board
            }
        }
    }

    func board(_ c: Clone) throws -> Board { try BoardFile.load(path: c.board) }

    /// Syncs every clone until none brings anything new, then checks they all hold the same board
    /// and that it is what the remote has.
    func settle(_ clones: [Clone], file: StaticString = #filePath, line: UInt = #line) throws -> Board {
        for _ in 0..<2 { for c in clones { try sync(c, file: file, line: line) } }
        let first = try board(clones[0])
        for c in clones.dropFirst() {
            XCTAssertEqual(
                try board(c), first, "\(c.person) has the same board as \(clones[0].person)", file: file, line: line)
            XCTAssertEqual(
                git(c.folder, "status", "--porcelain").text, "", "\(c.person)'s clone is clean", file: file, line: line)
        }
        return first
    }
}
