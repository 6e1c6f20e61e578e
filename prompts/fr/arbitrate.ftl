## /arbitrate : ce qui est dit en privé au CMO, et le formulaire qui soumet une question à un comité.

arbitrate-posted = :white_check_mark: Sondage publié dans { $channel }, fin des votes : { $deadline }.
arbitrate-posted-summary = *{ $question }* · { $count ->
    [one] { $count } option
   *[other] { $count } options
  }
arbitrate-refused = Seul le CMO peut soumettre une question à un comité avec `/arbitrate`. Rien n’a été publié.
arbitrate-refused-hint = Si votre initiative nécessite une décision, indiquez-le dans votre point hebdo (`décision attendue : …`) : elle sera inscrite à l’ordre du jour du prochain comité mensuel.

arbitrate-error-no-question = Rien n’a été publié : la question manque.
arbitrate-error-one-option = Rien n’a été publié : un sondage demande au moins deux options.
arbitrate-error-too-many-options = Rien n’a été publié : un sondage accepte au plus { $max } options (vous en avez indiqué { $count }).
arbitrate-error-empty-option = Rien n’a été publié : l’option { $position } est vide.
arbitrate-error-duplicate-option = Rien n’a été publié : l’option « { $option } » figure deux fois.
arbitrate-error-unknown-committee = Rien n’a été publié : aucun comité ne s’appelle « { $name } » (comités connus : { $known }).
arbitrate-error-unknown-committee-none = Rien n’a été publié : aucun comité ne s’appelle « { $name } ».
arbitrate-error-no-committee = Rien n’a été publié : aucun comité n’est encore configuré.
arbitrate-error-past-deadline = Rien n’a été publié : la date de fin des votes, { $deadline }, est déjà passée.
arbitrate-error-too-long-question = Rien n’a été publié : la question dépasse { $limit } caractères.
arbitrate-error-too-long-option = Rien n’a été publié : l’option { $position } dépasse { $limit } caractères.
arbitrate-error-other = Rien n’a été publié : je n’ai pas compris cette demande.
arbitrate-usage = Écrivez `/arbitrate QUESTION | OPTION | OPTION`, avec 2 à { $max } options, par exemple :
arbitrate-usage-example = /arbitrate Prolonge-t-on le budget ERP de 3 mois ? | Oui | Non | Seulement 1 mois
arbitrate-usage-committee = Commencez par `#comité` ou `comité :` pour choisir le comité, ou tapez `/arbitrate` seul pour ouvrir le formulaire.

arbitrate-form-title = Saisir un comité
arbitrate-form-submit = Publier le sondage
arbitrate-form-cancel = Annuler
arbitrate-form-question = Question
arbitrate-form-question-example = Prolonge-t-on le budget ERP de 3 mois ?
arbitrate-form-options = Options, une par ligne (de 2 à { $max })
arbitrate-form-options-example-1 = Oui
arbitrate-form-options-example-2 = Non
arbitrate-form-options-example-3 = Seulement 1 mois
arbitrate-form-committee = Comité
arbitrate-form-deadline = Fin des votes
arbitrate-form-visibility = Votes
arbitrate-form-names = Nominatifs
arbitrate-form-anonymous = Anonymes : totaux seulement, pour tout le monde
arbitrate-form-context = Contexte
arbitrate-form-context-example = Éléments de contexte, ou lien vers le document
arbitrate-form-initiative = Initiative concernée

arbitrate-form-error-no-question = Indiquez la question à soumettre au comité.
arbitrate-form-error-one-option = Indiquez au moins deux options, une par ligne.
arbitrate-form-error-too-many-options = Indiquez au plus { $max } options, une par ligne (vous en avez écrit { $count }).
arbitrate-form-error-empty-option = L’option { $position } est vide : indiquez une option par ligne.
arbitrate-form-error-duplicate-option = « { $option } » figure deux fois : chaque option doit être différente.
arbitrate-form-error-too-long-question = La question est limitée à { $limit } caractères.
arbitrate-form-error-too-long-option = L’option { $position } est trop longue : chaque option est limitée à { $limit } caractères.
arbitrate-form-error-committee = Choisissez l’un des comités configurés.
arbitrate-form-error-no-committee = Aucun comité n’est encore configuré : demandez à l’administrateur d’en ajouter un.
arbitrate-form-error-deadline = Choisissez une date de fin des votes à venir.
arbitrate-form-error-initiative = Choisissez une initiative dans la liste, ou laissez le champ vide.
arbitrate-form-error-not-cmo = Seul le CMO peut soumettre une question à un comité.

## Des sondages auxquels un comité se fie : décompte caché et vote secret, dans le formulaire et la réponse.
arbitrate-form-tally = Décompte
arbitrate-form-hidden = Cacher le décompte jusqu’à la clôture (participation seulement d’ici là)
arbitrate-posted-anonymous = Vote secret : personne ne peut savoir qui a voté quoi, pas même à partir de la base de données.
arbitrate-posted-hidden = Le décompte est caché jusqu’à la clôture ; vous ne verrez que la participation.
