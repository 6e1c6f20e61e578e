"""What listeners and ritual jobs need, built once by the composition root."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from slack_sdk import WebClient
from sqlalchemy import Engine

from bot.delivery import DeliveryWorker
from bot.render import Renderer
from bot.settings import Settings
from bot.slack_users import UserZones

log = logging.getLogger(__name__)


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
    work_pool: ThreadPoolExecutor | None = None
    zones: UserZones | None = None

    def after_ack(
        self, work: Callable[[], None], on_error: Callable[[], Any] | None = None
    ) -> None:
        """Do a listener's work once Slack has its answer.

        In production it runs in a small pool of its own, so that acknowledgements never
        queue behind database work; inline when there is no pool (tests, demo, where the
        HTTP answer waits for the listener)."""
        if self.work_pool is None:
            work()
        else:
            self.work_pool.submit(self._guarded, work, on_error)

    @staticmethod
    def _guarded(work: Callable[[], None], on_error: Callable[[], Any] | None) -> None:
        try:
            work()
        except Exception:
            log.exception("work after ack failed")
            if on_error is not None:
                try:
                    on_error()
                except Exception:
                    log.warning("could not tell the user about the failure", exc_info=True)

    def close(self) -> None:
        """Stop the workers and release connections."""
        if self.work_pool is not None:
            self.work_pool.shutdown(wait=True)
        self.delivery.stop()
        self.delivery.sender.close()
        self.engine.dispose()
