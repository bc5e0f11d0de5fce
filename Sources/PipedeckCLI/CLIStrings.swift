import PipedeckCore

/// The command line's sentences: messages, table headings and the help text of every option.
extension Strings {
    enum CLI {
        // MARK: Command abstracts

        static var rootAbstract: String {
            tr(
                "A sales pipeline as a kanban board in your terminal.",
                "Un pipeline commercial en tableau kanban dans votre terminal.")
        }
        static var rootDiscussion: String {
            tr(
                """
                Without a subcommand, opens the interactive board on the pipeline file.
                The file is --file PATH, else $PIPEDECK_FILE, else $XDG_DATA_HOME/pipedeck/pipeline.json, \
                else ~/.local/share/pipedeck/pipeline.json.
                """,
                """
                Sans sous-commande, ouvre le tableau interactif sur le fichier du pipeline.
                Le fichier est --file CHEMIN, sinon $PIPEDECK_FILE, sinon $XDG_DATA_HOME/pipedeck/pipeline.json, \
                sinon ~/.local/share/pipedeck/pipeline.json.
                """)
        }
        static var demoAbstract: String {
            tr(
                "Write a demo pipeline to a temporary file and open it.",
                "Écrire un pipeline de démonstration dans un fichier temporaire et l'ouvrir.")
        }
        static var demoDiscussion: String {
            tr(
                """
                The demo goes to a new file in $TMPDIR (or /tmp), never to your pipeline file: \
                $PIPEDECK_FILE and the default file are ignored. Give --file to write it somewhere else.
                """,
                """
                La démo va dans un nouveau fichier de $TMPDIR (ou /tmp), jamais dans votre fichier de pipeline : \
                $PIPEDECK_FILE et le fichier par défaut sont ignorés. Donnez --file pour l'écrire ailleurs.
                """)
        }
        static var initAbstract: String { tr("Create a new pipeline file.", "Créer un nouveau fichier de pipeline.") }
        static var addAbstract: String {
            tr(
                "Add a deal; prints only the new deal's id.",
                "Ajouter une affaire ; n'affiche que l'identifiant de la nouvelle affaire.")
        }
        static var listAbstract: String {
            tr("List deals as a table or as JSON.", "Lister les affaires en tableau ou en JSON.")
        }
        static var showAbstract: String {
            tr(
                "Show every field of a deal and its history.",
                "Afficher tous les champs d'une affaire et son historique.")
        }
        static var editAbstract: String { tr("Change the fields of a deal.", "Modifier les champs d'une affaire.") }
        static var editDiscussion: String {
            tr(
                """
                An empty text (e.g. --company "") removes that field; an empty --probability goes back to the \
                stage's, an empty --currency to the board's. --tag replaces all tags. --next replaces the next \
                action (dated with --due, or undated); --due alone changes the date of the current one.
                """,
                """
                Un texte vide (p. ex. --company "") supprime ce champ ; une --probability vide revient à celle de \
                l'étape, une --currency vide à celle du tableau. --tag remplace toutes les étiquettes. --next remplace la \
                prochaine action (datée avec --due, ou sans date) ; --due seul change la date de l'action en cours.
                """)
        }
        static var rmAbstract: String { tr("Delete a deal.", "Supprimer une affaire.") }
        static var moveAbstract: String {
            tr("Move a deal to another stage.", "Déplacer une affaire vers une autre étape.")
        }
        static var wonAbstract: String { tr("Mark a deal as won.", "Marquer une affaire comme gagnée.") }
        static var lostAbstract: String { tr("Mark a deal as lost.", "Marquer une affaire comme perdue.") }
        static var reopenAbstract: String { tr("Reopen a won or lost deal.", "Rouvrir une affaire gagnée ou perdue.") }
        static var summaryAbstract: String {
            tr(
                "Show the pipeline's figures per stage and in total.",
                "Afficher les chiffres du pipeline par étape et au total.")
        }

        // MARK: Option help

        static var helpFile: String {
            tr(
                "The pipeline file (default: $PIPEDECK_FILE, then $XDG_DATA_HOME/pipedeck/pipeline.json; "
                    + "for demo: a new file in $TMPDIR, never $PIPEDECK_FILE).",
                "Le fichier du pipeline (par défaut : $PIPEDECK_FILE, puis $XDG_DATA_HOME/pipedeck/pipeline.json ; "
                    + "pour demo : un nouveau fichier dans $TMPDIR, jamais $PIPEDECK_FILE).")
        }
        static var helpTheme: String {
            tr("A theme name or the path of a theme file.", "Un nom de thème ou le chemin d'un fichier de thème.")
        }
        static var helpNoColor: String { tr("Draw without colours.", "Dessiner sans couleurs.") }
        static var helpNoMouse: String { tr("Do not capture the mouse.", "Ne pas capturer la souris.") }
        static var helpDemoPrint: String {
            tr(
                "Only write the demo file and print its path; do not open it.",
                "Seulement écrire le fichier de démo et afficher son chemin ; ne pas l'ouvrir.")
        }
        static var helpDemoForce: String {
            tr(
                "Replace the file given with --file if it exists.",
                "Remplacer le fichier donné avec --file s'il existe.")
        }
        static var helpTemplate: String {
            tr(
                "The stages to start with: standard or five-step.",
                "Les étapes de départ : standard ou five-step (cinq étapes).")
        }
        static var helpInitDemo: String {
            tr(
                "Fill the new file with the demo pipeline.",
                "Remplir le nouveau fichier avec le pipeline de démonstration.")
        }
        static var helpCurrency: String {
            tr(
                "The board's currency as an ISO 4217 code (default EUR).",
                "La devise du tableau, en code ISO 4217 (EUR par défaut).")
        }
        static var helpName: String { tr("The board's name.", "Le nom du tableau.") }
        static var helpForce: String {
            tr("Replace the file if it already exists.", "Remplacer le fichier s'il existe déjà.")
        }
        static var helpTitleArg: String { tr("The deal's title.", "Le titre de l'affaire.") }
        static var helpValue: String {
            tr(
                "The deal's value: a plain number such as 12500, 12500.50 or 12500,50.",
                "La valeur de l'affaire : un nombre simple comme 12500, 12500.50 ou 12500,50.")
        }
        static var helpStage: String {
            tr(
                "A stage id, name or 1-based position (add: default the first stage).",
                "Un identifiant, un nom ou une position (à partir de 1) d'étape (add : la première étape par défaut).")
        }
        static var helpProbability: String {
            tr(
                "The deal's own win probability in percent, 0 to 100 (default: its stage's).",
                "La probabilité de conclusion propre à l'affaire, en pour cent, de 0 à 100 (par défaut : celle de son étape)."
            )
        }
        static var helpCompany: String { tr("The customer's company.", "L'entreprise du client.") }
        static var helpContact: String { tr("The contact person.", "La personne à contacter.") }
        static var helpOwner: String { tr("Who owns the deal.", "Le commercial responsable de l'affaire.") }
        static var helpSource: String { tr("Where the deal came from.", "D'où vient l'affaire (source du prospect).") }
        static var helpTag: String {
            tr(
                "A tag; repeat the option for several tags.",
                "Une étiquette ; répétez l'option pour plusieurs étiquettes.")
        }
        static var helpClose: String {
            tr("Expected close date, YYYY-MM-DD.", "Date de conclusion prévue, AAAA-MM-JJ ou JJ/MM/AAAA.")
        }
        static var helpNext: String { tr("The next action's text.", "Le texte de la prochaine action.") }
        static var helpDue: String {
            tr(
                "The next action's due date, YYYY-MM-DD.",
                "L'échéance de la prochaine action, AAAA-MM-JJ ou JJ/MM/AAAA.")
        }
        static var helpDealCurrency: String {
            tr(
                "The deal's currency when it differs from the board's, e.g. USD.",
                "La devise de l'affaire quand elle diffère de celle du tableau, p. ex. USD.")
        }
        static var helpNotes: String { tr("Free-form notes.", "Notes libres.") }
        static var helpEditTitle: String { tr("A new title.", "Un nouveau titre.") }
        static var helpEditValue: String {
            tr("A new value (same forms as for add).", "Une nouvelle valeur (mêmes formes que pour add).")
        }
        static var helpClearTags: String { tr("Remove all tags.", "Supprimer toutes les étiquettes.") }
        static var helpClearNext: String { tr("Remove the next action.", "Supprimer la prochaine action.") }
        static var helpClearClose: String {
            tr("Remove the expected close date.", "Supprimer la date de conclusion prévue.")
        }
        static var helpID: String {
            tr(
                "A deal id or any unique beginning of one.",
                "Un identifiant d'affaire ou tout début unique d'identifiant.")
        }
        static var helpMoveStage: String {
            tr(
                "A stage id, name (any case), 1-based position, next or prev.",
                "Un identifiant d'étape, un nom (majuscules indifférentes), une position à partir de 1, next ou prev.")
        }
        static var helpReason: String { tr("Why the deal was lost.", "Pourquoi l'affaire a été perdue.") }
        static var helpListStage: String {
            tr(
                "Only deals in this stage (id, name or position).",
                "Seulement les affaires de cette étape (identifiant, nom ou position).")
        }
        static var helpListOwner: String {
            tr(
                "Only deals of this owner (any case).",
                "Seulement les affaires de ce commercial (majuscules indifférentes).")
        }
        static var helpListSource: String {
            tr(
                "Only deals from this source (any case).",
                "Seulement les affaires de cette source (majuscules indifférentes).")
        }
        static var helpListTag: String {
            tr(
                "Only deals with this tag (any case).",
                "Seulement les affaires avec cette étiquette (majuscules indifférentes).")
        }
        static var helpStatus: String {
            tr(
                "Which deals: open, won, lost or all.",
                "Quelles affaires : open (ouvertes), won (gagnées), lost (perdues) ou all (toutes).")
        }
        static var helpSort: String {
            tr(
                "Order: rank (stage then column order), value, weighted, probability, close (soonest first), age (longest in its stage first), due (next action, soonest first), score (qualification, best first), title or company (alphabetical).",
                "Ordre : rank (étape puis ordre de la colonne), value (valeur), weighted (pondérée), probability, close (la plus proche d'abord), age (la plus ancienne dans son étape d'abord), due (prochaine action, la plus proche d'abord), score (qualification, la meilleure d'abord), title ou company (ordre alphabétique)."
            )
        }
        static var helpJSON: String { tr("Write JSON instead of text.", "Écrire du JSON au lieu de texte.") }

        static var helpLang: String {
            tr(
                "The language of the words: fr or en (default: $PIPEDECK_LANG, then lang = in the settings file, "
                    + "then LC_ALL, LC_MESSAGES or LANG).",
                "La langue des mots : fr ou en (par défaut : $PIPEDECK_LANG, puis lang = dans le fichier de réglages, "
                    + "puis LC_ALL, LC_MESSAGES ou LANG).")
        }

        // MARK: Errors

        static func badLanguage(_ got: String) -> String {
            optionError("--lang", got, tr("expected fr or en", "attendu : fr ou en"))
        }
        static func badLanguageSetting(_ place: String, _ got: String) -> String {
            tr(
                "\(place): expected fr or en (got \"\(got)\"); the language is decided without it",
                "\(place) : attendu : fr ou en (reçu « \(got) ») ; la langue est choisie sans en tenir compte")
        }

        static func noFile(_ path: String) -> String {
            tr(
                "no pipeline file at \(path); create one with `pipedeck init` (add --demo for sample deals), "
                    + "or try `pipedeck demo` to explore a demo board",
                "aucun fichier de pipeline en \(path) ; créez-en un avec `pipedeck init` (ajoutez --demo pour des "
                    + "affaires d'exemple), ou essayez `pipedeck demo` pour découvrir un tableau de démonstration")
        }
        static func alreadyExists(_ path: String) -> String {
            tr(
                "\(path) already exists; nothing was written. Add --force to replace it, or choose another file with --file.",
                "\(path) existe déjà ; rien n'a été écrit. Ajoutez --force pour le remplacer, ou choisissez un autre fichier avec --file."
            )
        }
        static func optionError(_ option: String, _ got: String, _ expected: String) -> String {
            tr("\(option): \(expected) (got \"\(got)\")", "\(option) : \(expected) (reçu « \(got) »)")
        }
        static func optionProblem(_ option: String, _ problem: String) -> String {
            tr("\(option): \(problem)", "\(option) : \(problem)")
        }
        static var noSign: String {
            tr(
                "expected a plain number such as 12500 or 12500.50, without a sign",
                "attendu : un nombre simple comme 12500 ou 12500,50, sans signe")
        }
        static var notTwoDecimalsComma: String {
            tr(
                "expected a number such as 12500, 12500.50 or 12500,50 (no thousands separators)",
                "attendu : un nombre comme 12500, 12500,50 ou 12500.50 (sans séparateur de milliers)")
        }
        static var dueWithoutNext: String {
            tr(
                "--due needs --next: give the next action's text too, e.g. --next \"Call back\" --due 2026-06-01",
                "--due demande --next : donnez aussi le texte de la prochaine action, p. ex. --next \"Rappeler\" --due 2026-06-01"
            )
        }
        static var dueWithoutAction: String {
            tr(
                "--due: the deal has no next action; give its text with --next",
                "--due : l'affaire n'a pas de prochaine action ; donnez son texte avec --next")
        }
        static func conflicting(_ a: String, _ b: String) -> String {
            tr("\(a) and \(b) cannot be used together", "\(a) et \(b) ne peuvent pas être utilisés ensemble")
        }
        static func unknownStage(_ ref: String, _ stages: [Stage]) -> String {
            let list = stages.enumerated().map { "\($0.offset + 1) \($0.element.id) (\($0.element.name))" }
            return tr(
                "no stage is called \"\(ref)\"; use a stage id, name or position: \(list.joined(separator: ", "))",
                "aucune étape ne s'appelle « \(ref) » ; utilisez un identifiant, un nom ou une position d'étape : \(list.joined(separator: ", "))"
            )
        }
        static func unknownMoveTarget(_ ref: String, _ stages: [Stage]) -> String {
            tr(unknownStage(ref, stages) + ", or next / prev", unknownStage(ref, stages) + ", ou next / prev")
        }
        static func unknownDeal(_ ref: String) -> String {
            tr(
                "no deal has an id starting with \"\(ref)\"; run `pipedeck list --status all` to see the ids",
                "aucune affaire n'a d'identifiant commençant par « \(ref) » ; lancez `pipedeck list --status all` pour voir les identifiants"
            )
        }
        /// One line: the first candidates (id and title), then how many more.
        static func ambiguousDeal(_ ref: String, _ candidates: [String]) -> String {
            let shown = candidates.prefix(10).joined(separator: ", ")
            let more = tr(
                candidates.count > 10 ? " and \(candidates.count - 10) more" : "",
                candidates.count > 10 ? " et \(candidates.count - 10) de plus" : "")
            return tr(
                "\"\(ref)\" matches \(candidates.count) deals (\(shown)\(more)); type more characters of the id",
                "« \(ref) » correspond à \(candidates.count) affaires (\(shown)\(more)) ; tapez plus de caractères de l'identifiant"
            )
        }
        static var noStagesOnBoard: String {
            tr(
                "the board has no stages; add stages to the file, or run: pipedeck init --force",
                "le tableau n'a aucune étape ; ajoutez des étapes au fichier, ou lancez : pipedeck init --force")
        }
        static func badTemplate(_ t: String) -> String {
            optionError(
                "--template", t,
                tr("expected one of: ", "attendu l'un de : ")
                    + Template.allCases.map(\.rawValue).joined(separator: ", "))
        }
        static var demoIsStandard: String {
            tr(
                "--demo always uses the standard template in EUR; leave out --template and --currency",
                "--demo utilise toujours le modèle standard en EUR ; retirez --template et --currency")
        }
        static func badChoice(_ option: String, _ got: String, _ choices: [String]) -> String {
            optionError(option, got, tr("expected one of: ", "attendu l'un de : ") + choices.joined(separator: ", "))
        }
        static func emptyName(_ option: String) -> String {
            tr("\(option): the name cannot be empty", "\(option) : le nom ne peut pas être vide")
        }

        // MARK: Usage errors (the argument parser's, reworded)

        static func usageHint(_ usage: String, _ command: String) -> String {
            tr("usage: \(usage) (more: \(command) --help)", "usage : \(usage) (plus : \(command) --help)")
        }
        /// "The deal's value: a plain number such as 12500." → "the deal's value: a plain number such as 12500"
        static func expectedFromHelp(_ help: String) -> String {
            var t = help.trimmingCharacters(in: .whitespaces)
            while t.hasSuffix(".") { t.removeLast() }
            // Lower-case the first word unless it is written in capitals ("ID", "CSV").
            let word = t.prefix { $0.isLetter }
            if word.count == 1 || word.contains(where: \.isLowercase) {
                return t.prefix(1).lowercased() + t.dropFirst()
            }
            return t
        }
        static func missingArgument(_ expected: String?) -> String {
            tr(
                expected.map { "missing; expected \($0)" } ?? "missing",
                expected.map { "manquant ; attendu : \($0)" } ?? "manquant")
        }
        static func missingValue(_ expected: String?) -> String {
            tr(
                expected.map { "missing its value; expected \($0)" } ?? "missing its value",
                expected.map { "valeur manquante ; attendu : \($0)" } ?? "valeur manquante")
        }
        static func unknownOption(suggestion: String?) -> String {
            tr(
                suggestion.map { "no such option; did you mean \($0)?" } ?? "no such option",
                suggestion.map { "option inconnue ; vouliez-vous dire \($0) ?" } ?? "option inconnue")
        }
        static func unknownCommand(_ got: String, _ commands: [String]) -> String {
            tr(
                "no command is called \"\(got)\"; the commands are: \(commands.joined(separator: ", "))",
                "aucune commande ne s'appelle « \(got) » ; les commandes sont : \(commands.joined(separator: ", "))")
        }
        static func unexpectedArguments(_ args: [String]) -> String {
            let list = args.map { "\"\($0)\"" }.joined(separator: ", ")
            return tr(
                args.count == 1 ? "unexpected argument \(list)" : "unexpected arguments \(list)",
                args.count == 1 ? "argument inattendu \(list)" : "arguments inattendus \(list)")
        }
        static var aValidValue: String { tr("expected a valid value", "attendu : une valeur valide") }
        static var noValueTaken: String { tr("takes no value", "ne prend pas de valeur") }
        static var givenTwice: String { tr("given more than once", "donnée plus d'une fois") }
        static var missingCommand: String { tr("a command is missing", "il manque une commande") }
        static func noTempFile(_ dir: String) -> String {
            tr(
                "could not find a free file name for the demo in \(dir)",
                "impossible de trouver un nom de fichier libre pour la démo dans \(dir)")
        }
    }
}
