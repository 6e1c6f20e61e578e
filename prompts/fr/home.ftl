## L'accueil de l'app : les initiatives de chacun, ce qu'il doit, les escalades dont il est
## l'approbateur ; celui d'un CMO y ajoute le portefeuille. Les listes montrent leurs premiers
## éléments, puis « …et N de plus ».

home-header = Vos rituels
home-empty = :sunny: *Rien ne vous attend pour le moment.* Vous ne portez aucune initiative ce trimestre, vous ne devez ni point hebdo ni vote, et aucune escalade ne relève de vous.
home-empty-next = Quand une initiative vous sera confiée, son point hebdo apparaîtra ici.
home-away = :palm_tree: *Vous êtes absent* jusqu'au { $until } inclus : personne ne vous demande de point et rien n'est escaladé d'ici là.
home-away-deputy = :palm_tree: *Vous êtes absent* jusqu'au { $until } inclus : { $deputy } reçoit vos demandes et répond pour vous d'ici là.
home-away-coming = :palm_tree: *Vous serez absent* du { $since } au { $until } : personne ne vous demandera de point pendant ce temps.
home-away-coming-deputy = :palm_tree: *Vous serez absent* du { $since } au { $until } : { $deputy } recevra vos demandes et répondra pour vous.
home-away-day = :palm_tree: *Vous serez absent* le { $since } : personne ne vous demandera de point ce jour-là.
home-away-day-deputy = :palm_tree: *Vous serez absent* le { $since } : { $deputy } recevra vos demandes et répondra pour vous ce jour-là.
home-button-back = Je suis de retour
home-button-cancel-away = Annuler cette absence
home-initiatives = Vos initiatives · { $quarter }
home-initiative-due = échéance { $due }
home-last = *Dernier point* ({ $period })
home-no-update = _Pas encore de point._
home-no-initiative = _Vous ne portez aucune initiative ce trimestre._
home-button-checkin = Faire le point
home-more = _…et { $count } de plus_
home-owe = Ce que vous devez
home-caught-up = :white_check_mark: Vous êtes à jour : aucun point hebdo ni vote ne vous attend.
home-prompts = :spiral_note_pad: *Points hebdo de la semaine { $week }*
home-poll = :ballot_box_with_ballot: *Vote du comité { $committee }* : { $question }
home-poll-deadline = Échéance { $deadline }
home-poll-channel = votez dans { $channel }
home-escalations = Escalades dont vous êtes l'approbateur
home-escalation = :rotating_light: *{ $title }* ({ $owner }) { $why } · { $level } · depuis le { $since }
home-portfolio = Portefeuille · { $quarter }
home-by-committee = *Initiatives par comité*
home-committee-none = Sans comité
home-no-initiatives = _Aucune initiative ce trimestre._
home-overdue = *En retard sur l'échéance*
home-overdue-line = *{ $title }* ({ $owner }) : échéance { $due }
home-nothing-overdue = _Aucune échéance n'est dépassée._
home-queue = *File d'arbitrage*
home-queue-line = { $committee } · *{ $title }* : { $text } ({ $by })
home-queue-empty = _La file est vide._
home-decisions = *Décisions récentes*
home-decision-line = { $date } · { $committee } · *{ $question }* → { $decision }
home-decision-deferred = Reportée
home-no-decisions = _Aucune décision enregistrée pour l'instant._
home-my-decisions = *Décisions de vos comités et de vos initiatives*
home-reading = { $written ->
    [one] Une réponse écrite en message ce trimestre
   *[other] { $written } réponses écrites en message ce trimestre
  }, { $corrected ->
    [0] aucune corrigée ensuite : le bot les a bien lues.
    [one] une corrigée ensuite avec *Corriger* ({ $rate }).
   *[other] { $corrected } corrigées ensuite avec *Corriger* ({ $rate }).
  }
home-footer = Semaine { $week } · mis à jour { $now }
