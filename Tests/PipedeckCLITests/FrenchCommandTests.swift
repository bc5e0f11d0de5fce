import Foundation
import XCTest

@testable import PipedeckCLI
@testable import PipedeckCore

/// Choosing the language, and the command line in French.
final class LanguageChoiceTests: XCTestCase {
    func decide(_ args: [String] = [], _ env: [String: String] = [:], settings: String? = nil) -> Language? {
        try? LanguageChoice.decide(arguments: args, environment: env, settings: settings).get().language
    }

    func testWhatDecidesAndInWhichOrder() {
        XCTAssertEqual(decide(), .english)
        XCTAssertEqual(decide([], ["LANG": "C.UTF-8"]), .english)
        XCTAssertEqual(decide([], ["LANG": "fr_FR.UTF-8"]), .french)
        XCTAssertEqual(decide([], ["LANG": "fr_CA"]), .french)
        // LC_ALL, then LC_MESSAGES, then LANG: the first one set decides.
        XCTAssertEqual(decide([], ["LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"]), .english)
        XCTAssertEqual(decide([], ["LANG": "en_US.UTF-8", "LC_ALL": "fr_BE.UTF-8"]), .french)
        // The settings file before the locale, $PIPEDECK_LANG before both, --lang before all.
        XCTAssertEqual(decide([], ["LANG": "C.UTF-8"], settings: "theme = dusk\nlang = fr\n"), .french)
        XCTAssertEqual(decide([], ["PIPEDECK_LANG": "en", "LANG": "fr_FR"], settings: "lang = fr"), .english)
        XCTAssertEqual(decide(["list", "--lang", "fr"], ["PIPEDECK_LANG": "en"]), .french)
        XCTAssertEqual(decide(["--lang=en", "list"], ["PIPEDECK_LANG": "fr"]), .english)
        // After "--" it is an argument, not the option.
        XCTAssertEqual(decide(["add", "--", "--lang", "fr"]), .english)
    }

    func testABadValueIsSaid() throws {
        guard
            case .failure(let f) = LanguageChoice.decide(arguments: ["--lang", "de"], environment: [:], settings: nil)
        else { return XCTFail("--lang de was accepted") }
        XCTAssertEqual(f.message, "--lang: expected fr or en (got \"de\")")
        let o = try LanguageChoice.decide(
            arguments: [], environment: ["PIPEDECK_LANG": "klingon", "LANG": "fr_FR.UTF-8"], settings: "lang = xx"
        ).get()
        XCTAssertEqual(o.language, .french)
        XCTAssertEqual(
            o.warnings,
            [
                "PIPEDECK_LANG: expected fr or en (got \"klingon\"); the language is decided without it",
                "lang (line 1): expected fr or en (got \"xx\"); the language is decided without it",
            ])
    }

    func testTheOptionIsTakenOutBeforeParsing() {
        XCTAssertEqual(LanguageChoice.removingOption(["themes", "--lang", "fr", "--plain"]), ["themes", "--plain"])
        XCTAssertEqual(LanguageChoice.removingOption(["--lang=fr", "list"]), ["list"])
        XCTAssertEqual(LanguageChoice.removingOption(["add", "--", "--lang", "fr"]), ["add", "--", "--lang", "fr"])
    }
}

final class FrenchCommandTests: CLITestCase {
    let fr = ["LANG": "fr_FR.UTF-8"]

    func testTheStandardTemplateInFrenchKeepsTheStageIDs() throws {
        let made = run(["init", "--file", file], env: fr)
        XCTAssertTrue(made.stdout.contains("créé avec le modèle standard (7 étapes)"), made.stdout + made.stderr)
        let board = try String(contentsOfFile: file, encoding: .utf8)
        for name in [
            "Génération de prospects", "Qualification", "Analyse des besoins", "Proposition", "Négociation",
            "Conclusion", "Suivi après-vente", "Plus de nouvelles",
        ] {
            XCTAssertTrue(board.contains("\"\(name)\""), name)
        }
        for id in ["lead", "qualification", "needs", "proposal", "negotiation", "closing", "won"] {
            XCTAssertTrue(board.contains("\"id\": \"\(id)\""), id)
        }
        // The same board in English: the ids are what commands use.
        ok(["add", "Contrat", "--value", "1000", "--stage", "needs", "--file", file])
        XCTAssertTrue(ok(["list", "--file", file]).stdout.contains("Analyse des"))
    }

    func testFiveStepTemplateInFrench() throws {
        run(["init", "--template", "five-step", "--file", file, "--lang", "fr"])
        let board = try String(contentsOfFile: file, encoding: .utf8)
        for name in ["Prospection", "Qualification", "Présentation", "Proposition", "Conclusion", "Gagnée"] {
            XCTAssertTrue(board.contains("\"\(name)\""), name)
        }
    }

    func testOutputAndErrorsInFrench() throws {
        ok(["init", "--demo", "--file", file])
        let list = run(["list", "--file", file], env: fr).stdout
        XCTAssertTrue(list.contains("ÉTAPE") && list.contains("PONDÉRÉE") && list.contains("4\u{202F}800 €"), list)
        XCTAssertTrue(list.contains("10\u{202F}%"), list)
        let summary = run(["summary", "--file", file], env: ["PIPEDECK_LANG": "fr"]).stdout
        XCTAssertTrue(summary.contains("Ouvertes  20 affaires"), summary)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        let bad = run(["add", "X", "--value", "12.500", "--file", file], env: fr)
        XCTAssertEqual(bad.status, 1)
        XCTAssertEqual(
            bad.stderr,
            "pipedeck: --value\u{A0}: ambigu\u{A0}: 12,50 ou 12\u{202F}500\u{202F}? tapez 12,50 ou 12500 (reçu «\u{A0}12.500\u{A0}»)\n"
        )
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before)
        let lang = run(["list", "--lang", "de", "--file", file])
        XCTAssertEqual(lang.status, 1)
        XCTAssertEqual(lang.stderr, "pipedeck: --lang: expected fr or en (got \"de\")\n")
    }

    func testFrenchNumbersAndDatesAreAccepted() throws {
        ok(["init", "--file", file])
        let id = run(
            [
                "add", "Devis", "--value", "12500,50", "--probability", "35,5", "--next", "Rappeler", "--due",
                "03/12/2026",
                "--file", file,
            ], env: fr
        ).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(id.isEmpty)
        let shown = ok(["list", "--json", "--file", file]).stdout
        XCTAssertTrue(shown.contains("12500.5") && shown.contains("35.5") && shown.contains("2026-12-03"), shown)
        // In English a day is written the ISO way.
        let english = run(["edit", id, "--due", "03/12/2026", "--file", file])
        XCTAssertEqual(english.status, 1, english.stderr)
    }

    func testHelpInFrench() {
        let help = run(["--help"], env: fr).stdout
        XCTAssertTrue(help.contains("Un pipeline commercial en tableau kanban dans votre terminal."), help)
        XCTAssertTrue(help.contains("--lang <fr|en>"), help)
        XCTAssertTrue(run(["add", "--help"], env: fr).stdout.contains("La valeur de l'affaire"))
        // The parser's own words are said in French too (HelpWords), in every help.
        for args in [["--help"], ["add", "--help"], ["help", "report"], ["report", "-h"]] {
            let text = run(args, env: fr).stdout
            for english in [
                "OVERVIEW", "USAGE:", "OPTIONS:", "SUBCOMMANDS", "Show help", "Show the version", "(default:",
            ] {
                XCTAssertFalse(text.contains(english), "\(args): \(english) in\n\(text)")
            }
            XCTAssertTrue(text.contains("USAGE :") && text.contains("OPTIONS :"), "\(args):\n\(text)")
        }
        XCTAssertTrue(help.contains("APERÇU : Un pipeline") && help.contains("SOUS-COMMANDES :"), help)
        XCTAssertTrue(help.contains("  -h, --help              Afficher l'aide."), help)
        XCTAssertTrue(help.contains("Voir « pipedeck help <sous-commande> » pour l'aide détaillée."), help)
        XCTAssertTrue(run(["report", "--help"], env: fr).stdout.contains("(6 par défaut)"))
        // In English the parser's help is untouched.
        let english = run(["--help"]).stdout
        XCTAssertTrue(english.contains("OVERVIEW: A sales pipeline as a kanban board in your terminal."), english)
        XCTAssertTrue(english.contains("Show help information.") && english.contains("SUBCOMMANDS:"), english)
        XCTAssertTrue(run(["themes", "--lang", "fr", "--plain"]).status == 0)
    }
}
