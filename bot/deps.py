"""What listeners and ritual jobs need, built once by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.delivery import DeliveryWorker
from bot.render import Renderer
from bot.settings import Settings


def _utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Deps:
    settings: Settings
    engine: Engine
    renderer: Renderer
    client: WebClient
    delivery: DeliveryWorker
    clock: Callable[[], datetime] = field(default=_utcnow)

    def close(self) -> None:
        """Stop the delivery worker and release connections."""
        self.delivery.stop()
        self.delivery.sender.close()
        self.engine.dispose()
