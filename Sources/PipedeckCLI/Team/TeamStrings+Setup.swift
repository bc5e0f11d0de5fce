import PipedeckCore

/// The words of `team init`, `team join`, `merge` and `team log`.
extension Strings.Team {
    // MARK: team init / join

    static func createdRepository(_ top: String) -> String {

        tr(

            "Created a git repository in \(top).",

            "Dépôt git créé dans \(top).")

    }
    static func usingRepository(_ top: String) -> String {
        tr(
            "Using the git repository in \(top).",
            "Utilisation du dépôt git de \(top).")
    }
    static func sharedBoard(_ relative: String) -> String {
        tr(
            "\(relative) is merged deal by deal by Pipedeck (.gitattributes), its lock and temporary files are "
                + "ignored (.gitignore), and it is committed.",
            "\(relative) est fusionné affaire par affaire par Pipedeck (.gitattributes), ses fichiers de verrou et "
                + "temporaires sont ignorés (.gitignore), et il est enregistré.")
    }
    static func pushedTo(_ url: String) -> String {
        tr(
            "Pushed to \(url).",
            "Envoyé vers \(url).")
    }
    static func remoteExists(_ name: String, _ url: String) -> String {
        tr(
            "the repository already has a remote “\(name)” (\(url)); change it with `git remote set-url \(name) URL`",
            "le dépôt a déjà un dépôt distant « \(name) » (\(url)) ; changez-le avec `git remote set-url \(name) URL`"
        )
    }
    static func pushFailed(_ url: String, _ why: String) -> String {
        tr(
            "Not pushed to \(url) (\(why)). The board is committed here; `pipedeck sync` pushes it when the "
                + "remote can be reached.",
            "Non envoyé vers \(url) (\(why)). Le tableau est enregistré ici ; `pipedeck sync` l'enverra quand le "
                + "dépôt distant sera joignable.")
    }
    static var remoteHasHistory: String {
        tr(
            "the remote already has commits of its own: to work on a board shared there, use `pipedeck team join URL`",
            "le dépôt distant a déjà ses propres commits : pour travailler sur un tableau partagé là-bas, utilisez `pipedeck team join URL`"
        )
    }
    static var nextSteps: String {
        tr(
            "Next: run `pipedeck sync` to share your changes and get the team's.",
            "Ensuite : lancez `pipedeck sync` pour partager vos modifications et recevoir celles de l'équipe.")
    }
    static var noRemoteYet: String {
        tr(
            "No remote yet: add the team's with `pipedeck team init --remote URL`.",
            "Pas encore de dépôt distant : ajoutez celui de l'équipe avec `pipedeck team init --remote URL`.")
    }
    static func cloneFailed(_ url: String, _ why: String) -> String {
        tr(
            "could not clone \(url): \(why)",
            "impossible de cloner \(url) : \(why)")
    }
    static func folderExists(_ folder: String) -> String {
        tr(
            "\(folder) already exists and is not empty: give another folder (`pipedeck team join URL FOLDER`)",
            "\(folder) existe déjà et n'est pas vide : donnez un autre dossier (`pipedeck team join URL DOSSIER`)")
    }
    static func joined(_ folder: String) -> String {
        tr(
            "Joined the team in \(folder).",
            "Équipe rejointe dans \(folder).")
    }
    static func openWith(_ board: String) -> String {
        tr(
            "Open the board: pipedeck --file \(TeamRepo.shellQuoted(board))   (or export PIPEDECK_FILE=\(TeamRepo.shellQuoted(board)))",
            "Ouvrez le tableau : pipedeck --file \(TeamRepo.shellQuoted(board))   (ou export PIPEDECK_FILE=\(TeamRepo.shellQuoted(board)))"
        )
    }
    static func noBoardInClone(_ folder: String) -> String {
        tr(
            "Cloned into \(folder), but no file there is merged by Pipedeck (.gitattributes): ask whoever shared "
                + "the board to run `pipedeck team init` on it.",
            "Cloné dans \(folder), mais aucun fichier n'y est fusionné par Pipedeck (.gitattributes) : demandez à "
                + "qui a partagé le tableau de lancer `pipedeck team init` dessus.")
    }

    // MARK: merge

    static func notABoard(_ side: String, _ why: String) -> String {

        tr(

            "\(side) is not a valid board, so nothing was merged (git reports a conflict): \(why)",

            "\(side) n'est pas un tableau valide, rien n'a donc été fusionné (git signale un conflit) : \(why)")

    }
    static func sideName(_ side: String, _ name: String?) -> String {
        guard let name else { return side }
        return tr("\(side) of \(name)", "\(side) de \(name)")
    }
    static var base: String { tr("the common version", "la version commune") }
    static var ours: String { tr("our version", "notre version") }
    static var theirs: String { tr("their version", "leur version") }
    static func mergedWithConflicts(_ name: String, _ n: Int) -> String {
        tr(
            "\(name): \(n == 1 ? "1 field" : "\(n) fields") changed on both sides; the later change kept, "
                + "the other written into the deal's history",
            "\(name) : \(n == 1 ? "1 champ modifié" : "\(n) champs modifiés") des deux côtés ; la plus récente modification "
                + "gardée, l'autre écrite dans l'historique de l'affaire")
    }

    // MARK: team log

    static var months: [String] { Strings.Reports.monthNames }
    static func startedBoard(_ deals: Int) -> String {
        tr(
            "started the team board (\(deals == 1 ? "1 deal" : "\(deals) deals"))",
            "a lancé le tableau d'équipe (\(deals == 1 ? "1 affaire" : "\(deals) affaires"))")
    }
    static var noHistory: String {
        tr(
            "No change to the board in the repository's history (for that period).",
            "Aucune modification du tableau dans l'historique du dépôt (pour cette période).")
    }
    static var stagesLabel: String {
        tr(
            "stages",
            "étapes")
    }
    static var boardLabel: String {
        tr(
            "board",
            "tableau")
    }
}
