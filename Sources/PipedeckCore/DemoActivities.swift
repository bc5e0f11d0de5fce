/// The demo's contacts and activities: how each planned next step is done (a call at 10:00, a
/// meeting of an hour…), what was already done on the deals, and how to reach their contacts.
extension Demo {
    struct Plan {
        var type: ActivityType
        var time: String? = nil
        var duration: Int? = nil
    }

    /// How the next step of each deal that has one is done.
    static let plans: [String: Plan] = [
        "d01lea": Plan(type: .call, time: "10:00"),
        "d03lea": Plan(type: .call, time: "15:00", duration: 30),
        "d04lea": Plan(type: .email),
        "d05qua": Plan(type: .meeting, time: "11:00", duration: 60),
        "d07qua": Plan(type: .call, time: "09:30", duration: 30),
        "d08nee": Plan(type: .meeting, time: "14:00", duration: 180),
        "d09nee": Plan(type: .meeting, time: "10:00", duration: 45),
        "d10nee": Plan(type: .task),
        "d11pro": Plan(type: .call),
        "d12pro": Plan(type: .email),
        "d13pro": Plan(type: .email),
        "d14pro": Plan(type: .call, time: "16:00", duration: 30),
        "d15neg": Plan(type: .deadline),
        "d16neg": Plan(type: .call),
        "d18clo": Plan(type: .meeting, time: "10:30", duration: 60),
        "d19clo": Plan(type: .call),
        "d20won": Plan(type: .call, time: "11:00", duration: 15),
        "d25lea": Plan(type: .email),
    ]

    struct Logged {
        var type: ActivityType
        var subject: String
        var outcome: String?
        /// Days before now.
        var daysAgo: Int
    }

    /// What was already done on the deals, oldest first (never so recent that a deal the demo
    /// shows as stale would be fresh again).
    static let logged: [String: [Logged]] = [
        "d01lea": [
            Logged(type: .call, subject: "First contact call", outcome: "Wants a refresh before spring", daysAgo: 1)
        ],
        "d05qua": [
            Logged(type: .call, subject: "Discovery call", outcome: "Stock system must feed the ERP", daysAgo: 7),
            Logged(type: .meeting, subject: "Visit of the workshop", outcome: "Met the CFO; budget in Q1", daysAgo: 4),
        ],
        "d08nee": [
            Logged(type: .email, subject: "Sent the assessment outline", daysAgo: 10),
            Logged(
                type: .meeting, subject: "Kick-off with the group CIO", outcome: "Five sites, one roadmap", daysAgo: 6),
        ],
        "d11pro": [
            Logged(type: .meeting, subject: "Demo to the sales team", outcome: "Loved the mobile app", daysAgo: 6),
            Logged(type: .email, subject: "Quote sent", daysAgo: 3),
        ],
        "d12pro": [
            Logged(
                type: .call, subject: "Price objection from purchasing", outcome: "Asks 8 % off for 200 units",
                daysAgo: 12)
        ],
        "d13pro": [Logged(type: .email, subject: "Sent a first draft", outcome: "Happy with the scope", daysAgo: 1)],
        "d15neg": [
            Logged(type: .call, subject: "Volume tiers", outcome: "Tiers at 50 and 100 farms", daysAgo: 12),
            Logged(type: .meeting, subject: "Negotiation, round 2", outcome: "Three-year term agreed", daysAgo: 8),
        ],
        "d18clo": [Logged(type: .call, subject: "Confirmed the 20 extra seats", daysAgo: 2)],
        "d20won": [Logged(type: .meeting, subject: "Kick-off", outcome: "Go-live in six weeks", daysAgo: 10)],
    ]

    /// The contacts' phone numbers and email addresses.
    static let reach: [String: (phone: String, email: String)] = [
        "d01lea": ("+33 2 99 41 12 08", "elodie@boulangerie-dupre.fr"),
        "d02lea": ("+33 4 78 60 33 17", "m.girard@transports-girard.fr"),
        "d03lea": ("+81 3 5412 7788", "h.sato@nihon-shoji.co.jp"),
        "d05qua": ("+33 4 72 18 45 90", "helene.lambert@menuiserie-lambert.fr"),
        "d07qua": ("+33 5 56 81 20 44", "luc.moreau@epicerie-moreau.fr"),
        "d08nee": ("+33 1 44 09 71 30", "olivier.faure@faure-industries.com"),
        "d09nee": ("+33 4 93 87 52 61", "ines.garnier@meridien-bleu.fr"),
        "d11pro": ("+33 6 12 48 90 37", "chloe@immo-vidal.fr"),
        "d12pro": ("+33 3 20 55 14 82", "anais.perrin@logistique-perrin.fr"),
        "d13pro": ("+33 7 81 22 09 65", "yanis@startupnation.io"),
        "d14pro": ("+1 (206) 555-0147", "emily.carter@northwind.example"),
        "d15neg": ("+33 4 75 40 66 18", "jp.blanc@coop-rhone.fr"),
        "d18clo": ("+33 1 42 60 31 75", "s.mercier@pharmacie-centrale.fr"),
        "d19clo": ("+33 4 91 33 70 24", "k.benali@energies-nouvelles.fr"),
        "d20won": ("+33 1 53 24 88 10", "claire.fontaine@mutuelle-solidaire.fr"),
    ]

    /// The deal's activities: what was done (one to three things) and its next step, planned
    /// `due` days from today. Ids are made from the deal's, so the demo is the same every time.
    static func activities(of r: Row, owner: String, now: Timestamp, today: Day) -> [Activity] {
        var out: [Activity] = []
        for (k, l) in (logged[r.id] ?? []).enumerated() {
            let at = now.adding(days: -l.daysAgo).adding(seconds: Int64(-3_600 * (k + 1)))
            out.append(
                Activity(
                    id: r.id + "l\(k)", type: l.type, subject: said(l.subject), done: true, doneAt: at,
                    outcome: l.outcome.map(said),
                    owner: owner, createdAt: at))
        }
        if let (text, due) = r.next {
            let plan = plans[r.id] ?? Plan(type: .task)
            let created = out.last?.createdAt ?? now.adding(days: -r.daysInStage)
            out.append(
                Activity(
                    id: r.id + "p0", type: plan.type, subject: said(text), due: today.adding(days: due),
                    time: plan.time.flatMap(TimeOfDay.parse), duration: plan.duration, owner: owner, createdAt: created)
            )
        }
        return out
    }
}
