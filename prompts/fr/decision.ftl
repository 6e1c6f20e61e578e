## Le registre des décisions : le formulaire « Enregistrer la décision », l’avis dans le canal du comité, /decisions.

decision-form-title = Enregistrer la décision
decision-form-submit = Enregistrer
decision-form-cancel = Annuler
decision-form-decision = Décision
decision-form-rationale = Justification
decision-form-follow-up = Responsable du suivi
decision-form-due = Échéance
decision-form-error-decision = Choisissez la décision : l’une des options, ou reportée.
decision-form-error-rationale = Indiquez pourquoi le comité a décidé ainsi : la justification est conservée au registre.
decision-form-error-due = Choisissez une date, ou laissez le champ vide.
decision-form-error-due-past = Choisissez une date à partir d’aujourd’hui, ou laissez le champ vide.
decision-form-error-follow-up = Choisissez dans la liste la personne qui assure le suivi, ou laissez le champ vide.

decision-deferred = Reportée
decision-follow-up = suivi : { $who }
decision-follow-up-due = suivi : { $who } d’ici le { $due }
decision-due = échéance : { $due }
decision-carried-out = :white_check_mark: mise en œuvre

decision-notice-fallback = Décision : { $decision } — { $question }
decision-notice-fallback-deferred = Décision reportée — { $question }
decision-notice-title = :scales: *Décision* sur « { $question } »
decision-notice-initiative = initiative *{ $title }*
decision-notice-by = Décision prise par { $who }
decision-notice-voted = { $voted ->
    [one] { $voted } votant
   *[other] { $voted } votants
  } sur { $members }

decision-list-header = Décisions récentes
decision-list-fallback = { $count ->
    [one] { $count } décision récente
   *[other] { $count } décisions récentes
  }
decision-list-empty = Aucune décision n’a encore été enregistrée.
decision-list-empty-hint = Le CMO enregistre une décision à la clôture d’un sondage.
decision-list-empty-yours = Aucune décision de { $committees } ni sur vos initiatives n'a encore été enregistrée.
decision-list-none-visible = Vous n'êtes membre d'aucun comité et aucune décision ne concerne une initiative dont vous êtes responsable ou approbateur : il n'y a pas de décision à vous montrer.
decision-list-none-visible-hint = Chaque décision est visible des membres de son comité, du responsable et de l'approbateur de son initiative, et du CMO.
decision-list-scope = Décisions de { $committees } et sur vos initiatives.
decision-list-scope-initiatives = Décisions sur les initiatives dont vous êtes responsable ou approbateur.
decision-list-scope-all = Décisions de tous les comités.
decision-list-more = { $count ->
    [one] …et { $count } plus ancienne
   *[other] …et { $count } plus anciennes
  }

## Les décisions comme engagements : date de revue et décision remplacée dans le formulaire, le
## suivi (Fait / Pas encore, nouvelle date / Bloquée), l’escalade du retard, la revue du comité.

decision-form-review = Date de revue : quand le comité vérifie qu’elle tient toujours
decision-form-error-review = Choisissez une date de revue à partir d’aujourd’hui, ou laissez le champ vide.
decision-form-supersedes = Remplace une décision antérieure
decision-form-supersedes-option = n° { $id } { $decision }
decision-form-error-supersedes = Choisissez l’une des décisions antérieures du comité, ou laissez le champ vide.

decision-number = n° { $id }
decision-superseded-by = remplacée par la n° { $id }
decision-supersedes = remplace la n° { $id }
decision-review-on = revue le { $date }
decision-status-blocked = :no_entry: bloquée : { $reason }
decision-status-overdue = :hourglass: en retard

decision-follow-header = *Décisions dont vous assurez le suivi*
decision-follow-line = :scales: n° { $id } *{ $decision }* sur « { $question } » — pour le { $due }
decision-follow-line-blocked = :scales: n° { $id } *{ $decision }* sur « { $question } » — pour le { $due }, bloquée : { $reason }
decision-follow-ask = Est-elle mise en œuvre ? Sinon, choisissez la nouvelle date ; si quelque chose bloque, dites quoi.
decision-follow-fallback = Une décision à suivre : { $decision }
decision-button-blocked = Bloquée
decision-new-date = Pas encore, nouvelle date

decision-followed-new-date = C’est noté : pas encore, nouvelle échéance le { $due }. ({ $question })
decision-followed-blocked = C’est noté : bloquée ({ $reason }). Elle figure comme bloquée au registre des décisions. ({ $question })
decision-followed-date-past = Choisissez une nouvelle date à partir d’aujourd’hui ; rien n’a été modifié.

decision-blocked-form-title = Qu’est-ce qui bloque ?
decision-blocked-form-reason = Ce qui bloque la décision, en quelques mots
decision-blocked-form-submit = Enregistrer
decision-blocked-form-cancel = Annuler
decision-blocked-form-error = Dites en quelques mots ce qui bloque.

decision-overdue-owner = :warning: La décision *{ $decision }* sur « { $question } » était prévue pour le { $due } et n’est pas encore faite. Est-ce fait, pour quand, ou qu’est-ce qui bloque ?
decision-overdue-owner-told = :information_source: La décision *{ $decision }* sur « { $question } » était prévue pour le { $due } et reste ouverte : elle remonte donc à { $cmo }, qui l’a enregistrée. La marquer comme faite clôt l’escalade.
decision-overdue-cmo = :warning: La décision *{ $decision }* sur « { $question } » que vous avez enregistrée était prévue pour le { $due } et n’est pas faite (suivi : { $owner }).
decision-overdue-cmo-queued = :rotating_light: La décision *{ $decision }* sur « { $question } » n’est toujours pas faite (pour le { $due }, suivi : { $owner }) : elle rejoint { $queue }.
decision-overdue-fallback = Une décision est en retard : { $decision }
decision-overdue-request = Décision en retard « { $question } » → { $decision }, pour le { $due }, suivi : { $owner }. Que faire ?

decision-review = :mag: *Revue* de la décision *{ $decision }* sur « { $question } » (prise le { $date } par { $who }) : tient-elle toujours ?
decision-review-fallback = La décision tient-elle toujours ? { $decision }
decision-button-keep = La maintenir
decision-button-revisit = La revoir
decision-review-kept = :white_check_mark: Maintenue par { $who }.
decision-review-revisited = :arrows_counterclockwise: { $who } demande à la revoir : elle rejoint { $queue }.
decision-reviewed-keep = C’est noté : la décision tient toujours.
decision-reviewed-revisit = C’est noté : la décision rejoint { $queue } pour être revue.
decision-reviewed-already = Cette décision a déjà été revue ; rien n’a changé.
decision-review-not-member = Seuls les membres de { $committee } revoient ses décisions ; votre clic n’a pas été compté.
decision-review-request = Revoir la décision « { $question } » → { $decision } (prise le { $date }) : tient-elle toujours ?
decision-notice-no-quorum = prise sans quorum
