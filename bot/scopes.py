"""The bot token scopes ritualbot asks for: those of `manifest.yml` (a test keeps the two
equal). `ritualbot doctor` checks the token against them; the stand-in Slack grants them."""

from __future__ import annotations

BOT_SCOPES = (
    "channels:read",  # conversations.info on public committee channels (doctor)
    "chat:write",
    "chat:write.public",  # public committee channels the bot was not invited to
    "commands",
    "groups:read",  # conversations.info on private committee channels (doctor)
    "im:history",
    "im:write",
    "users:read",
    "users:read.email",
)
