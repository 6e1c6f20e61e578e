## `/checkin aide`, `/arbitrate aide`, `/decisions aide` (ou `help`) : toutes les formes de
## la commande, chacune avec un exemple, en réponse privée. Une puce par message.

usage-checkin-title = *`/checkin`* : votre point hebdo, vos absences et la langue dans laquelle je vous écris.
usage-checkin-form = `/checkin` ouvre le formulaire du point pour vos initiatives. Vous pouvez aussi répondre à la demande en une phrase : `vert, 60 %, kpi 4,5, bloqué par le juridique`.
usage-checkin-away-date = `/checkin absent jusqu'au 15/12/2026` (ou `2026-12-15`) : absent jusqu'à ce jour inclus. Ni demande, ni relance, ni escalade d'ici là.
usage-checkin-away-relative = `/checkin absent jusqu'à vendredi` (le prochain) · `/checkin absent pour 2 semaines` · `/checkin absent pour 3 jours` · `/checkin absent demain`
usage-checkin-away-deputy = `/checkin absent pour 2 semaines @Marie` : Marie reçoit vos demandes et répond pour vous d'ici là.
usage-checkin-back = `/checkin retour` : vous êtes de retour, vos points reprennent (ou *Je suis de retour* dans l'onglet Accueil du bot).
usage-checkin-language = `/checkin langue fr` · `/checkin langue en` · `/checkin langue auto` (la langue de votre Slack)
usage-checkin-shortcut = Sur un message que vous avez écrit dans n'importe quel canal : ⋮ *Plus d'actions* → *Record as check-in* le lit comme votre point.
usage-checkin-help = `/checkin aide` : cette aide.

usage-arbitrate-title = *`/arbitrate`* : soumettre une question à un comité, en sondage avec un bouton par option.
usage-arbitrate-form = `/arbitrate` seul ouvre le formulaire : question, options, comité, échéance, vote anonyme, contexte, initiative.
usage-arbitrate-poll = `/arbitrate Prolonge-t-on le budget ERP ? | Oui | Non | 1 mois seulement` : de 2 à { $max } options, pour le comité du canal où vous la tapez (ailleurs, le premier comité).
usage-arbitrate-channel = `/arbitrate #opscom Quel fournisseur ? | A | B` : pour le comité de ce canal.
usage-arbitrate-name = `/arbitrate comex: Prolonger le budget ? | Oui | Non` : pour le comité nommé en premier.
usage-arbitrate-flags = `/arbitrate Budget 2027 ? | Approuver | Rejeter --hidden --anonymous` : `--hidden` n’affiche que la participation jusqu’à la clôture ; `--anonymous` en fait un vote secret.
usage-arbitrate-help = `/arbitrate aide` : cette aide.
usage-arbitrate-cmo = Seul le CMO peut publier un sondage. Les membres du comité votent avec ses boutons ; pour demander une décision sur votre initiative, écrivez `décision : …` dans votre point, elle rejoint l'ordre du jour mensuel du comité.

usage-decisions-title = *`/decisions`* : le registre des décisions, en privé.
usage-decisions-list = `/decisions` : les dernières décisions que vous pouvez voir, des plus récentes aux plus anciennes, avec qui assure le suivi et pour quand.
usage-decisions-scope = Vous voyez les décisions des comités dont vous êtes membre et celles des initiatives dont vous êtes responsable ou approbateur ; le CMO les voit toutes.
usage-decisions-help = `/decisions aide` : cette aide.
