## Le point hebdomadaire : la demande, la relance, les accusés de réception, le formulaire.

checkin-prompt-fallback = Point hebdo { $period } : { $titles }
checkin-prompt-header = Point hebdo · { $period }
checkin-prompt-intro = { $count ->
    [one] Votre initiative cette semaine. Répondez ici en une phrase, ou utilisez les boutons.
   *[other] Vos { $count } initiatives cette semaine. Répondez ici avec une ligne par initiative, ou utilisez les boutons.
  }
checkin-prompt-for = _Pour { $owner }, absent : vous répondez à sa place._
checkin-prompt-more = _…et { $count } de plus : utilisez Tout mettre à jour._
checkin-prompt-kpi = *KPI :* { $kpi }
checkin-prompt-kpi-target = *KPI :* { $kpi } · cible *{ $target }*
checkin-prompt-due = *Échéance :* { $due }
checkin-prompt-last = *Dernier point* ({ $period })
checkin-prompt-first = _Pas encore de point : c'est le premier._
checkin-prompt-decision = :scales: Décision du { $date } : *{ $decision }*
checkin-prompt-decision-due = :scales: Décision du { $date } : *{ $decision }* (pour le { $due })
checkin-prompt-decision-ask = Est-elle mise en œuvre ?
checkin-prompt-hint = Répondez simplement ici en une phrase, par exemple `vert, 60 %, kpi 4,5, bloqué par le juridique`, ou utilisez les boutons.
checkin-prompt-hint-many = Plusieurs à la fois : une ligne chacune, par exemple `ERP : vert 60 % / DSO : rouge, bloqué par la compta`.
checkin-button-update = Mettre à jour
checkin-button-no-change = Pas de changement
checkin-button-skip = Passer cette semaine
checkin-button-away = Je suis absent
checkin-button-update-all = Tout mettre à jour
decision-button-done = Mise en œuvre
decision-button-not-yet = Pas encore

checkin-reminder-fallback = { $count ->
    [one] Relance : un point encore attendu pour { $period }
   *[other] Relance : { $count } points encore attendus pour { $period }
  }
checkin-reminder = :wave: Petite relance : le comité attend encore le point de cette semaine sur { $titles }. Une ligne en réponse ici suffit, par exemple `vert, 60 %`.
checkin-reminder-more = { $titles } et { $count } de plus

receipt-fallback = { $count ->
    [one] Point enregistré pour { $title }
   *[other] { $count } points enregistrés
  }
receipt-more = { $count ->
    [one] …et un autre point enregistré, non affiché ici : tapez `/checkin` pour le voir ou le corriger.
   *[other] …et { $count } autres points enregistrés, non affichés ici : tapez `/checkin` pour les voir ou les corriger.
  }
receipt-title = { $replaced ->
    [yes] :white_check_mark: Point *remplacé* pour *{ $title }* ({ $period })
   *[no] :white_check_mark: Point enregistré pour *{ $title }* ({ $period })
  }
receipt-kept-status = _Pas de statut donné : le précédent est conservé._
receipt-no-status = _Pas encore de statut : dites vert, orange ou rouge, ou utilisez Corriger._
receipt-button-correct = Corriger

checkin-skipped-fallback = Passé cette semaine : { $title }
checkin-skipped = :fast_forward: Passé pour { $period }. À la semaine prochaine. · *{ $title }*

checkin-help-fallback = Je n'ai pas trouvé de point dans ce message.
checkin-help = Je n'ai pas trouvé de point dans ce message : rien n'a été enregistré.
checkin-help-examples = Écrivez un statut et, si vous le souhaitez, un avancement, une valeur de KPI et des blocages, par exemple :
checkin-help-example-1 = vert, 60 %, kpi 4,5, bloqué par le juridique
checkin-help-example-2 = orange 40 % — bloquant : attente du fournisseur
checkin-help-example-3 = pas de changement
checkin-help-form = Ou tapez `/checkin` pour ouvrir le formulaire.

checkin-not-owner-fallback = Vous n'avez pas d'initiative à renseigner.
checkin-not-owner = Merci pour votre message ! Vous ne portez aucune initiative de la feuille de route en cours : il n'y a rien à renseigner ici. Si vous pensez que vous devriez, demandez à votre CMO de vous ajouter comme responsable dans la feuille de route.

checkin-which-fallback = Pour quelle initiative est ce point ?
checkin-which = Pour quelle initiative est ce point ? Je l'enregistre dès que vous en choisissez une.
checkin-chosen-fallback = Enregistré pour { $title }
checkin-chosen = Enregistré pour *{ $title }*.

checkin-form-title = Point hebdo
checkin-form-save = Enregistrer
checkin-form-cancel = Annuler
checkin-form-initiative = Initiative
checkin-form-week = *{ $title }* · { $period }
checkin-form-status = Statut
checkin-form-progress = Avancement (%)
checkin-form-kpi = Valeur du KPI
checkin-form-kpi-named = Valeur du KPI · { $kpi }
checkin-form-blockers = Blocages
checkin-form-decision = Une décision à prendre ?
checkin-form-decision-hint = Ce que le comité devrait décider, le cas échéant.
checkin-form-comment = Commentaire
checkin-form-error-status = Choisissez un statut : en bonne voie, à risque, en retard ou terminé.
checkin-form-error-progress = Écrivez un nombre entier de 0 à 100, par exemple 60.
checkin-form-error-kpi = Écrivez un nombre, par exemple 4,5 ou 1 234,5.
checkin-form-error-kpi-ambiguous = Est-ce { $small } ou { $large } ? Écrivez-le sans séparateur de milliers, ou avec une virgule décimale.

decision-followed-done = C'est noté : mise en œuvre. ({ $question })
decision-followed-not-yet = C'est noté : pas encore mise en œuvre ; la question vous sera reposée la semaine prochaine. ({ $question })
decision-followed-not-yours = Seul le responsable de l'initiative ou le responsable du suivi de la décision peut dire si elle est mise en œuvre.
receipt-ask-status = :grey_question: { $title } : quel statut vouliez-vous dire ? Le reste est enregistré.
receipt-ask-progress = :grey_question: { $title } : quel avancement vouliez-vous dire ? Le reste est enregistré.
receipt-ask-kpi = :grey_question: { $title } : quelle valeur de KPI vouliez-vous dire ? Le reste est enregistré.
receipt-ask-progress-or-kpi = :grey_question: { $title } : { $value }, est-ce l'avancement ou le KPI ? Le reste est enregistré.
receipt-answer-progress = { $value } est l'avancement
receipt-answer-kpi = { $value } est le KPI
checkin-all-title = Tout mettre à jour
checkin-all-intro = *{ $title }*
checkin-all-more = { $count ->
    [one] Une autre initiative n’est pas dans ce formulaire : enregistrez, puis appuyez de nouveau sur *Tout mettre à jour*.
   *[other] { $count } autres initiatives ne sont pas dans ce formulaire : enregistrez, puis appuyez de nouveau sur *Tout mettre à jour*.
  }
receipt-ask-one-progress = :grey_question: { $title } : { $value }, est-ce l'avancement ? Le reste est enregistré.
receipt-ask-one-kpi = :grey_question: { $title } : { $value }, est-ce le KPI ? Le reste est enregistré.
receipt-answer-neither = Ni l'un ni l'autre
