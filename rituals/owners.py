"""Who owns an initiative: its `owner`, then its co-owners (`owner = a;b` in the roadmap).
Each is prompted; either may answer; the latest answer is the current one."""

from __future__ import annotations

from rituals.models import Initiative


def owners_of(initiative: Initiative) -> list[str]:
    """The owner first, then the co-owners, each once."""
    return list(dict.fromkeys([initiative.owner, *(initiative.co_owners or [])]))


def owns(initiative: Initiative, user: str) -> bool:
    return user in owners_of(initiative)
