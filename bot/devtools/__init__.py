"""Development tools that ship with the bot: the stand-in Slack, simulated users, the demo."""
