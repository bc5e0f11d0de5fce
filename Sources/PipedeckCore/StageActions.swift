import Foundation

// The actions on the pipeline's stages and settings (see `Board.apply(_:at:)`).

extension Board {
    /// Applies an action on stages or settings to `b`; returns the deals it touched (those it
    /// moved), nil when nothing changes.
    func changeStages(_ action: Action, in b: inout Board, at now: Timestamp) throws(PipelineError)
        -> [String]?
    {
        switch action {
        case .addStage(var stage, let at):
            stage.name = stage.name.trimmingCharacters(in: .whitespacesAndNewlines)
            if stage.id.isEmpty { stage.id = makeStageID(name: stage.name) }
            try validate(stage)
            if self.stage(stage.id) != nil { throw .invalid(field: "id", reason: Strings.duplicateStageID(stage.id)) }
            try refuseTakenName(stage.name, except: nil)
            let position = at ?? stages.firstIndex { $0.kind == .won } ?? stages.count
            b.stages.insert(stage, at: max(0, min(position, stages.count)))
            return []
        case .updateStage(var stage):
            guard let si = stageIndex(stage.id) else { throw .unknownStage(stage.id) }
            stage.name = stage.name.trimmingCharacters(in: .whitespacesAndNewlines)
            stage.extra = stages[si].extra
            try validate(stage)
            if stage.name != stages[si].name { try refuseTakenName(stage.name, except: stage.id) }
            if stage == stages[si] { return nil }
            if stage.kind != stages[si].kind && deals.contains(where: { $0.stage == stage.id }) {
                throw .invalid(field: "kind", reason: Strings.stageKindWithDeals)
            }
            b.stages[si] = stage
            return []
        case .deleteStage(let id, let target):
            guard let si = stageIndex(id) else { throw .unknownStage(id) }
            // In column order, so the deals keep their manual order in the target stage.
            let inStage = deals.indices.filter { deals[$0].stage == id }.sorted {
                Board.columnOrder(deals[$0], deals[$1])
            }
            if !inStage.isEmpty {
                guard let t = target else {
                    throw .invalid(field: "stage", reason: Strings.stageHasDeals(stages[si].name, inStage.count))
                }
                guard t != id else { throw .invalid(field: "stage", reason: Strings.moveToItself) }
                guard stage(t) != nil else { throw .unknownStage(t) }
                for i in inStage {
                    if deals[i].status == .lost {
                        // A lost deal stays lost: it only changes stage.
                        b.deals[i].rank = b.nextRank(inStage: t)
                        b.deals[i].stage = t
                        b.deals[i].stageEnteredAt = now
                        b.deals[i].history.append(HistoryEntry(at: now, from: id, to: t))
                    } else {
                        b.moveInPlace(i, to: t, at: now)
                    }
                    b.deals[i].updatedAt = now
                }
            }
            b.stages.remove(at: si)
            return inStage.map { deals[$0].id }
        case .moveStage(let id, let by):
            guard let si = stageIndex(id) else { throw .unknownStage(id) }
            let ti = si + by
            guard by != 0, ti >= 0, ti < stages.count else { return nil }
            let s = b.stages.remove(at: si)
            b.stages.insert(s, at: ti)
            return []
        case .setLostReasons(let reasons):
            var seen = Set<String>()
            let clean = reasons.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter {
                !$0.isEmpty && seen.insert($0.lowercased()).inserted
            }
            if clean == settings.lostReasons { return nil }
            b.settings.lostReasons = clean
            return []
        default:
            return nil
        }
    }

    func validate(_ s: Stage) throws(PipelineError) {
        if s.name.isEmpty { throw .invalid(field: "name", reason: Strings.emptyStageName) }
        if !s.probability.isValid { throw .invalid(field: "probability", reason: Strings.probabilityRange) }
        if s.rotDays < 0 || s.rotDays > 3650 { throw .invalid(field: "rotDays", reason: Strings.rotDaysRange) }
    }

    /// A stage must be reachable by its name: no other stage may have that name or id (any case).
    func refuseTakenName(_ name: String, except id: String?) throws(PipelineError) {
        let key = name.lowercased()
        if let other = stages.first(where: { $0.id != id && ($0.name.lowercased() == key || $0.id.lowercased() == key) }
        ) {
            throw .invalid(field: "name", reason: Strings.stageNameTaken(name, other))
        }
    }

    /// A stable id from a stage name: lower-case ASCII letters, digits and hyphens, made unique.
    public func makeStageID(name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for ch in folded.unicodeScalars {
            if (ch.value >= 97 && ch.value <= 122) || (ch.value >= 48 && ch.value <= 57) {
                slug.unicodeScalars.append(ch)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty { slug = "stage" }
        var id = slug, n = 2
        while stage(id) != nil { id = "\(slug)-\(n)"; n += 1 }
        return id
    }
}
