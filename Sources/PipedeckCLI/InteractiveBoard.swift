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
        let version: BoardVersion
        do { version = try BoardSync.load(path: options.path) } catch {
            FileHandle.standardError.write(Data(("pipedeck: " + Store.message(of: error) + "\n").utf8))
            return 2
        }
        let env = ProcessInfo.processInfo.environment
        let utf8 = Terminal.prepareLocale()
        let terminal: Terminal
        do { terminal = try Terminal(mouse: options.mouse) } catch {
            FileHandle.standardError.write(Data(("pipedeck: " + String(describing: error) + "\n").utf8))
            return 1
        }
        // --theme, $PIPEDECK_THEME, the settings file; monochrome for NO_COLOR / --no-color (Themes.swift).
        let themes = ThemeSession(
            flag: options.theme, noColor: options.noColor, colorCount: terminal.colorCount, environment: env)
        let renderOptions = RenderOptions(
            glyphs: utf8 ? .unicode : .ascii, locale: MoneyFormatter.environmentLocale(env))
        let size = terminal.size
        var state = AppState(
            board: version.board, fileName: (options.path as NSString).lastPathComponent,
            now: .now(), today: Day.today(), width: size.width, height: size.height)
        state.zone = .current
        if let m = themes.startupMessage { state.message = m }
        // Read-only marker, another Pipedeck on the same file, changes made elsewhere (BoardSync.swift).
        let sync = BoardSync(path: options.path, version: version)
        sync.start(&state)
        defer { sync.close() }
        // A file size limit makes a save fail with an error instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        var quitArmed = false
        var status: Int32 = 0
        var redraw = true

        loop: while true {
            if sync.collect(&state) { redraw = true }
            if redraw {
                let frame = BoardRenderer.render(state, options: renderOptions)
                terminal.draw(frame.grid, style: themes.theme.style, cursor: frame.cursor)
                // Keys typed before a board changed elsewhere was shown were meant for the old one.
                if sync.takeReplacedUnseen(state) { terminal.discardTypeahead() }
            }
            redraw = true
            // Wait for a key; while idle, wake every two seconds to look at the file (one stat).
            let event = terminal.readEvent(timeoutMilliseconds: sync.readTimeout)
            switch event {
            case .timeout:
                let day = state.today
                state.setClock(now: .now(), today: Day.today())
                redraw = sync.idle(&state) || state.today != day
                continue
            case .terminate(let sig):
                status = 128 + sig
                break loop
            case .key(let key):
                if case .resize = key {
                    let s = terminal.size
                    state.resize(width: s.width, height: s.height)
                }
                state.setClock(now: .now(), today: Day.today())
                // A file changed elsewhere is reloaded (or merged) and shown before a key acts on it.
                guard sync.admit(key, &state) else { continue }
                let effects = state.handle(key)
                if !effects.contains(.quit) { quitArmed = false }
                for effect in effects {
                    switch effect {
                    case .save: sync.save(&state)
                    case .redrawAll: terminal.forceRedraw()
                    case .copyToClipboard(let text): terminal.copyToClipboard(text)
                    case .suspend: terminal.suspend()
                    case .editNotes(let id):
                        guard let deal = state.board.deal(id) else { break }
                        switch NotesEditor.edit(
                            deal.notes ?? "", title: deal.title, environment: env, terminal: terminal)
                        {
                        case .success(let text):
                            for e in state.setNotes(dealID: id, text) where e == .save { sync.save(&state) }
                        case .failure(let why):
                            state.message = StatusMessage(UIText.editorFailed(why.message), isError: true)
                        }
                    case .cycleTheme:
                        state.message = themes.cycle()
                        terminal.themeChanged()
                    case .quit:
                        sync.finish(&state)
                        if BoardSync.hasUnsaved(state), !quitArmed {
                            quitArmed = true
                            state.message = StatusMessage(Strings.quitUnsaved, isError: true)
                            continue
                        }
                        break loop
                    }
                }
            }
        }
        sync.finish(&state)
        terminal.restore()
        if BoardSync.hasUnsaved(state) {
            var why = "the last changes were not written"
            if case .failed(let w) = state.saveState { why = w }
            FileHandle.standardError.write(Data((Strings.quitWithUnsaved(why) + "\n").utf8))
            if status == 0 { status = 1 }
        }
        return status
    }
}

extension Strings {
    static let quitUnsaved =
        "Your last changes are NOT saved. Press q again to quit anyway, or fix the problem and make a change to retry."
    static func quitWithUnsaved(_ why: String) -> String { "pipedeck: quit with unsaved changes: \(why)" }
}
