"""The words of statuses, as owners write them, with what each says and how strongly:
3 names a status ("vert", "at risk", ✅), 2 is a verdict ("dans les clous", "we won't make
the date"), 1 a hint ("en retard"), 0 a shrug ("ok", "presque fini"); a careful reader asks
on ASK, and reads NOTHING into "feu vert" or "done this week"."""

from __future__ import annotations

from rituals.status import Status

ON, AT, OFF, DONE = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.DONE
ASK, WARN, NOTHING = "ask", "warn", "nothing"
MONTHS = r"jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|aug|aou|sep|oct|nov|dec|q[1-4]|h[12]"
LATE = rf"late(?! (?:{MONTHS}|this|next|last|in|week|month|morning|afternoon|\d))"
PHRASES: list[tuple[str, str | Status, int]] = [
    (r"green|vert|verte|verts|vertes|on[ -]?track|en bonne voie|🟢|💚|🟩", ON, 3),
    (r"orange|amber|ambre|jaune|jaunes|yellow|at[ -]risk|a risque|en risque|🟡|🟠|🟨|🟧|💛"
     r"|🧡", AT, 3),
    (r"red|rouge|rouges|off[ -]?track|🔴|🟥", OFF, 3),
    (r"(?:rag|status|statut|etat)\s*[:=]?\s*(?:g|v)", ON, 3),
    (r"(?:rag|status|statut|etat)\s*[:=]?\s*(?:a|o|j)", AT, 3),
    (r"(?:rag|status|statut|etat)\s*[:=]?\s*r", OFF, 3),
    (r"done|finie?s?|terminee?s?|finished|complete|completed|livree?s?|delivered|shipped"
     r"|shippee?|achevee?s?|close?|closed|cloturee?|finalisee?|c'est fait|bouclee?|completee?"
     r"|wrapped up|closed out|✅|✔|☑|✓", DONE, 3),
    (r"dans les temps|dans les clous|sous controle|on tient (?:la date|les delais|le planning)"
     r"|tracking to plan|on plan|as planned|according to plan|all good|tout va bien|tout roule"
     r"|ahead of (?:plan|schedule)|en avance|d'avance|on garde le cap|dans la trajectoire"
     r"|on schedule|pas en retard|not late|not behind|in good shape|on target|on course"
     r"|going well|progressing well|smoothly|nominal|conforme au planning|dans le planning"
     r"|conformement au (?:planning|calendrier|plan)|en ligne avec le (?:planning|plan)"
     r"|selon le (?:planning|calendrier) prevu|according to schedule|in line with (?:the )?plan"
     r"|as scheduled|comme prevu|tout baigne|ca roule", ON, 2),
    (r"ca glisse|glisse|slipping|slipped|derive|leger retard|petit retard|un peu en retard"
     r"|un peu late|slightly (?:behind|late)|a bit (?:behind|late)|a surveiller|glissement"
     r"|risque de (?:retard|glissement|derive)|legerement en retard|a little behind"
     r"|slight delay|minor delay|accuse un (?:leger )?retard|prend du retard|under watch"
     r"|sous surveillance|risk of delay", AT, 2),
    (r"hors de portee|won't make|will not make|wont make|not going to make|ne tiendra pas"
     r"|ne tiendrons pas|plus tenable|way behind|tres en retard|on est mal|crame|compromise?"
     r"|largement en retard|gros retard|major delay|(?:severely|significantly) (?:delayed|late"
     r"|behind)|stalled|en echec|failed|failing|hors delai", OFF, 2),
    (r"en pause|on hold|paused|cancelled|canceled|annulee?|abandonnee?|winding (?:it )?down"
     r"|not sure|pas sur|pas certain|unsure|je ne sais pas|don't know|ok-ish|okish|so-so|bof"
     r"|mitige", ASK, 2),
    (r"⚠", WARN, 2),
    (r"☀|🌞|meteo\s*:?\s*(?:au\s+)?(?:soleil|ensoleillee?|beau temps|beau fixe)", ON, 2),
    (r"⛅|🌤|🌥|☁|meteo\s*:?\s*(?:nuageuse?|nuages|variable|mitigee)", AT, 2),
    (r"⛈|🌧|🌩|meteo\s*:?\s*(?:orageuse?|orage|pluie|tempete|pluvieuse)", OFF, 2),
    (rf"en retard|de retard|behind|{LATE}|delayed", AT, 1),
    (r"ok|okay|👍|fine|ca va|presque (?:fini|finie|termine|done)|almost (?:done|finished|there)"
     r"|nearly (?:done|there)|presque|🔥", ASK, 0),
    (r"feu vert|green light|done this week|fait cette semaine|red flag|rien de dramatique"
     r"|chez orange|avec orange|operateur orange|red hat|green it", NOTHING, 9),
]  # fmt: skip
