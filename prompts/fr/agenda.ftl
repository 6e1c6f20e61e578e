## L’arbitrage mensuel : l’ordre du jour publié dans le canal d’un comité, et les options d’une demande.

agenda-fallback = Comité d’arbitrage mensuel { $period } : { $count ->
    [one] { $count } sujet
   *[other] { $count } sujets
  }
agenda-header = Arbitrage mensuel · { $committee } · { $period }
agenda-intro = { $count ->
    [one] { $count } décision demandée par un responsable d’initiative ; elle fait l’objet d’un sondage ci-dessous.
   *[other] { $count } décisions demandées par les responsables d’initiative ; chacune fait l’objet d’un sondage ci-dessous.
  }
agenda-deadline = Fin des votes : { $deadline }.
agenda-item = • *{ $title }* ({ $owner }) : { $request }
agenda-more = { $count ->
    [one] …et { $count } autre
   *[other] …et { $count } autres
  }
agenda-option-approve = Approuver : { $proposal }
agenda-option-reject = Rejeter
agenda-option-defer = Reporter au mois prochain
