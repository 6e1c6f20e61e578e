## Dependencies between initiatives (`depends_on` in the roadmap): the question to the
## provider's owner, its answers, the refusal form, the alert when a provider is in trouble.

dependency-ask-fallback = Other initiatives depend on yours: can you commit to them?
dependency-ask-intro = :link: *Other initiatives depend on yours.* Can you commit to what they need? One click each; a refusal goes to their committee to arbitrate.
dependency-ask-item = *{ $dependent }* (owner: { $owner }) depends on your *{ $provider }*.
dependency-ask-item-by = *{ $dependent }* (owner: { $owner }) depends on your *{ $provider }*, needed by { $day }.
dependency-accept = Accept
dependency-refuse = Refuse
dependency-accepted = :white_check_mark: Accepted: *{ $dependent }* can count on *{ $provider }*.
dependency-refused = Refused: *{ $dependent }* will not count on *{ $provider }*. It goes to the arbitration queue of { $committee }, with both owners named.
dependency-refused-no-committee = Refused: *{ $dependent }* will not count on *{ $provider }*. Its initiative has no committee to arbitrate it: tell its owner, { $owner }.
dependency-already = This dependency was already answered ({ $state ->
    [accepted] accepted
   *[refused] refused
  } by { $who }); nothing changed.
dependency-not-yours = Only the owner of *{ $provider }* (or a CMO) can answer for it; nothing changed.
dependency-gone = This dependency is no longer in the roadmap; nothing to answer.
dependency-form-title = Refuse a dependency
dependency-form-save = Refuse
dependency-form-cancel = Cancel
dependency-form-intro = *{ $dependent }* depends on your *{ $provider }*. Your refusal goes to the arbitration queue of its committee, with both owners named.
dependency-form-reason = Why (optional)
dependency-request = Dependency refused: { $dependent } (owner: { $dependent_owner }) depends on { $provider } (owner: { $provider_owner }), who refused it.
dependency-request-reason = Dependency refused: { $dependent } (owner: { $dependent_owner }) depends on { $provider } (owner: { $provider_owner }), who refused it: { $reason }
dependency-alert = :warning: *{ $dependent }* is at risk through its dependency: *{ $provider }* (owner: { $owner }) { $trouble ->
    [off_track] is off track.
    [blocked] is blocked.
    [late] was needed by { $day } and is not done.
   *[at_risk] is at risk.
  }
digest-reason-through = at risk through its dependency on { $providers }
