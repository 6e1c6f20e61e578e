# ritualbot doctor --send-test USER : le message d'essai

doctor-test-message = :white_check_mark: Ceci est un message d'essai de ritualbot (`ritualbot doctor --send-test`) : si vous le lisez, le bot peut vous écrire. Rien à faire.
