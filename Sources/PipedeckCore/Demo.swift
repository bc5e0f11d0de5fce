/// A believable demo pipeline on the standard template, dated relative to `now` so that its
/// overdue actions are always overdue and its stale deals always stale.
public enum Demo {
    struct Row {
        var id, title, company, contact: String
        var value: String
        var stage: String
        var owner, source: String
        var daysInStage: Int
        var next: (String, Int)? // text, due in days from today (negative = overdue)
        var close: Int? // expected close, days from today
        var prob: String? = nil
        var status: DealStatus = .open
        var lostReason: String? = nil
        var tags: [String] = []
        var bant: (Bool, Bool, Bool, Bool) = (false, false, false, false)
        var currency: String? = nil
        var notes: String? = nil
    }

    static let rows: [Row] = [
        Row(
            id: "d01lea", title: "Website redesign", company: "Boulangerie Dupré", contact: "Élodie Dupré",
            value: "4800", stage: "lead", owner: "Camille Martin", source: "website", daysInStage: 2,
            next: ("Call back after first contact form", 1), close: 60, tags: ["smb"]),
        Row(
            id: "d02lea", title: "Fleet telematics pilot", company: "Transports Girard", contact: "Marc Girard",
            value: "18000", stage: "lead", owner: "Julien Dubois", source: "trade show", daysInStage: 30, next: nil,
            close: 90, tags: ["logistics"]),
        Row(
            id: "d03lea", title: "Cloud backup for 3 sites", company: "日本商事株式会社", contact: "Sato Haruki",
            value: "26500", stage: "lead", owner: "Sarah Lefèvre", source: "LinkedIn", daysInStage: 6,
            next: ("Intro call with IT director", 3), close: 75, tags: ["export", "cloud"]),
        Row(
            id: "d04lea", title: "Loyalty app", company: "Café des Arts", contact: "Noé Bernard", value: "7200",
            stage: "lead", owner: "Camille Martin", source: "cold call", daysInStage: 12,
            next: ("Send case studies", -2), close: 45),
        Row(
            id: "d05qua", title: "ERP integration — phase 1", company: "Menuiserie Lambert & Fils",
            contact: "Hélène Lambert", value: "42000", stage: "qualification", owner: "Julien Dubois",
            source: "referral", daysInStage: 5, next: ("Budget check with CFO", 0), close: 50, tags: ["erp"],
            bant: (true, false, true, false)),
        Row(
            id: "d06qua", title: "Annual maintenance contract", company: "Clinique Saint-Roch",
            contact: "Dr. Amélie Roux", value: "15600", stage: "qualification", owner: "Sarah Lefèvre",
            source: "campaign", daysInStage: 19, next: nil, close: 40, bant: (true, true, false, false)),
        Row(
            id: "d07qua", title: "POS terminals for 12 stores", company: "Épicerie Fine Moreau", contact: "Luc Moreau",
            value: "31000", stage: "qualification", owner: "Camille Martin", source: "trade show", daysInStage: 3,
            next: ("Qualification call", 2), close: 55, tags: ["retail"], bant: (true, false, true, true)),
        Row(
            id: "d08nee", title: "Data warehouse assessment and migration roadmap for the group's five subsidiaries",
            company: "Groupe Fauré Industries", contact: "Olivier Fauré", value: "64000", stage: "needs",
            owner: "Julien Dubois", source: "referral", daysInStage: 8, next: ("Workshop with the five CIOs", 6),
            close: 35, tags: ["data", "enterprise"], bant: (true, true, true, false)),
        Row(
            id: "d09nee", title: "Online booking module", company: "Hôtel Le Méridien Bleu", contact: "Inès Garnier",
            value: "9900", stage: "needs", owner: "Sarah Lefèvre", source: "website", daysInStage: 25,
            next: ("Demo of the calendar sync", -6), close: 30, bant: (true, false, true, false)),
        Row(
            id: "d10nee", title: "Cybersecurity audit", company: "Mairie de Villeneuve", contact: "Paul Chevalier",
            value: "22000", stage: "needs", owner: "Camille Martin", source: "campaign", daysInStage: 4,
            next: ("Collect network diagram", 4), close: 40, tags: ["public"], bant: (false, true, true, true)),
        Row(
            id: "d11pro", title: "CRM rollout, 40 seats", company: "Agence Immobilière Vidal", contact: "Chloé Vidal",
            value: "28800", stage: "proposal", owner: "Julien Dubois", source: "LinkedIn", daysInStage: 3,
            next: ("Follow up on the quote", 2), close: 21, tags: ["saas"], bant: (true, true, true, true)),
        Row(
            id: "d12pro", title: "Warehouse scanners", company: "Logistique Perrin", contact: "Anaïs Perrin",
            value: "51000", stage: "proposal", owner: "Sarah Lefèvre", source: "trade show", daysInStage: 16,
            next: ("Revised quote with volume discount", -3), close: 14, bant: (true, true, true, false)),
        Row(
            id: "d13pro", title: "Expansion pack 🚀", company: "StartUp Nation SAS", contact: "Yanis Haddad",
            value: "12500", stage: "proposal", owner: "Camille Martin", source: "website", daysInStage: 1,
            next: ("Send proposal", 0), close: 20, prob: "65.5", tags: ["upsell"], bant: (true, false, true, true)),
        Row(
            id: "d14pro", title: "US office licences", company: "Northwind Traders Inc.", contact: "Emily Carter",
            value: "20000", stage: "proposal", owner: "Julien Dubois", source: "referral", daysInStage: 7,
            next: ("Call with procurement", 5), close: 28, tags: ["export"], bant: (true, true, false, true),
            currency: "USD"),
        Row(
            id: "d15neg", title: "Three-year framework agreement", company: "Coopérative Agricole du Rhône",
            contact: "Jean-Pierre Blanc", value: "96000", stage: "negotiation", owner: "Sarah Lefèvre",
            source: "referral", daysInStage: 9, next: ("Legal review of the contract", -1), close: 10,
            tags: ["enterprise"], bant: (true, true, true, true)),
        Row(
            id: "d16neg", title: "Training programme", company: "École Supérieure Dumas", contact: "Margaux Dumas",
            value: "14400", stage: "negotiation", owner: "Camille Martin", source: "campaign", daysInStage: 4,
            next: ("Agree on dates", 3), close: 12, bant: (true, true, true, false)),
        Row(
            id: "d17neg", title: "Managed print services", company: "Cabinet Rousseau Avocats",
            contact: "Me Thomas Rousseau", value: "8400", stage: "negotiation", owner: "Julien Dubois",
            source: "cold call", daysInStage: 13, next: nil, close: 7, bant: (true, false, true, true)),
        Row(
            id: "d18clo", title: "Renewal + 20 seats", company: "Pharmacie Centrale", contact: "Sophie Mercier",
            value: "11800", stage: "closing", owner: "Sarah Lefèvre", source: "referral", daysInStage: 2,
            next: ("Signature meeting", 1), close: 3, tags: ["renewal"], bant: (true, true, true, true)),
        Row(
            id: "d19clo", title: "Solar panel monitoring", company: "Énergies Nouvelles SA", contact: "Karim Benali",
            value: "37500", stage: "closing", owner: "Camille Martin", source: "LinkedIn", daysInStage: 8,
            next: ("Chase signed order form", -4), close: -2, bant: (true, true, true, true)),
        Row(
            id: "d20won", title: "Intranet portal", company: "Mutuelle Solidaire", contact: "Claire Fontaine",
            value: "33000", stage: "won", owner: "Julien Dubois", source: "website", daysInStage: 12,
            next: ("Satisfaction call", 2), close: -12, status: .won, bant: (true, true, true, true),
            notes: "Kick-off done.\nAsk for a referral at the 3-month review."),
        Row(
            id: "d21won", title: "Tablets for sales reps", company: "Brasserie Artisanale Koch", contact: "Lena Koch",
            value: "9600", stage: "won", owner: "Sarah Lefèvre", source: "trade show", daysInStage: 40, next: nil,
            close: -40, status: .won),
        Row(
            id: "d22won", title: "Payroll outsourcing", company: "Garage Martin Frères", contact: "Bruno Martin",
            value: "6000", stage: "won", owner: "Camille Martin", source: "cold call", daysInStage: 70, next: nil,
            close: -70, status: .won),
        Row(
            id: "d23los", title: "Video surveillance upgrade", company: "Parking Saint-Michel", contact: "Gilles Petit",
            value: "19000", stage: "proposal", owner: "Julien Dubois", source: "campaign", daysInStage: 20, next: nil,
            close: -5, status: .lost, lostReason: "Price"),
        Row(
            id: "d24los", title: "E-learning platform", company: "Institut Pasteur de Lille", contact: "Nadia Lefort",
            value: "24000", stage: "needs", owner: "Sarah Lefèvre", source: "website", daysInStage: 35, next: nil,
            close: -20, status: .lost, lostReason: "Went silent"),
        Row(
            id: "d25lea", title: "Newsletter automation", company: "Fromagerie Bühler", contact: "Urs Bühler",
            value: "3200", stage: "lead", owner: "Sarah Lefèvre", source: "LinkedIn", daysInStage: 1,
            next: ("Send pricing", 8), close: 70),
    ]

    public static func board(now: Timestamp, today: Day) -> Board {
        var board = Template.standard.board(name: said("Demo pipeline"), currency: "EUR")
        let order = board.stages.map(\.id)
        var ranks: [String: Int] = [:]
        for r in rows {
            let si = order.firstIndex(of: r.stage)!
            // Walk the deal through the stages before its current one, a few days in each.
            let entered = now.adding(days: -r.daysInStage)
            let path = Array(order[0...si])
            let created = entered.adding(days: -5 * (path.count - 1))
            var deal = Deal(
                id: r.id, title: said(r.title), value: Money.parse(r.value)!, stage: path[0], createdAt: created,
                company: r.company, contact: r.contact, currency: r.currency,
                probability: r.prob.flatMap(Percent.parse), owner: r.owner, source: said(r.source), tags: r.tags,
                expectedClose: r.close.map { today.adding(days: $0) }, notes: r.notes.map(said))
            for (k, sid) in path.enumerated().dropFirst() {
                let at = k == path.count - 1 ? entered : created.adding(days: 5 * k)
                let won = board.stage(sid)?.kind == .won
                deal.history.append(HistoryEntry(at: at, from: path[k - 1], to: sid, status: won ? .won : nil))
            }
            deal.stage = r.stage
            deal.stageEnteredAt = entered
            deal.updatedAt = entered
            deal.status = r.status
            if r.status == .lost {
                let at = entered.adding(days: min(r.daysInStage, 3))
                deal.history.append(HistoryEntry(at: at, from: r.stage, to: r.stage, status: .lost))
                deal.lostReason = r.lostReason.map(said)
                deal.updatedAt = at
            }
            deal.activities = activities(of: r, owner: r.owner, now: now, today: today)
            if let last = deal.activities.compactMap(\.doneAt).max() { deal.updatedAt = max(deal.updatedAt, last) }
            deal.phone = reach[r.id]?.phone
            deal.email = reach[r.id]?.email
            let b = r.bant
            if b.0 || b.1 || b.2 || b.3 {
                deal.qualification = Qualification(budget: b.0, authority: b.1, need: b.2, timeline: b.3)
            }
            deal.rank = ranks[r.stage, default: 0]
            ranks[r.stage, default: 0] += 1
            board.deals.append(deal)
        }
        return board
    }
}
