# ritualbot doctor --send-test USER: the test DM

doctor-test-message = :white_check_mark: This is a test message from ritualbot (`ritualbot doctor --send-test`): if you can read it, the bot can write to you. Nothing to do.
