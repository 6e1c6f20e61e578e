"""Check-in answers written the way initiative owners write them, with what each one says.

Each case is (id, text, expected); `highlights` is not part of `expected` (see test_parse.py).
"""

from rituals.parse import Intent, ParsedUpdate
from rituals.status import Status

ON, RISK, OFF, DONE = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.DONE


def update(
    status: Status | None = None,
    progress: int | None = None,
    kpi: float | None = None,
    blockers: str | None = None,
    decision: str | None = None,
) -> ParsedUpdate:
    return ParsedUpdate(Intent.UPDATE, status, progress, kpi, blockers, decision)


NOTHING = update()
NO_CHANGE = ParsedUpdate(Intent.NO_CHANGE)
SKIP = ParsedUpdate(Intent.SKIP)

ENGLISH: list[tuple[str, str, ParsedUpdate]] = [
    (
        "en-brief-on-track-no-blockers",
        "on track, 80%, KPI at 12.3 days; no blockers",
        update(ON, 80, 12.3),
    ),
    (
        "en-brief-stuck-waiting",
        "🔴 stuck: waiting for the supplier",
        update(OFF, blockers="waiting for the supplier"),
    ),
    ("en-shortcode-green", ":large_green_circle: 45% - kpi 3.2 days", update(ON, 45, 3.2)),
    (
        "en-multiline-fields",
        "Status: Amber\nProgress: 55%\nKPI: 18 days (target 12)\n"
        "Blocker: vendor contract still not signed",
        update(RISK, 55, 18, blockers="vendor contract still not signed"),
    ),
    (
        "en-bullets-eta",
        "- RAG: green\n- 70% done\n- ETA end of March\n- no blockers",
        update(ON, 70),
    ),
    (
        "en-red-blocked-by-sentence",
        "RED. Blocked by IT security review, can't deploy to prod.",
        update(OFF, blockers="IT security review, can't deploy to prod"),
    ),
    ("en-done-shipped", "Done ✅ shipped to all regions on Monday", update(DONE)),
    (
        "en-completed-100",
        "Completed 🎉 100%, handing over to ops next week",
        update(DONE, 100),
    ),
    (
        "en-decision-naming-its-own-options",
        "amber, decision needed: Extend by 3 months? | yes | no | 1 month",
        update(RISK, decision="Extend by 3 months? | yes | no | 1 month"),
    ),
    (
        "en-decision-question-then-progress",
        "decision: go or no go? 40%",
        update(progress=40, decision="go or no go?"),
    ),
    (
        "en-at-risk-need-decision",
        "At risk — 40%. Need a decision on whether we delay the launch or cut scope.",
        update(RISK, 40, decision="whether we delay the launch or cut scope"),
    ),
    (
        "en-kpi-percent-is-kpi",
        "green, kpi 45% (conversion), progress 30",
        update(ON, 30, 45),
    ),
    (
        "en-kpi-euro-comma-thousands",
        "On track. KPI: €1,250.50 avg basket, 65% through the rollout",
        update(ON, 65, 1250.5),
    ),
    ("en-kpi-arrow-takes-latest", "amber, KPI 5.1 -> 4.6 days, 50%", update(RISK, 50, 4.6)),
    (
        "en-running-late-waiting-on",
        "Running late, 2 weeks behind. 35%. Waiting on procurement for the PO",
        update(OFF, 35, blockers="Waiting on procurement for the PO"),
    ),
    ("en-eta-late-november-is-a-date", "green, ETA late November, 75%", update(ON, 75)),
    (
        "en-not-on-track-beats-implicit-red",
        "honestly not on track this week, 20%, blocked by data access",
        update(RISK, 20, blockers="data access"),
    ),
    (
        "en-no-longer-blocked",
        "No longer blocked by legal 🎉 back to green, 65%",
        update(ON, 65),
    ),
    (
        "en-blocker-marker-then-waiting",
        ":red_circle: off track - KPI 22 days vs 15 target; "
        "blocker: waiting for the new API keys from <@U02ABCD>",
        update(OFF, kpi=22, blockers="waiting for the new API keys from <@U02ABCD>"),
    ),
    (
        "en-yellow-decision-needed",
        "🟡 slipping a bit, 48 %, decision needed: extra budget for the agency?",
        update(RISK, 48, decision="extra budget for the agency?"),
    ),
    ("en-orange-comma-kpi", "🟠 58% – KPI at 7,5 days", update(RISK, 58, 7.5)),
    ("en-shouting", "ON TRACK!! 90% kpi=3.1", update(ON, 90, 3.1)),
    ("en-progress-keyword", "Progress: 62%, status green, no blockers", update(ON, 62)),
    (
        "en-off-track-need-a-decision-colon",
        "Off-track. Vendor went bankrupt. Need a decision: switch to vendor B or insource?",
        update(OFF, decision="switch to vendor B or insource?"),
    ),
    (
        "en-amber-blocked-by-mention",
        "amber - blocked by <@U0LEGAL1> sign-off on the DPA",
        update(RISK, blockers="<@U0LEGAL1> sign-off on the DPA"),
    ),
    (
        "en-check-mark-completed",
        ":white_check_mark: completed, KPI 2.1 days (target was 3)",
        update(DONE, kpi=2.1),
    ),
    (
        "en-waiting-only-no-status",
        "waiting for finance to approve the PO",
        update(blockers="waiting for finance to approve the PO"),
    ),
    ("en-no-change", "No change since last week", NO_CHANGE),
    ("en-same-as-last-week", "same as last week 👍", NO_CHANGE),
    ("en-nothing-new", "nothing new :shrug:", NO_CHANGE),
    ("en-skip-this-week", "skip this week, I'm on PTO", SKIP),
    ("en-skip-bare", "Skip", SKIP),
    ("en-unchanged-but-status-given", "unchanged, still green at 70%", update(ON, 70)),
    ("en-ok-alone", "ok", update(ON)),
    (
        "en-space-thousands-kpi",
        "Green. KPI 12 300 leads, 40% of the plan",
        update(ON, 40, 12300),
    ),
    (
        "en-decision-required-from",
        "Red. Decision required from COMEX: keep the Q1 launch date or move to Q2",
        update(OFF, decision="from COMEX: keep the Q1 launch date or move to Q2"),
    ),
    ("en-percent-over-100-ignored", "green, 120% of target leads 🚀", update(ON)),
    ("en-negative-percent-ignored", "amber, -5% on conversion vs last month", update(RISK)),
    (
        "en-completed-the-is-partial-work",
        "completed the vendor review, 30%, on track",
        update(ON, 30),
    ),
    ("en-not-late-is-no-status", "not late anymore, 85%", update(progress=85)),
    (
        "en-was-then-now",
        "Update:\n• green\n• was 60%, now 75%\n• KPI: 4.2 days\n• Blockers: none",
        update(ON, 75, 4.2),
    ),
    ("en-target-percent-is-not-progress", "target 80%, we're at 64%", update(progress=64)),
    ("en-was-amber-now-green", "was amber last week, now green", update(ON)),
    (
        "en-ok-gives-way-to-at-risk",
        "I'm OK with the plan but we're at risk on budget",
        update(RISK),
    ),
    ("en-back-to-green-from-amber", "back to green from amber 💪", update(ON)),
    ("en-no-red-flags", "no red flags, 70%", update(progress=70)),
    ("en-not-green-yet", "not green yet - 15%", update(RISK, 15)),
    ("en-done-but-progress-below-100", "design done, build at 60%", update(progress=60)),
]

FRENCH: list[tuple[str, str, ParsedUpdate]] = [
    (
        "fr-arbitrage-espace-avant-deux-points",
        "orange 40% — arbitrage : prolonger le budget ? | oui | non",
        update(RISK, 40, decision="prolonger le budget ? | oui | non"),
    ),
    (
        "fr-brief-vert-bloque-par",
        "vert 60% kpi 4,5 — bloqué par le juridique",
        update(ON, 60, 4.5, blockers="le juridique"),
    ),
    (
        "fr-bloque-par-seul",
        "Bloqué par la DSI (accès aux données prod)",
        update(OFF, blockers="la DSI (accès aux données prod)"),
    ),
    (
        "fr-multiligne-bloquant",
        "Statut : orange\nAvancement : 45 %\nKPI : 4,5 j\nBloquant : recrutement du data engineer",
        update(RISK, 45, 4.5, blockers="recrutement du data engineer"),
    ),
    ("fr-en-bonne-voie-ras", "En bonne voie, 70 % réalisé. RAS côté blocages.", update(ON, 70)),
    ("fr-termine-livre-le", "Terminé ✅ livré en prod le 12/11", update(DONE)),
    (
        "fr-a-risque-besoin-arbitrage",
        "À risque : 35 %. Besoin d'arbitrage : on décale la MEP ou on réduit le périmètre ?",
        update(RISK, 35, decision="on décale la MEP ou on réduit le périmètre ?"),
    ),
    (
        "fr-rouge-en-attente-de",
        "🔴 en retard de 3 semaines, 25%, en attente de la validation RSSI",
        update(OFF, 25, blockers="en attente de la validation RSSI"),
    ),
    ("fr-pas-en-retard", "Pas en retard, 50 %", update(progress=50)),
    ("fr-pas-encore-termine", "pas encore terminé, 90% — reste la recette", update(progress=90)),
    (
        "fr-jaune-avancement-kpi-euros",
        "jaune, avancement 40, kpi: 1 234,5 €",
        update(RISK, 40, 1234.5),
    ),
    (
        "fr-espace-fine-milliers",
        "vert · KPI 12\u202f300 visiteurs · 55 %",
        update(ON, 55, 12300),
    ),
    ("fr-rien-de-neuf", "Rien de neuf cette semaine", NO_CHANGE),
    ("fr-pas-de-changement", "pas de changement", NO_CHANGE),
    ("fr-idem", "Idem", NO_CHANGE),
    ("fr-ras", "RAS", NO_CHANGE),
    ("fr-je-passe", "je passe cette semaine, congés", SKIP),
    ("fr-pas-cette-semaine", "Pas cette semaine, désolé", SKIP),
    ("fr-passer-cette-semaine", "On peut passer cette semaine ?", SKIP),
    (
        "fr-bloquee-par-mention",
        "Bloquée par <@U0ACHAT1> sur le bon de commande, 30 %",
        update(OFF, 30, blockers="<@U0ACHAT1> sur le bon de commande"),
    ),
    (
        "fr-orange-decision",
        "Orange. Décision : go/no-go du pilote Lyon avant le 15",
        update(RISK, decision="go/no-go du pilote Lyon avant le 15"),
    ),
    ("fr-aucun-blocage", "vert, 80 %, aucun blocage", update(ON, 80)),
    ("fr-pas-de-blocage-emoji", "Tout est vert 🟢 85%, pas de blocage", update(ON, 85)),
    ("fr-cest-fini", "C'est fini ! Projet livré 🎉", update(DONE)),
    (
        "fr-livre-la-v1-is-partial",
        "Livré la V1, on attaque la V2 : 40 %, en bonne voie",
        update(ON, 40),
    ),
    ("fr-acheve-kpi-final", "Achevé. KPI final : 3,8 jours", update(DONE, kpi=3.8)),
    (
        "fr-points-bloquants-liste",
        "Points bloquants :\n- validation juridique\n- budget 2025 non voté\nStatut : rouge",
        update(OFF, blockers="validation juridique; budget 2025 non voté"),
    ),
    (
        "fr-en-risque-en-attente-du",
        "en risque — 30 % — en attente du fournisseur",
        update(RISK, 30, blockers="en attente du fournisseur"),
    ),
    ("fr-legerement-en-retard", "légèrement en retard, 55%", update(RISK, 55)),
    ("fr-plus-en-retard", "On n'est plus en retard, 75 %", update(progress=75)),
    (
        "fr-de-plus-en-plus-en-retard",
        "de plus en plus en retard, 20 %, besoin d'un arbitrage sur les ressources",
        update(OFF, 20, decision="les ressources"),
    ),
    (
        "fr-kpi-pourcentage",
        "vert — KPI 45 % de taux de conversion, avancement 30 %",
        update(ON, 30, 45),
    ),
    ("fr-ok-pour-moi", "OK pour moi, 60%", update(ON, 60)),
    ("fr-achevee-majuscules", "ACHEVÉE", update(DONE)),
    ("fr-objectif-nest-pas-avancement", "objectif 80 %, on est à 64 %", update(progress=64)),
    (
        "fr-besoin-dune-decision",
        "Rouge. Besoin d'une décision : on prolonge le prestataire ?",
        update(OFF, decision="on prolonge le prestataire ?"),
    ),
    (
        "fr-mention-shortcode-kpi-est-a",
        "<@U0CMO0001> :large_orange_circle: on est à 52%, le KPI est à 6,1 j",
        update(RISK, 52, 6.1),
    ),
    (
        "fr-bloque-deux-points-en-attente",
        "Bloqué : en attente de la signature du contrat cadre.",
        update(OFF, blockers="en attente de la signature du contrat cadre"),
    ),
    (
        "fr-tirets-meteo",
        "— Météo : 🟢\n— Avancement : 65%\n— Prochaine étape : recette utilisateurs",
        update(ON, 65),
    ),
    ("fr-verticale-nest-pas-vert", "Recherche verticale lancée, 15 %", update(progress=15)),
    ("fr-livre-le-date", "Livré le 3 mars, KPI 2,9 j", update(DONE, kpi=2.9)),
    ("fr-on-termine-verbe", "On termine la recette cette semaine, 90 %", update(progress=90)),
    ("fr-pas-ok", "pas ok du tout, 10%", update(RISK, 10)),
    ("fr-livre-tout-est-ok", "Livré en prod, tout est ok 🎉", update(DONE)),
    ("fr-retard-de-2-semaines", "Retard de 2 semaines sur le lot 2 (fournisseur)", update(OFF)),
    ("fr-etait-orange-maintenant-vert", "était orange, maintenant vert", update(ON)),
    ("fr-plus-bloque", "plus bloqué par les achats, vert", update(ON)),
    (
        "fr-arbitrage-et-blocage",
        "rouge\nbloquant : pas de dev dispo\narbitrage : on sort le lot 3 du périmètre ?",
        update(OFF, blockers="pas de dev dispo", decision="on sort le lot 3 du périmètre ?"),
    ),
]

UNREADABLE: list[tuple[str, str, ParsedUpdate]] = [
    ("hello", "hello", NOTHING),
    ("question-mark", "?", NOTHING),
    ("thanks", "thanks!", NOTHING),
    ("ca-va", "ça va ?", NOTHING),
    ("empty", "", NOTHING),
    ("wave-shortcode", ":wave: <@U0BOT0001>", NOTHING),
    ("order-redo-not-status-words", "order placed, redo the mockups", NOTHING),
    (
        "tokens-okr-latest-not-status-words",
        "tokens renewed after the OKR review, latest deck",
        NOTHING,
    ),
    ("greenfield-undone-not-status-words", "greenfield site, undone tasks moved", NOTHING),
    ("on-termine-is-a-verb-not-done", "On termine la recette cette semaine", NOTHING),
    ("on-livre-is-a-verb-not-done", "on livre vendredi si tout va bien", NOTHING),
]

CORPUS = ENGLISH + FRENCH + UNREADABLE
