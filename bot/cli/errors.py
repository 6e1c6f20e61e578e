"""The CLI's own errors, each said in one line: bad arguments (exit 2) with what to write
instead, and a bot that cannot start (exit 1) with what to do."""


class UsageError(Exception):
    """Bad arguments: the message says what to write instead."""


class Unready(Exception):
    """The bot cannot start as configured (Slack refuses its token…): what to do."""
