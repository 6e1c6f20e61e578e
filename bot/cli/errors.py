"""The CLI's own error: bad arguments, said in one line with what to write instead."""


class UsageError(Exception):
    """Bad arguments: the message says what to write instead."""
