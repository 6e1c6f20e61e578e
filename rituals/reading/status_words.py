"""The words of statuses, as owners write them, with what each says and how strongly:
3 names a status ("vert", "at risk", ✅), 2 is a verdict ("dans les clous", "we won't make
the date"), 1 a hint ("en retard"), 0 a shrug ("ok", "presque fini"); a careful reader asks
on ASK, and reads NOTHING into "feu vert" or "done this week". A CASUAL verdict ("ça roule",
"all good") is on track among other words ("all good (70 %)"), a shrug when it is all the
owner says."""

from __future__ import annotations

from rituals.status import Status

ON, AT, OFF, DONE = Status.ON_TRACK, Status.AT_RISK, Status.OFF_TRACK, Status.DONE
ASK, WARN, NOTHING, CASUAL = "ask", "warn", "nothing", "casual"
MONTHS = r"jan|feb|fev|mar|apr|avr|may|mai|jun|juin|jul|aug|aou|sep|oct|nov|dec|q[1-4]|h[12]"
LATE = rf"late(?! (?:{MONTHS}|this|next|last|in|week|month|morning|afternoon|\d))"
PHRASES: list[tuple[str, str | Status, int]] = [
    # First, so that at one position "green light" wins over "green" (alternation is ordered).
    (r"feu vert|green light|done this week|fait cette semaine|red flags?|rien de dramatique"
     r"|chez orange|avec orange|operateur orange|red hat|green it|si tout va bien"
     r"|si tout se passe bien|if all goes well|if everything goes (?:well|to plan)"
     r"|if all goes to plan|green field|greenfield|ok(?:ay)?,? (?:merci|thanks|thank you|thx"
     r"|cool|noted|parfait|super|top|ca marche|c'est note|got it|je regarde|i'll check)"
     r"|ok pour (?:la|le|les|ta|ton|tes|votre|vos|cette|ce) "
     # colours that name things: "espaces verts", "fil rouge", "red team", "green belt"
     r"|espaces? verts?|numero vert|fil rouge|lignes? rouges?|liste rouge|carton rouge"
     r"|feu rouge|tapis rouge|energie verte|red[ -]team|red tape|red lines?|green[ -]?lit"
     r"|green[ -]?light(?:ed|s)?|green energy|green bonds?|green belt|green card|green deal"
     r"|client orange|contrat orange|orange business|orange bank", NOTHING, 9),
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
    (r"on peut (?:cloturer|clore|fermer)|peut etre (?:cloture|clos|close|ferme)e?|ready to close"
     r"|can be closed|we can close|mission accomplie|mission accomplished|finito|c'est plie"
     r"|all done|job done|c'est dans la boite", DONE, 2),
    (r"dans les temps|dans les clous|sous controle|on tient (?:la date|les delais|le planning)"
     r"|tracking to plan|on plan|as planned|according to plan"
     r"|ahead of (?:plan|schedule)|en avance|d'avance|on garde le cap|dans la trajectoire"
     r"|on schedule|pas en retard|not late|not behind|in good shape|on target|on course"
     r"|going well|progressing well|smoothly|nominal|conforme au planning|dans le planning"
     r"|conformement au (?:planning|calendrier|plan)|en ligne avec le (?:planning|plan)"
     r"|selon le (?:planning|calendrier) prevu|according to schedule|in line with (?:the )?plan"
     r"|as scheduled|comme prevu|sur les rails|sur de bons rails"
     r"|sur la bonne voie|on the right track|on the rails|all systems go"
     r"|going to plan|going according to plan|ca avance bien|avance bien|se passe bien"
     r"|se deroule bien|moving along nicely|trending well|tracking well"
     r"|under control|se presente bien|bien parti|planning (?:tenu|respecte)|delais (?:tenus"
     r"|respectes)|on tiendra (?:la date|les delais)|healthy"
     r"|humming along", ON, 2),
    (r"all good|tout va bien|tout roule|ca roule|tout baigne|so far so good|looking good"
     r"|looks good|nickel", CASUAL, 2),
    (r"ca glisse|glisse|slipping|derive|leger retard|petit retard|un peu en retard"
     r"|un peu late|slightly (?:behind|late)|a bit (?:behind|late)|a surveiller|glissement"
     r"|risque de (?:retard|glissement|derive)|legerement en retard|a little behind"
     r"|slight delay|minor delay|accuse un (?:leger )?retard|prend du retard|under watch"
     r"|sous surveillance|risk of delay|sent le roussi|ca patine|ca traine|on rame"
     r"|on galere|dans le dur|touch and go|wobbly|shaky|in jeopardy|en danger|fragile"
     r"|sous tension|under pressure|c'est chaud|inquietant|worrying|under strain", AT, 2),
    (r"hors de portee|won't make|will not make|wont make|not going to make|ne tiendra pas"
     r"|ne tiendrons pas|plus tenable|way behind|tres en retard|on est mal|crame|compromise?"
     r"|largement en retard|gros retard|major delay|(?:severely|significantly) (?:delayed|late"
     r"|behind)|stalled|en echec|failed|failing|hors delai|dead in the water|a l'arret"
     r"|au point mort|at a standstill|ground to a halt|halted|off the rails|derailed"
     r"|sorti des rails|dans le mur|mission impossible|no way we (?:make|hit)|won't hit"
     r"|will not hit|not going to hit|ne tiendrons pas|on ne tiendra pas|rien ne va plus"
     r"|catastrophique|statut ko|status ko", OFF, 2),
    (r"en pause|on hold|paused|cancelled|canceled|annulee?|abandonnee?|winding (?:it )?down"
     r"|not sure|pas sur|pas certain|unsure|je ne sais pas|don't know|ok-ish|okish|so-so|bof"
     r"|mitige|suspendue?s?(?! (?:a|au|aux|on)\b)|suspended(?! (?:on|until)\b)"
     r"|mise? en veille|en stand-?by|on ice|en sommeil|(?:green|amber|red|on track|vert|orange"
     r"|rouge)[ -]?ish|plutot (?:vert|orange|rouge)(?: que| ou)|plus (?:vert|orange|rouge)"
     r" que", ASK, 2),
    (r"⚠", WARN, 2),
    (r"☀|🌞|meteo\s*:?\s*(?:au\s+)?(?:soleil|ensoleillee?|beau temps|beau fixe)", ON, 2),
    (r"⛅|🌤|🌥|☁|meteo\s*:?\s*(?:nuageuse?|nuages|variable|mitigee)", AT, 2),
    (r"⛈|🌧|🌩|meteo\s*:?\s*(?:orageuse?|orage|pluie|tempete|pluvieuse)", OFF, 2),
    (rf"en retard|de retard|retard (?:de|d'|sur)|behind|{LATE}|delayed|delay of|slipped"
     r"|(?:ne sera|ne seront|won't be|will not be) (?:pas )?(?:livree?s?|pret|prete|ready"
     r"|delivered|done) (?:a temps|dans les temps|on time)|en difficulte|in trouble|struggling"
     r"|situation critique|critical state|mal parti|en souffrance", AT, 1),
    (r"ok|okay|👍|fine|ca va|presque (?:fini|finie|termine|done)|almost (?:done|finished|there)"
     r"|nearly (?:done|there)|presque|🔥|quasi(?:ment)? (?:fini|finie|termine|terminee|boucle"
     r"|bouclee|done|acheve|livre)|pratiquement (?:fini|finie|termine|terminee|boucle)"
     r"|virtually done|pretty much done|more or less done|all but done|just about done"
     r"|nearly complete|almost complete|mostly done|largely done|en grande partie"
     r" (?:termine|fini|fait|livre)", ASK, 0),
]  # fmt: skip
