"""The four states an initiative can be in, as owners report them."""

from enum import StrEnum


class Status(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    DONE = "done"
