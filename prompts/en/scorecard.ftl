## The scorecard by perspective: the health indicators of the configuration and the
## initiatives' KPIs, each against its thresholds. Lines are composed in code.

scorecard-perspective = { $name ->
    [sales] Sales
    [quality] Quality
    [costs] Costs
    [delays] Delays
    [engagement] Engagement
   *[other] { $name }
  }
scorecard-level = { $level ->
    [green] on target
    [amber] to watch
    [red] off target
   *[unknown] no value
  }
scorecard-no-value = no value
# One indicator in a digest's line: "DSO 52 d 🟠".
scorecard-item = { $title } { $value } { $level }
# The initiatives' KPIs of a perspective, counted by level: "initiatives 🟢 2 · 🔴 1".
scorecard-kpis = { $count ->
    [one] { $count } initiative { $levels }
   *[other] { $count } initiatives { $levels }
  }
scorecard-digest-heading = :bar_chart: *Scorecard*
scorecard-digest-line = *{ $perspective }*: { $items }
scorecard-home-header = Scorecard by perspective
scorecard-home-perspective = *{ $perspective }*
scorecard-home-indicator = { $level } *{ $title }*: { $value } · target { $target }
scorecard-home-indicator-no-target = { $level } *{ $title }*: { $value }
scorecard-home-as-of = as of { $date }
scorecard-home-trend = trend { $trend }
scorecard-home-unread = source unreadable: { $error }
scorecard-home-kpis = Initiatives' KPIs: { $levels }
scorecard-home-empty = No health indicator yet: add an [indicators.NAME] table to the configuration, or a perspective column to the roadmap.
