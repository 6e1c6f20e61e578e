"""How the demo prints what each person would see in Slack."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TextIO

from bot.devtools.simulate import LocalBot
from bot.devtools.terminal import Style, message_as_lines, view_as_lines


class Clock:
    """The demo's time: it moves through the week as the story does."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Story:
    """Prints the week as the people in it see it."""

    def __init__(self, bot: LocalBot, clock: Clock, out: TextIO, names: dict[str, str]) -> None:
        self.bot, self.clock, self.out = bot, clock, out
        zone = clock.now.tzinfo
        language = bot.settings.config.language
        self.style = Style(out.isatty(), zone, language)  # type: ignore[arg-type]
        self.names = names
        self.seen = 0

    def chapter(self, title: str, when: datetime | None = None) -> None:
        if when is not None:
            self.clock.now = when
        stamp = self.clock.now.strftime("%A %d %B %Y, %H:%M (%Z)")
        print(f"\n{self.style.bold('━━ ' + title)}  {self.style.dim(stamp)}", file=self.out)

    def says(self, user: str, text: str) -> None:
        print(
            f"\n  💬 {self.style.bold(self.names[user])} writes to ritualbot: {text}", file=self.out
        )

    def does(self, user: str, what: str) -> None:
        print(f"\n  👆 {self.style.bold(self.names[user])} {what}", file=self.out)

    def show_new(
        self, brief: Callable[[dict[str, Any]], bool] = lambda _: False, *, homes: bool = False
    ) -> None:
        """Print what Slack received since last time, as its readers see it; Home tabs,
        redrawn after every answer, only when asked."""
        self.bot.settled()
        calls = self.bot.standin.calls(all=True)
        for call in calls[self.seen :]:
            if call.method == "views.publish":
                if homes:
                    self._home(call.params)
                continue
            self._show(call.method, call.params, call.response, brief)
        self.seen = len(calls)

    def _home(self, params: dict[str, Any]) -> None:
        reader = self.names.get(str(params.get("user_id")), params.get("user_id"))
        print(f"\n  {self.style.dim(f'{reader}’s Home tab')}", file=self.out)
        for line in view_as_lines(params.get("view", {}), self.style, self.names):
            print(f"    {line}", file=self.out)

    def _show(
        self,
        method: str,
        params: dict[str, Any],
        response: dict[str, Any],
        brief: Callable[[dict[str, Any]], bool],
    ) -> None:
        style = self.style
        if method in ("chat.postMessage", "chat.update"):
            channel = str(params.get("channel", ""))
            reader = self.names.get(channel.removeprefix("D"), channel)
            where = (
                "in the thread"
                if params.get("thread_ts")
                else ("in the channel" if channel.startswith("C") else "in a DM")
            )
            verb = "edits its message" if method == "chat.update" else "posts"
            if not response.get("ok"):
                print(
                    f"  ✗ Slack refused a message to {reader}: {response.get('error')}",
                    file=self.out,
                )
                return
            if brief(params):
                print(
                    f"  → ritualbot {verb} to {reader} {where}: {params.get('text')}", file=self.out
                )
                return
            heading = (
                f"ritualbot edits its message to {reader} ({where})"
                if method == "chat.update"
                else f"ritualbot → {reader} ({where})"
            )
            print(f"\n  {style.dim(heading)}", file=self.out)
            for line in message_as_lines(params, style, self.names):
                print(f"  │ {line}", file=self.out)
        elif method == "views.open":
            print(f"\n  {style.dim('ritualbot opens a form')}", file=self.out)
            for line in view_as_lines(params.get("view", {}), style, self.names):
                print(f"    {line}", file=self.out)
        elif method in ("response_url", "chat.postEphemeral"):
            self.private(params)

    def private(self, message: dict[str, Any]) -> None:
        """A message only its reader sees (an ephemeral answer)."""
        print(f"  {self.style.dim('  only you can see this:')}", file=self.out)
        for line in message_as_lines(message, self.style, self.names):
            print(f"  ┆ {line}", file=self.out)
