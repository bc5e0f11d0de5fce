import PipedeckCore

/// The fields of the board, its stages and its settings in the file (docs/file-format.md).
enum BoardSchema {
    static let board = Schema<Board>(
        [
            // Read first: a newer version is refused before anything else is looked at.
            .defaulted("version", \.version, .version, first: true),
            .required("name", \.name, .string),
            .defaulted("currency", \.currency, .currency),
            // Stages before deals: a deal must be in one of the stages.
            .required("stages", \.stages, .stages),
            .required("deals", \.deals, .deals),
            .defaulted("settings", \.settings, .object(settings)),
        ], unknown: \.extra, blank: Board(name: "", stages: []))

    static let version = board.index("version")
    static let stages = board.index("stages")
    static let deals = board.index("deals")

    static let stage = Schema<Stage>(
        [
            .required("id", \.id, .nonEmptyString),
            .required("name", \.name, .string),
            .required("probability", \.probability, .percent),
            .defaulted("kind", \.kind, .stageKind),
            .defaulted("rotDays", \.rotDays, .days),
        ], unknown: \.extra, blank: Stage(id: "", name: "", probability: .zero))

    static let settings = Schema<BoardSettings>(
        [
            .defaulted("lostReasons", \.lostReasons, .strings),
            .optional("locale", \.locale, .string),
            // Written only when there are some, so that a board without them keeps its bytes.
            .defaulted("targets", \.targets, .array(of: TargetSchema.target), omitted: { $0.isEmpty }),
            .defaulted("rates", \.rates, .array(of: TargetSchema.rate), omitted: { $0.isEmpty }),
        ], unknown: \.extra, blank: BoardSettings())
}
