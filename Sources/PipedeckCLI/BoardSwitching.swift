import Foundation
import PipedeckCore
import PipedeckStorage
import PipedeckUI

// Switching boards in the interactive board (`b`), and remembering months or quarters (`p` in
// the targets). The state is replaced only through the same steps as at start-up.
extension EventLoop {
    /// Reads the boards (each file is read to count its deals) and opens the switcher on them.
    func listBoards() {
        let entries = BoardShelf.entries(environment)
        state.showBoards(entries, current: BoardShelf.absolutePath(sync.path))
    }

    /// Saves this board (waiting for its saves), then opens the one at `path` in its place. When
    /// this board's changes cannot be saved, or the other board cannot be read, nothing changes
    /// and the bottom line says why.
    func openBoard(_ path: String) {
        if team.isBusy {
            sync.send(.notice(StatusMessage(UIText.boardNotSwitchedSyncing, isError: true)), &state)
            return
        }
        sync.finish(&state)
        if state.hasUnsavedChanges {
            var why = Strings.quitUnsavedReason
            if case .failed(let w) = state.saveState { why = w }
            sync.send(.notice(StatusMessage(UIText.boardNotSwitched(why), isError: true)), &state)
            return
        }
        let version: BoardVersion
        do { version = try BoardSync.load(path: path) } catch {
            sync.send(.notice(StatusMessage(UIText.boardNotOpened(Store.message(of: error)), isError: true)), &state)
            return
        }
        sync.close()
        let size = terminal.size
        var next = AppState(
            board: version.board, fileName: (path as NSString).lastPathComponent, now: .now(), today: Day.today(),
            width: size.width, height: size.height)
        next.zone = state.zone
        next.setPeriod(state.periodKind)
        state = next
        sync = BoardSync(path: path, version: version)
        team = TeamLink(path: path, environment: environment)
        sync.start(&state)
        team.start(sync, &state)
        BoardShelf.remember(path, at: .now(), environment)
        sync.send(.notice(StatusMessage(UIText.boardOpened(version.board.name))), &state)
        terminal.forceRedraw()
    }

    /// Writes `period = month|quarter` into the settings file.
    func rememberPeriod(_ kind: PeriodKind) {
        let places = ThemePlaces(environment: environment)
        let message: String
        do {
            try ThemeConfig.save(key: PeriodSetting.key, value: kind.rawValue, places: places)
            message = UIText.periodRemembered(kind)
        } catch {
            message =
                UIText.periodRemembered(kind) + " " + Strings.Themes.notSaved(places.display(places.configFile), error)
        }
        sync.send(.notice(StatusMessage(message)), &state)
    }
}

extension Strings {
    static var quitUnsavedReason: String {
        tr("the last changes were not written", "les dernières modifications n'ont pas été écrites")
    }
}
