## Le sondage du comité : son message dans le canal, l’avis au CMO à sa clôture, et ce qui est
## dit en privé à un votant ou au CMO. { $letter } est la lettre d’une option (A, B…).

poll-fallback = Arbitrage pour { $committee } : { $question }
poll-header = ⚖️ { $question }
poll-initiative = Initiative : *{ $title }* · responsable { $owner }
poll-votes = { $count ->
    [one] *{ $count }* vote
   *[other] *{ $count }* votes
  }
poll-voters-more = { $count ->
    [one] et { $count } autre
   *[other] et { $count } autres
  }
poll-vote-button = Voter { $letter }
poll-closes = Fin des votes : { $deadline }
poll-voted = { $voted ->
    [one] { $voted } membre sur { $members } a voté
   *[other] { $voted } membres sur { $members } ont voté
  }
poll-voted-missing = { $voted ->
    [one] { $voted } membre sur { $members } a voté
   *[other] { $voted } membres sur { $members } ont voté
  }, { $missing } pas encore
poll-anonymous = Anonyme : totaux seulement, pour tout le monde
poll-committee = Comité { $committee }
poll-close-button = Clore maintenant
poll-close-confirm-title = Clore ce sondage ?
poll-close-confirm-text = Les votes s’arrêtent maintenant et le résultat est présenté au comité.
poll-close-confirm-yes = Clore
poll-close-confirm-no = Laisser ouvert

poll-result-winner = *Résultat : { $letter }. { $option }*, avec { $count ->
    [one] { $count } vote
   *[other] { $count } votes
  } sur { $voted }.
poll-result-tie = *Résultat : égalité* entre { $options }.
poll-result-none = *Résultat : aucun vote exprimé.*
poll-closed-status = Clos · participation { $turnout } ({ $voted ->
    [one] { $voted } membre
   *[other] { $voted } membres
  } sur { $members })

poll-closed-fallback = Sondage clos : { $question }
poll-closed-title = :ballot_box_with_check: Le sondage de { $channel } est clos : *{ $question }*
poll-closed-winner = Option arrivée en tête : *{ $letter }. { $option }* ({ $count } sur { $voted }).
poll-closed-tie = Égalité entre { $options }.
poll-closed-nobody = Personne n’a voté.
poll-closed-turnout = Participation : { $turnout }.
poll-closed-record = Enregistrez la décision du comité pour qu’elle soit tracée et suivie.
poll-record-button = Enregistrer la décision

poll-vote-new = Votre vote pour { $option } est pris en compte.
poll-vote-changed = Votre vote est désormais { $option }.
poll-vote-same = Vous avez déjà voté { $option } : rien n’a changé.
poll-vote-not-member = Seuls les membres du comité { $committee } votent ici ; votre clic n’a pas été compté.
poll-vote-closed = Ce sondage est clos ; votre clic n’a pas été compté.

poll-notice-not-cmo = Seul le CMO peut clore un sondage ou en enregistrer la décision.
poll-notice-already = Ce sondage est déjà clos.

## Des sondages auxquels un comité se fie : le décompte caché, le quorum, le vote secret, la relance unique.
poll-turnout-hidden = { $voted } sur { $members } ont voté · le décompte s’affiche à la clôture
poll-quorum = Quorum : { $needed ->
    [one] { $needed } vote
   *[other] { $needed } votes
  }
poll-result-no-quorum = *Quorum non atteint :* { $voted } sur { $members } ont voté, { $needed } requis. La décision est reportée, sauf si le CMO en enregistre une malgré tout.
poll-closed-no-quorum = *Quorum non atteint* ({ $voted } sur { $members } ont voté, { $needed } requis) : la décision est reportée, sauf si vous en enregistrez une malgré tout ; le registre indiquera qu’elle a été prise sans quorum.
poll-vote-secret = Vote secret : votre vote est enregistré sous un code que seul ce sondage connaît, et ce code est détruit à la clôture.

poll-nudge-fallback = Un sondage de { $committee } se termine { $deadline } : vous n’avez pas encore voté
poll-nudge = :ballot_box_with_ballot: Le sondage *{ $question }* de { $committee } se termine { $deadline } et vous n’avez pas encore voté. Votez dans { $channel }.
