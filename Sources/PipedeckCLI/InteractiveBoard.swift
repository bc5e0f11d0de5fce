import Foundation
import PipedeckCore
import PipedeckRender
import PipedeckStorage
import PipedeckTerminal
import PipedeckUI

/// Opens the interactive board on a file: the event loop that joins the terminal, the
/// reducer, the renderer and the saver. It runs on the main thread, which owns the terminal
/// and the state; saves run in the background and come back as events (`BoardSync`).
@MainActor
public enum InteractiveBoard {
    public struct Options: Sendable {
        public var path: String
        public var theme: String?
        public var noColor: Bool
        public var mouse: Bool
        /// Whether the board joins the recent boards (`BoardShelf`) once it is on the screen.
        public var remember = false
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
        let utf8 = Terminal.prepareLocale()
        let terminal: Terminal
        do { terminal = try Terminal(mouse: options.mouse) } catch {
            FileHandle.standardError.write(Data(("pipedeck: " + String(describing: error) + "\n").utf8))
            return 1
        }
        // A file size limit makes a save fail with an error instead of killing the process.
        signal(SIGXFSZ, SIG_IGN)
        let loop = EventLoop(options: options, version: version, terminal: terminal, utf8: utf8)
        return loop.run()
    }
}

/// The interactive board's loop: draw, wait for a key (or a save's outcome, or two idle
/// seconds), send it through the reducer, carry out the effects.
@MainActor
final class EventLoop {
    let terminal: Terminal
    let themes: ThemeSession
    let renderOptions: RenderOptions
    let environment: [String: String]
    /// Read-only marker, another Pipedeck on the same file, saves, changes made elsewhere.
    var sync: BoardSync
    /// Who I am, syncs with the team's git remote (Team/TeamLink.swift).
    var team: TeamLink
    var state: AppState
    /// `q` was pressed with changes not saved: the next `q` quits anyway.
    var quitArmed = false
    /// The board to write into the recent boards after the first frame (kept off the way to it:
    /// the write ends with two fsyncs); nil once done or when not asked.
    private var rememberAfterFirstFrame: String?

    init(options: InteractiveBoard.Options, version: BoardVersion, terminal: Terminal, utf8: Bool) {
        let env = ProcessInfo.processInfo.environment
        self.terminal = terminal
        environment = env
        // --theme, $PIPEDECK_THEME, the settings file; monochrome for NO_COLOR / --no-color (Themes.swift).
        themes = ThemeSession(
            flag: options.theme, noColor: options.noColor, colorCount: terminal.colorCount, environment: env)
        renderOptions = RenderOptions(
            glyphs: utf8 ? .unicode : .ascii,
            locale: Language.current.defaultNumberLocale(environment: MoneyFormatter.environmentLocale(env)))
        // The user's clock (`.current`): which day a win or an activity falls on.
        state = EventLoop.openedState(
            version, path: options.path, size: terminal.size, zone: .current, period: PeriodSetting.configured(env))
        sync = BoardSync(path: options.path, version: version)
        rememberAfterFirstFrame = options.remember ? options.path : nil
        team = TeamLink(path: options.path, environment: env)
        if let m = themes.startupMessage { sync.send(.notice(m), &state) }
        sync.start(&state)
        team.start(sync, &state)
    }

    /// Runs until the person quits or a signal ends the program; returns the exit status.
    func run() -> Int32 {
        var status: Int32 = 0
        var redraw = true
        loop: while true {
            if sync.collect(&state) { redraw = true }
            if team.collect(sync, &state) { redraw = true }
            if redraw { draw() }
            if let path = rememberAfterFirstFrame {
                rememberAfterFirstFrame = nil
                BoardShelf.remember(path, at: .now(), environment)
            }
            redraw = true
            // Wait for a key; while idle, wake every two seconds to look at the file (one stat).
            let timeout = min(sync.readTimeout, team.readTimeout ?? Int.max)
            switch terminal.readEvent(timeoutMilliseconds: timeout) {
            case .timeout:
                redraw = tick()
            case .terminate(let sig):
                status = 128 + sig
                break loop
            case .key(let key):
                if !press(key) { break loop }
            }
        }
        sync.finish(&state)
        let synced = team.finish(sync, &state, draw: draw)
        sync.close()
        terminal.restore()
        if let synced { print(Strings.quitSynced(synced)) }
        if state.hasUnsavedChanges {
            FileHandle.standardError.write(Data((Strings.quitWithUnsaved(unsavedReason) + "\n").utf8))
            if status == 0 { status = 1 }
        }
        return status
    }

    private func draw() {
        let frame = BoardRenderer.render(state, options: renderOptions)
        terminal.draw(frame.grid, style: themes.theme.style, cursor: frame.cursor)
        _ = perform(sync.send(.drawn, &state))
    }

    /// Nothing was pressed for a while: the clock moves on (midnight changes markers and sorts),
    /// the file is looked at. Returns whether anything changed.
    private func tick() -> Bool {
        let day = state.today
        state.setClock(now: .now(), today: Day.today())
        team.tick(sync, &state)
        return sync.idle(&state) || state.today != day
    }

    /// Returns false when the key quits.
    private func press(_ key: Key) -> Bool {
        if case .resize = key {
            let s = terminal.size
            state.resize(width: s.width, height: s.height)
        }
        state.setClock(now: .now(), today: Day.today())
        let effects = sync.press(key, &state)
        if !effects.contains(.quit) { quitArmed = false }
        return perform(effects)
    }

    /// Carries out the effects the reducer asked for (saves are taken by `BoardSync.send`).
    /// Returns false when one of them quits.
    private func perform(_ effects: [Effect]) -> Bool {
        for effect in effects {
            switch effect {
            case .save: break
            case .redrawAll: terminal.forceRedraw()
            case .suspend: terminal.suspend()
            case .discardTypeahead: terminal.discardTypeahead()
            case .sync: team.request(sync, &state)
            case .copyToClipboard(let text): terminal.copyToClipboard(text)
            case .editNotes(let id): editNotes(id)
            case .listBoards: listBoards()
            case .openBoard(let path): openBoard(path)
            case .rememberPeriod(let kind): rememberPeriod(kind)
            case .cycleTheme:
                sync.send(.notice(themes.cycle()), &state)
                terminal.themeChanged()
            case .quit:
                if !mayQuit() { continue }
                return false
            }
        }
        return true
    }

    private func editNotes(_ id: String) {
        guard let deal = state.board.deal(id) else { return }
        let edited = NotesEditor.edit(deal.notes ?? "", title: deal.title, environment: environment, terminal: terminal)
        switch edited {
        case .success(let text):
            sync.send(.notesEdited(dealID: id, text: text), &state)
        case .failure(let why):
            sync.send(.notice(StatusMessage(UIText.editorFailed(why.message), isError: true)), &state)
        }
    }

    /// Lets running saves end; with changes still not saved, the first `q` only says so.
    private func mayQuit() -> Bool {
        sync.finish(&state)
        guard state.hasUnsavedChanges, !quitArmed else { return true }
        quitArmed = true
        sync.send(.notice(StatusMessage(Strings.quitUnsaved, isError: true)), &state)
        return false
    }
}

extension Strings {
    static var lastChangesNotWritten: String {
        tr("the last changes were not written", "les dernières modifications n'ont pas été écrites")
    }
    static var quitUnsaved: String {
        tr(
            "Your last changes are NOT saved. Press q again to quit anyway, or fix the problem and make a change to retry.",
            "Vos dernières modifications ne sont PAS enregistrées. Appuyez de nouveau sur q pour quitter quand même, "
                + "ou corrigez le problème et faites une modification pour réessayer.")
    }
    static func quitWithUnsaved(_ why: String) -> String {
        tr(
            "pipedeck: quit with unsaved changes: \(why)",
            "pipedeck : sortie avec des modifications non enregistrées : \(why)")
    }
    static func quitSynced(_ said: String) -> String { tr("pipedeck: \(said)", "pipedeck : \(said)") }
}
