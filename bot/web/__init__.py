"""The HTTP surface: Slack events, health, and the pages."""
