import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import PipedeckTerminal
import PipedeckUI

/// Opens the interactive board on a file: the event loop that joins the terminal, the
/// reducer, the renderer and the saver.
public enum InteractiveBoard {
    public struct Options {
        public var path: String
        public var theme: String?
        public var noColor: Bool
        public var mouse: Bool
        public init(path: String, theme: String? = nil, noColor: Bool = false, mouse: Bool = true) {
            self.path = path; self.theme = theme; self.noColor = noColor; self.mouse = mouse
        }
    }

    /// Returns the process exit status.
    public static func run(_ options: Options) -> Int32 {
        let board: Board
        do { board = try BoardFile.load(path: options.path) } catch {
            FileHandle.standardError.write(Data(("pipedeck: " + String(describing: error) + "\n").utf8))
            return 2
        }
        let env = ProcessInfo.processInfo.environment
        let utf8 = Terminal.prepareLocale()
        let terminal: Terminal
        do { terminal = try Terminal(mouse: options.mouse) } catch {
            FileHandle.standardError.write(Data(("pipedeck: " + String(describing: error) + "\n").utf8))
            return 1
        }
        let noColor = options.noColor || !(env["NO_COLOR"] ?? "").isEmpty || terminal.colorCount == 0
        let theme = noColor ? Theme.monochrome : Theme.standard
        let renderOptions = RenderOptions(glyphs: utf8 ? .unicode : .ascii, locale: MoneyFormatter.environmentLocale(env))
        let size = terminal.size
        var state = AppState(board: board, fileName: (options.path as NSString).lastPathComponent,
                             now: .now(), today: Day.today(), width: size.width, height: size.height)
        if !FileManager.default.isWritableFile(atPath: options.path) { state.saveState = .readOnly }
        let saver = Saver(path: options.path)
        var quitArmed = false
        var status: Int32 = 0

        loop: while true {
            if let result = saver.takeResult() {
                switch result {
                case .success: if !saver.isBusy { state.saveState = .saved }
                case .failure(let why): state.saveState = .failed(why)
                }
            }
            let frame = BoardRenderer.render(state, options: renderOptions)
            terminal.draw(frame.grid, style: theme.style, cursor: frame.cursor)
            // Block without a timeout when nothing is pending: no CPU used while idle.
            let event = terminal.readEvent(timeoutMilliseconds: saver.hasPendingWork ? 40 : nil)
            switch event {
            case .timeout: continue
            case .terminate(let sig):
                status = 128 + sig
                break loop
            case .key(let key):
                if case .resize = key {
                    let s = terminal.size
                    state.resize(width: s.width, height: s.height)
                }
                state.now = .now()
                state.today = Day.today()
                let effects = state.handle(key)
                if !effects.contains(.quit) { quitArmed = false }
                for effect in effects {
                    switch effect {
                    case .save: saver.request(state.board)
                    case .redrawAll: terminal.forceRedraw()
                    case .suspend: terminal.suspend()
                    case .quit:
                        saver.waitUntilIdle()
                        if case .failed = state.saveState, !quitArmed, saver.lastFailed {
                            quitArmed = true
                            state.message = StatusMessage(Strings.quitUnsaved, isError: true)
                            continue
                        }
                        break loop
                    }
                }
            }
        }
        saver.waitUntilIdle()
        terminal.restore()
        if saver.lastFailed, let why = saver.lastError {
            FileHandle.standardError.write(Data((Strings.quitWithUnsaved(why) + "\n").utf8))
            if status == 0 { status = 1 }
        }
        return status
    }
}

extension Strings {
    static let quitUnsaved = "Your last changes are NOT saved. Press q again to quit anyway, or fix the problem and make a change to retry."
    static func quitWithUnsaved(_ why: String) -> String { "pipedeck: quit with unsaved changes: \(why)" }
}

/// Writes the board off the UI thread. Requests made while a save runs are coalesced: only the
/// newest board is written next. The screen never waits for the disk, except when quitting.
final class Saver: @unchecked Sendable {
    enum Result { case success, failure(String) }
    private let path: String
    private let lock = NSCondition()
    private var requested: Board?
    private var running = false
    private var result: Result?
    private(set) var lastFailed = false
    private(set) var lastError: String?
    private let queue = DispatchQueue(label: "pipedeck.saver", qos: .userInitiated)

    init(path: String) { self.path = path }

    var isBusy: Bool { lock.lock(); defer { lock.unlock() }; return running || requested != nil }
    /// A save is running or queued, or its result has not been collected yet.
    var hasPendingWork: Bool { lock.lock(); defer { lock.unlock() }; return running || requested != nil || result != nil }

    func request(_ board: Board) {
        lock.lock()
        requested = board
        let start = !running
        running = true
        lock.unlock()
        if start { queue.async { self.work() } }
    }

    private func work() {
        while true {
            lock.lock()
            guard let board = requested else {
                running = false
                lock.broadcast()
                lock.unlock()
                return
            }
            requested = nil
            lock.unlock()
            var outcome = Result.success
            do { try BoardFile.save(data: BoardDocument.encode(board), to: path) } catch {
                outcome = .failure(String(describing: error))
            }
            lock.lock()
            result = outcome
            if case .failure(let why) = outcome { lastFailed = true; lastError = why } else { lastFailed = false; lastError = nil }
            lock.unlock()
        }
    }

    func takeResult() -> Result? {
        lock.lock(); defer { lock.unlock() }
        let r = result
        result = nil
        return r
    }

    func waitUntilIdle() {
        lock.lock()
        while running || requested != nil { lock.wait() }
        lock.unlock()
    }
}
