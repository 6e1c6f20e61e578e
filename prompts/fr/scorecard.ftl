## Le tableau de bord par perspective : les indicateurs de santé de la configuration et les
## KPI des initiatives, chacun face à ses seuils. Les lignes sont composées dans le code.

scorecard-perspective = { $name ->
    [sales] Ventes
    [quality] Qualité
    [costs] Coûts
    [delays] Délais
    [engagement] Engagement
   *[other] { $name }
  }
scorecard-level = { $level ->
    [green] dans la cible
    [amber] à surveiller
    [red] hors cible
   *[unknown] sans valeur
  }
scorecard-no-value = sans valeur
# Un indicateur dans la ligne d'un digest : « DSO 52 j 🟠 ».
scorecard-item = { $title } { $value } { $level }
# Les KPI des initiatives d'une perspective, comptés par niveau : « 3 initiatives 🟢 2 · 🔴 1 ».
scorecard-kpis = { $count ->
    [one] { $count } initiative { $levels }
   *[other] { $count } initiatives { $levels }
  }
scorecard-digest-heading = :bar_chart: *Tableau de bord*
scorecard-digest-line = *{ $perspective }* : { $items }
scorecard-home-header = Tableau de bord par perspective
scorecard-home-perspective = *{ $perspective }*
scorecard-home-indicator = { $level } *{ $title }* : { $value } · cible { $target }
scorecard-home-indicator-no-target = { $level } *{ $title }* : { $value }
scorecard-home-as-of = au { $date }
scorecard-home-trend = tendance { $trend }
scorecard-home-unread = source illisible : { $error }
scorecard-home-kpis = KPI des initiatives : { $levels }
scorecard-home-empty = Aucun indicateur de santé pour l'instant : ajoutez une table [indicators.NAME] à la configuration, ou une colonne perspective à la feuille de route.
