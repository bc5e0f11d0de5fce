import Foundation
import PipedeckCore
import PipedeckTerminal
import PipedeckUI

/// Opens a deal's notes in the user's editor ($VISUAL, then $EDITOR, then vi) and returns the text.
/// On the main thread, which owns the terminal the editor borrows.
@MainActor
enum NotesEditor {
    struct Failure: Error { var message: String }

    static func edit(_ text: String, title: String, environment env: [String: String], terminal: Terminal) -> Result<
        String, Failure
    > {
        let editor =
            [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            ?? "vi"
        let dir = FileManager.default.temporaryDirectory
        let safe = String(
            title.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : "-" }.prefix(40))
        let url = dir.appendingPathComponent("pipedeck-notes-\(getpid())-\(safe).md")
        do {
            try Data(text.utf8).write(to: url, options: [.atomic])
            chmod(url.path, 0o600)
        } catch {
            return .failure(Failure(message: error.localizedDescription))
        }
        defer { try? FileManager.default.removeItem(at: url) }
        // Through the shell, so "code --wait" or "emacs -nw" work as the user wrote them; run in
        // the foreground process group so that the editor can read the keyboard.
        var status: Int32 = -1
        var launchError: String?
        do {
            status = try terminal.runProgram(
                "/bin/sh", arguments: ["-c", editor + " \"$1\"", "pipedeck-editor", url.path], environment: env)
        } catch {
            launchError = String(describing: error)
        }
        if let e = launchError { return .failure(Failure(message: e)) }
        guard status == 0 else {
            return .failure(
                Failure(
                    message: tr(
                        "\(editor) exited with status \(status); the notes are unchanged",
                        "\(editor) s'est terminé avec le code \(status) ; les notes sont inchangées")))
        }
        guard let data = FileManager.default.contents(atPath: url.path), let new = String(data: data, encoding: .utf8)
        else {
            return .failure(
                Failure(
                    message: tr(
                        "the edited notes are not readable UTF-8; the notes are unchanged",
                        "les notes modifiées ne sont pas de l'UTF-8 lisible ; les notes sont inchangées")))
        }
        return .success(new)
    }
}
