/// The demo pipeline's words in French: titles, next actions, lead sources, notes, lost reasons
/// and the board's name, keyed by the English of `Demo.rows` (people's and companies' names stay
/// as they are). `DemoTests` fails on a text of the demo that has no French here.
extension Demo {
    static let french: [String: String] = [
        "Demo pipeline": "Pipeline de démonstration",
        // Titles
        "Website redesign": "Refonte du site web",
        "Fleet telematics pilot": "Pilote de télématique de flotte",
        "Cloud backup for 3 sites": "Sauvegarde cloud pour 3 sites",
        "Loyalty app": "Application de fidélité",
        "ERP integration — phase 1": "Intégration ERP — phase 1",
        "Annual maintenance contract": "Contrat de maintenance annuel",
        "POS terminals for 12 stores": "Terminaux de caisse pour 12 magasins",
        "Data warehouse assessment and migration roadmap for the group's five subsidiaries":
            "Audit de l'entrepôt de données et feuille de route de migration pour les cinq filiales du groupe",
        "Online booking module": "Module de réservation en ligne",
        "Cybersecurity audit": "Audit de cybersécurité",
        "CRM rollout, 40 seats": "Déploiement CRM, 40 postes",
        "Warehouse scanners": "Scanners d'entrepôt",
        "Expansion pack 🚀": "Pack d'extension 🚀",
        "US office licences": "Licences du bureau américain",
        "Three-year framework agreement": "Accord-cadre sur trois ans",
        "Training programme": "Programme de formation",
        "Managed print services": "Gestion des impressions",
        "Renewal + 20 seats": "Renouvellement + 20 postes",
        "Solar panel monitoring": "Supervision de panneaux solaires",
        "Intranet portal": "Portail intranet",
        "Tablets for sales reps": "Tablettes pour les commerciaux",
        "Payroll outsourcing": "Externalisation de la paie",
        "Video surveillance upgrade": "Modernisation de la vidéosurveillance",
        "E-learning platform": "Plateforme d'e-learning",
        "Newsletter automation": "Automatisation de la newsletter",
        // Next actions
        "Call back after first contact form": "Rappeler après le premier formulaire de contact",
        "Intro call with IT director": "Appel de présentation avec le DSI",
        "Send case studies": "Envoyer des études de cas",
        "Budget check with CFO": "Point budget avec le DAF",
        "Qualification call": "Appel de qualification",
        "Workshop with the five CIOs": "Atelier avec les cinq DSI",
        "Demo of the calendar sync": "Démo de la synchronisation d'agenda",
        "Collect network diagram": "Récupérer le schéma réseau",
        "Follow up on the quote": "Relancer sur le devis",
        "Revised quote with volume discount": "Devis révisé avec remise sur volume",
        "Send proposal": "Envoyer la proposition",
        "Call with procurement": "Appel avec les achats",
        "Legal review of the contract": "Revue juridique du contrat",
        "Agree on dates": "Fixer les dates",
        "Signature meeting": "Rendez-vous de signature",
        "Chase signed order form": "Relancer le bon de commande signé",
        "Satisfaction call": "Appel de satisfaction",
        "Send pricing": "Envoyer les tarifs",
        // Activities done
        "First contact call": "Premier appel de contact",
        "Wants a refresh before spring": "Veut une refonte avant le printemps",
        "Discovery call": "Appel de découverte",
        "Stock system must feed the ERP": "La gestion des stocks doit alimenter l'ERP",
        "Visit of the workshop": "Visite de l'atelier",
        "Met the CFO; budget in Q1": "Rencontre avec le DAF ; budget au T1",
        "Sent the assessment outline": "Plan de l'audit envoyé",
        "Kick-off with the group CIO": "Lancement avec le DSI du groupe",
        "Five sites, one roadmap": "Cinq sites, une feuille de route",
        "Demo to the sales team": "Démo à l'équipe commerciale",
        "Loved the mobile app": "L'application mobile a beaucoup plu",
        "Quote sent": "Devis envoyé",
        "Price objection from purchasing": "Objection sur le prix des achats",
        "Asks 8 % off for 200 units": "Demande 8 % de remise pour 200 unités",
        "Sent a first draft": "Première version envoyée",
        "Happy with the scope": "Satisfait du périmètre",
        "Volume tiers": "Paliers de volume",
        "Tiers at 50 and 100 farms": "Paliers à 50 et 100 exploitations",
        "Negotiation, round 2": "Négociation, deuxième tour",
        "Three-year term agreed": "Durée de trois ans acceptée",
        "Confirmed the 20 extra seats": "Les 20 postes supplémentaires confirmés",
        "Kick-off": "Lancement",
        "Go-live in six weeks": "Mise en service dans six semaines",
        // Lead sources
        "website": "site web",
        "trade show": "salon",
        "LinkedIn": "LinkedIn",
        "cold call": "prospection téléphonique",
        "referral": "recommandation",
        "campaign": "campagne",
        // Notes
        "Kick-off done.\nAsk for a referral at the 3-month review.":
            "Lancement fait.\nDemander une recommandation au bilan des 3 mois.",
        // Lost reasons
        "Price": "Prix",
        "Went silent": "Plus de nouvelles",
    ]

    /// The demo's text in the language of the moment.
    static func said(_ english: String) -> String {
        Language.current == .french ? french[english] ?? english : english
    }
}
