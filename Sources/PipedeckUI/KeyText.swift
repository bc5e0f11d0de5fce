/// The words of the key tables that are not one binding's own: how classes of keys are
/// written, shared descriptions, and each key sheet's title and where its screen is reached.
public enum KeyText {
    public static func classLabel(_ c: KeyClass) -> String {
        switch c {
        case .digit: return "0–9"
        case .number: return "1–9"
        case .character: return characters
        case .anyKey: return "any other key"
        }
    }
    public static let characters = "characters"
    public static let aLetter = "a letter"
    public static let otherKeys = "other keys"

    public static let quit = "quit"
    public static let scrollUp = "scroll up"
    public static let scrollDown = "scroll down"
    public static let pageUp = "one screen up"
    public static let pageDown = "one screen down"
    public static let helpHere = "the keys of this screen"

    public static let boardTitle = "Board"
    public static let boardAbout = "The main screen: a column per stage, a card per deal."
    public static let detailTitle = "Deal details"
    public static let detailAbout = "`Enter` on a deal: every field, the stage history, the notes."
    public static let moveToTitle = "Move to stage"
    public static let moveToAbout =
        "`m` on a deal. Its number, the letters beside it or ↑ ↓ choose a stage; nothing moves before `Enter`."
    public static let lostReasonTitle = "Mark as lost"
    public static let lostReasonAbout = "`x` on a deal."
    public static let confirmDeleteTitle = "Delete deal"
    public static let confirmDeleteAbout = "`d` or `Del` on a deal."
    public static let activityTitle = "Activity"
    public static let activityAbout =
        "`i` logs what was just done, `n` plans the next step (on a deal, in its details or in the agenda), "
        + "`r` in the agenda reschedules, and `c` asks what came of the activity done and what is next."
    public static let npsTitle = "Recommendation score"
    public static let npsAbout = "`p` in a won deal's details."
    public static let dealFormTitle = "New deal / Edit deal"
    public static let dealFormAbout = "`a` (a new deal in the focused stage) or `e` (the selected deal)."
    public static let searchTitle = "Search"
    public static let searchAbout = "`/` on the board; the search line takes the place of the key hints."
    public static let filterTitle = "Filter"
    public static let filterAbout = "`f` on the board."
    public static let agendaTitle = "Agenda"
    public static let agendaAbout = "`A` on the board."
    public static let reportsTitle = "Reports"
    public static let reportsAbout = "`r` on the board."
    public static let stagesTitle = "Stages"
    public static let stagesAbout = "`S` on the board."
    public static let stageFormTitle = "New stage / Edit stage"
    public static let stageFormAbout = "`a`, `e` or `Enter` on the stages screen."
    public static let stageDeleteTitle = "Delete stage"
    public static let stageDeleteAbout = "`d` on a stage that still holds deals."
    public static let discardTitle = "Discard what you typed?"
    public static let discardAbout =
        "Ctrl-C in a form, the next action, the lost reason or the recommendation score, once something was typed."
    /// Ctrl-C in a box where text is typed.
    public static let interrupt = "close; asks “discard what you typed?” first if you typed"
    public static let helpTitle = "Help"
    public static let helpAbout = "`?` on the board, the filter menu, the agenda, the reports and the stages."
    public static let activityTypeTitle = "Activity type"
    public static let activityTypeAbout = "The Type field of the activity dialog."
    public static let choiceTitle = "Choice fields"
    public static let choiceAbout = "The deal form's Stage field."
    public static let suggestionTitle = "Suggestions"
    public static let suggestionAbout =
        "The deal form's owner, lead source, company and tags fields offer the values already used on the board."
    public static let textFieldTitle = "Text fields"
    public static let textFieldAbout =
        "Every field where text is typed: forms, search, lost reason, activities, recommendation score."
}
