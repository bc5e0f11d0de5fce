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
        if team.isSyncing {
            sync.send(.notice(StatusMessage(UIText.boardNotSwitchedSyncing, isError: true)), &state)
            return
        }
        sync.finish(&state)
        if state.hasUnsavedChanges {
            sync.send(.notice(StatusMessage(UIText.boardNotSwitched(unsavedReason), isError: true)), &state)
            return
        }
        let version: BoardVersion
        do { version = try BoardSync.load(path: path) } catch {
            sync.send(.notice(StatusMessage(UIText.boardNotOpened(Store.message(of: error)), isError: true)), &state)
            return
        }
        sync.close()
        state = EventLoop.openedState(
            version, path: path, size: terminal.size, zone: state.zone, period: state.periodKind)
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

    /// The state of a board just opened (at start-up or from the switcher): today's clock, the
    /// user's time zone and the footer's period.
    static func openedState(
        _ version: BoardVersion, path: String, size: (width: Int, height: Int), zone: TimeZone, period: PeriodKind
    ) -> AppState {
        AppState(
            board: version.board, fileName: (path as NSString).lastPathComponent, now: .now(), today: Day.today(),
            width: size.width, height: size.height, zone: zone, period: period)
    }

    /// Why the board holds changes the file lacks: the failed save's reason, else that they were
    /// not written (said when quitting or switching boards with them).
    var unsavedReason: String {
        if case .failed(let w) = state.saveState { return w }
        return Strings.lastChangesNotWritten
    }
}
