import PipedeckCore

/// The fields of a deal and of the objects inside it, in the file (docs/file-format.md), in a
/// three-way merge (`BoardMerge`) and in CSV export (`DealCSV`). Adding a field to `Deal` means
/// adding its line here; the schema tests fail until it is read, written, merged and exported
/// (or said not to be exported).
enum DealSchema {
    static let deal = Schema<Deal>(
        [
            Field.required("id", \.id, .dealID).merged(.identity).exported(.id) { d, _ in d.id },
            Field.required("title", \.title, .string).exported(.title) { d, _ in d.title },
            Field.optional("company", \.company, .string).exported(.company) { d, _ in d.company ?? "" },
            Field.optional("contact", \.contact, .string).exported(.contact) { d, _ in d.contact ?? "" },
            Field.optional("phone", \.phone, .string).exported(.phone) { d, _ in d.phone ?? "" },
            Field.optional("email", \.email, .string).exported(.email) { d, _ in d.email ?? "" },
            Field.required("value", \.value, .money).exported(.value) { d, _ in
                d.value.plain(decimals: d.value.decimalsNeeded == 0 ? 0 : 2)
            },
            // The deal's currency, else the board's.
            Field.optional("currency", \.currency, .currency).exported(.currency) { d, b in b.currency(of: d) },
            Field.required("stage", \.stage, .string).merged(.placement).exported(.stage) { d, _ in d.stage },
            // The deal's own probability; empty when it follows its stage's.
            Field.optional("probability", \.probability, .percent).exported(.probability) { d, _ in
                d.probability?.description ?? ""
            },
            Field.defaulted("status", \.status, .status).merged(.placement).exported(.status) { d, _ in
                d.status.rawValue
            },
            Field.optional("lostReason", \.lostReason, .string).merged(.placement).exported(.lostReason) { d, _ in
                d.lostReason ?? ""
            },
            Field.optional("owner", \.owner, .string).exported(.owner) { d, _ in d.owner ?? "" },
            Field.optional("source", \.source, .string).exported(.source) { d, _ in d.source ?? "" },
            Field.defaulted("tags", \.tags, .strings, omitted: { $0.isEmpty }).exported(.tags) { d, _ in
                DealCSV.tagsCell(d.tags)
            },
            Field.optional("expectedClose", \.expectedClose, .day).exported(.expectedClose) { d, _ in
                d.expectedClose?.description ?? ""
            },
            // CSV holds the next action only: the CRMs' files have one "next activity" per deal.
            Field.records("activities", \.activities, activity, omittedWhenEmpty: true)
                .exported([
                    CSVColumn(field: .nextAction) { d, _ in d.nextActivity?.subject ?? "" },
                    CSVColumn(field: .nextActionType) { d, _ in d.nextActivity?.type.rawValue ?? "" },
                    CSVColumn(field: .nextActionDue) { d, _ in d.nextActivity?.due?.description ?? "" },
                    CSVColumn(field: .nextActionTime) { d, _ in d.nextActivity?.time?.description ?? "" },
                ]),
            Field.optional("qualification", \.qualification, .object(qualification))
                .notExported("the BANT checks have no column in the CRMs' files"),
            Field.optional("notes", \.notes, .string).exported(.notes) { d, _ in d.notes ?? "" },
            Field.defaulted("createdAt", \.createdAt, .timestamp).exported(.createdAt) { d, _ in
                d.createdAt.description
            },
            Field.defaulted("updatedAt", \.updatedAt, .timestamp).merged(.latest).exported(.updatedAt) { d, _ in
                d.updatedAt.description
            },
            Field.optional("updatedBy", \.updatedBy, .string).merged(.latest)
                .notExported("who changed the deal last, for the team's merges"),
            Field.defaulted("stageEnteredAt", \.stageEnteredAt, .timestamp).merged(.placement)
                .notExported("an imported deal counts its days in the stage from the import"),
            Field.records("history", \.history, historyEntry)
                .notExported("the import writes the history of the moves it makes"),
            Field.defaulted("rank", \.rank, .int).merged(.placement)
                .notExported("the import puts deals at the end of their column, in file order"),
            // Kept as an unknown field by older versions: a value they could not read stays as it was.
            Field.optional("nps", \.npsScore, .score, keepsUnreadable: true)
                .notExported("a follow-up answer, shown by `pipedeck report nps`"),
            Field.optional("importKey", \.importKey, .string, keepsUnreadable: true)
                .notExported("the key of the record in the file it was imported from; export writes the deal's id"),
        ], unknown: \.extra,
        blank: Deal(id: "", title: "", value: .zero, stage: "", createdAt: Timestamp(seconds: 0), history: []),
        finish: fillMissingTimes, legacy: [LegacyField("nextAction", read: migrateNextAction)])

    static let createdAt = deal.index("createdAt")
    static let updatedAt = deal.index("updatedAt")
    static let stageEnteredAt = deal.index("stageEnteredAt")

    /// Files written by Pipedeck always have the three times. In a file made by hand or by
    /// another tool: `createdAt` defaults to the first history entry's time, else the time the
    /// deal entered its stage, else its last change, else now; `stageEnteredAt` to the last
    /// history entry that moved it into its stage, else `createdAt`; `updatedAt` to the latest of
    /// the others.
    @Sendable static func fillMissingTimes(_ d: inout Deal, _ decoder: BoardDecoder, _ present: FieldSet) {
        let hasCreated = present.contains(createdAt), hasEntered = present.contains(stageEnteredAt)
        let hasUpdated = present.contains(updatedAt)
        if hasCreated && hasEntered && hasUpdated { return }
        let created =
            hasCreated
            ? d.createdAt
            : d.history.first?.at ?? (hasEntered ? d.stageEnteredAt : nil) ?? (hasUpdated ? d.updatedAt : nil)
                ?? decoder.now
        d.createdAt = created
        if !hasEntered {
            d.stageEnteredAt = d.history.last(where: { $0.to == d.stage && $0.from != $0.to })?.at ?? created
        }
        if !hasUpdated { d.updatedAt = max(created, d.stageEnteredAt, d.history.last?.at ?? created) }
    }

    static let activity = Schema<Activity>(
        [
            .required("id", \.id, .nonEmptyString),
            .required("type", \.type, .activityType),
            .required("subject", \.subject, .string),
            .optional("due", \.due, .day),
            .optional("time", \.time, .timeOfDay),
            .optional("duration", \.duration, .minutes),
            .defaulted("done", \.done, .bool),
            .optional("doneAt", \.doneAt, .timestamp),
            .optional("outcome", \.outcome, .string),
            .optional("owner", \.owner, .string),
            .required("createdAt", \.createdAt, .timestamp),
        ], unknown: \.extra,
        blank: Activity(id: "", type: .task, subject: "", createdAt: Timestamp(seconds: 0)))

    /// Files of version 1 held one `nextAction` per deal (`text`, `due`, `done`). Read, it
    /// becomes one of the deal's activities: a task, planned or (when done) logged, with the
    /// id `<deal id>-next` (the same on every machine that reads the file, so that two copies
    /// migrated apart still merge), created and owned as the deal was last changed and by its
    /// owner. Its unknown fields stay with it. In a file of version 2 the field means nothing
    /// any more: it is kept, unread, with the deal's unknown fields.
    @Sendable static func migrateNextAction(_ d: inout Deal, _ decoder: BoardDecoder, _ node: Int, _ name: FieldName)
        throws(LoadError)
    {
        guard decoder.fileVersion < 2 else {
            d.extra[name.key] = try decoder.keptValue(node)
            return
        }
        if decoder.r[node].kind == .null { return }
        let old = try decoder.object(node, legacyNextAction, name)
        let id = d.id + "-next"
        guard d.activityIndex(id) == nil else { return }
        var a = Activity(
            id: id, type: .task, subject: old.text, due: old.due, done: old.done, owner: d.owner,
            createdAt: d.updatedAt)
        a.extra = old.extra
        d.activities.insert(a, at: 0)
    }

    /// Version 1's next action, only read.
    struct LegacyNextAction: Sendable {
        var text = ""
        var due: Day? = nil
        var done = false
        var extra: UnknownFields = [:]
    }

    static let legacyNextAction = Schema<LegacyNextAction>(
        [
            .required("text", \.text, .string),
            .optional("due", \.due, .day),
            .defaulted("done", \.done, .bool),
        ], unknown: \.extra, blank: LegacyNextAction())

    static let qualification = Schema<Qualification>(
        [
            .defaulted("budget", \.budget, .bool),
            .defaulted("authority", \.authority, .bool),
            .defaulted("need", \.need, .bool),
            .defaulted("timeline", \.timeline, .bool),
        ], unknown: \.extra, blank: Qualification())

    static let historyEntry = Schema<HistoryEntry>(
        [
            .required("at", \.at, .timestamp),
            .optional("from", \.from, .string),
            .required("to", \.to, .string),
            .optional("status", \.status, .status),
            .optional("merge", \.mergeNote, .boxedNote),
        ], unknown: \.extra, blank: HistoryEntry(at: Timestamp(seconds: 0), from: nil, to: ""))

    static let mergeNote = Schema<MergeNote>(
        [
            .required("kind", \.kind, .mergeKind),
            .optional("field", \.field, .string),
            .optional("kept", \.kept, .json),
            .optional("keptBy", \.keptBy, .string),
            .optional("lost", \.lost, .json),
            .optional("lostBy", \.lostBy, .string),
        ], unknown: \.extra, blank: MergeNote(kind: .conflict))

    /// The fields that change together when a deal moves, is won or lost, or is reordered.
    static let placement = deal.fields.filter { $0.merge == .placement }
}
