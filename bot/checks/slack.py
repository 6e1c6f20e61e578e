"""Checks of what Slack says: the bot token (`auth.test`) and its scopes (the
`x-oauth-scopes` header Slack puts on every answer) against the manifest's, each committee
channel and the escalation channel (`conversations.info`: it exists, is not archived, the
bot can post there), each person the configuration names (`users.info`), an app-level
token, and a test DM.

Slack shows a bot no private channel it is not in: `channel_not_found` may mean either, so
the advice names both.

Past 300 lines: one function per thing Slack is asked about, each with its own advice;
splitting them would scatter the wording of the fixes."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from bot.checks import Check
from bot.scopes import BOT_SCOPES
from bot.settings import Settings

TOKEN_FIX = (
    "copy the Bot User OAuth Token (xoxb-…) from api.slack.com/apps → your app → "
    "OAuth & Permissions into SLACK_BOT_TOKEN"
)
REINSTALL_FIX = (
    "the app was uninstalled or its token revoked: reinstall it (OAuth & Permissions → "
    "Install to Workspace) and copy the new Bot User OAuth Token into SLACK_BOT_TOKEN"
)
REFUSED = {
    "invalid_auth": ("Slack does not know this token", TOKEN_FIX),
    "not_authed": ("no token was sent", TOKEN_FIX),
    "account_inactive": ("the token's app or workspace is no longer active", REINSTALL_FIX),
    "token_revoked": ("the token was revoked", REINSTALL_FIX),
    "token_expired": ("the token expired (token rotation is on)", REINSTALL_FIX),
    "not_allowed_token_type": ("this is not a bot token", TOKEN_FIX),
}
RETRIES = 3  # 429s waited out per call, at most
LONGEST_WAIT = 30.0  # seconds: a longer Retry-After is not waited out


class Unreachable(Exception):
    """Slack did not answer (network, proxy, DNS): the reason in one line."""


@dataclass(frozen=True)
class Answer:
    body: dict[str, Any]
    headers: httpx.Headers

    @property
    def ok(self) -> bool:
        return self.body.get("ok") is True

    @property
    def error(self) -> str:
        return str(self.body.get("error") or "unknown_error")


class Slack:
    """Web API calls for the checks, form-encoded (`conversations.info` takes no JSON), a few
    429s waited out."""

    def __init__(
        self,
        base_url: str,
        token: str,
        *,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.base_url = base_url
        self.client = httpx.Client(
            base_url=base_url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=timeout,
            transport=transport,
        )

    def call(self, method: str, **params: Any) -> Answer:
        for attempt in range(RETRIES + 1):
            try:
                response = self.client.post(method, data=params)
            except httpx.HTTPError as exc:
                raise Unreachable(f"{type(exc).__name__}: {exc}".strip().rstrip(":")) from None
            wait = _seconds(response.headers.get("Retry-After"))
            if response.status_code == 429 and attempt < RETRIES and wait <= LONGEST_WAIT:
                time.sleep(wait)
                continue
            if response.status_code == 429:
                return Answer({"ok": False, "error": "ratelimited"}, response.headers)
            try:
                body = response.json()
            except ValueError:
                body = None
            if not isinstance(body, dict):
                raise Unreachable(f"HTTP {response.status_code} from {self.base_url}{method}")
            return Answer(body, response.headers)
        raise AssertionError("unreachable")  # pragma: no cover - the loop always returns

    def close(self) -> None:
        self.client.close()


def _seconds(value: str | None) -> float:
    try:
        return max(1.0, float(value or 1))
    except ValueError:
        return 1.0


@dataclass(frozen=True)
class Identity:
    """Who the token is: the bot's name (for `/invite @name`), its workspace and scopes."""

    name: str
    user_id: str
    team: str
    scopes: frozenset[str] | None  # None when Slack did not say


def token(slack: Slack | None, raw: str | None) -> tuple[Check, Identity | None]:
    """The bot token: set, a bot token, and accepted by Slack. An unreachable Slack is
    neither a good nor a bad token: the check fails and says so (`Unreachable` is raised
    for `serve`, which starts all the same)."""
    if not raw or slack is None:
        return Check("token", False, "SLACK_BOT_TOKEN is not set", TOKEN_FIX), None
    answer = slack.call("auth.test")
    if not answer.ok:
        found, fix = REFUSED.get(answer.error, (f"Slack refused it ({answer.error})", TOKEN_FIX))
        if answer.error in REFUSED:
            found = f"Slack refused the bot token ({answer.error}): {found}"
        return Check("token", False, found, fix), None
    header = answer.headers.get("x-oauth-scopes")
    scopes = None if header is None else frozenset(s.strip() for s in header.split(",") if s)
    body = answer.body
    identity = Identity(
        name=str(body.get("user") or "ritualbot"),
        user_id=str(body.get("user_id") or ""),
        team=str(body.get("team") or body.get("team_id") or "?"),
        scopes=scopes,
    )
    if not raw.startswith("xoxb-"):
        found = f"accepted, but it is not a bot token ({raw[:5]}…)"
        return Check("token", False, found, TOKEN_FIX), identity
    return Check("token", True, f"@{identity.name} in the workspace {identity.team}"), identity


def scopes(identity: Identity) -> Check:
    if identity.scopes is None:
        found = "Slack did not say which scopes the token has (no x-oauth-scopes header)"
        fix = "check OAuth & Permissions: the bot scopes of manifest.yml, then reinstall"
        return Check("scopes", False, found, fix)
    missing = [scope for scope in BOT_SCOPES if scope not in identity.scopes]
    if missing:
        found = f"the token lacks {', '.join(missing)}"
        fix = (
            "add them under OAuth & Permissions → Bot Token Scopes (or update the app from "
            "manifest.yml), then reinstall the app to the workspace"
        )
        return Check("scopes", False, found, fix)
    return Check("scopes", True, f"the {len(BOT_SCOPES)} bot scopes of manifest.yml are granted")


def app_token(base_url: str, raw: str) -> Check:
    """An app-level token opens a Socket Mode URL (`apps.connections.open`, no connection)."""
    slack = Slack(base_url, raw)
    try:
        answer = slack.call("apps.connections.open")
    except Unreachable as exc:
        return Check("app token", False, f"Slack is unreachable: {exc}", unreachable_fix(base_url))
    finally:
        slack.close()
    if answer.ok:
        return Check("app token", True, "SLACK_APP_TOKEN opens a Socket Mode connection")
    fix = (
        "create an app-level token with connections:write (Basic Information → App-Level "
        "Tokens) and copy it (xapp-…) into SLACK_APP_TOKEN; enable Socket Mode"
    )
    return Check("app token", False, f"Slack refused SLACK_APP_TOKEN ({answer.error})", fix)


def unreachable_fix(base_url: str) -> str:
    return f"check SLACK_API_URL ({base_url}) and the network or proxy between here and Slack"


def channel(
    slack: Slack, channel_id: str, role: str, identity: Identity, settings: Settings
) -> Check:
    """The channel exists, is not archived, and the bot can post there."""
    where = settings.config_path or "ritualbot.toml"
    bot = f"@{identity.name}"
    answer = slack.call("conversations.info", channel=channel_id)
    if not answer.ok:
        if answer.error == "channel_not_found":
            found = f"channel {channel_id} not found"
            fix = (
                f"if it is a private channel, invite the bot: in the channel, /invite {bot}; "
                f"otherwise fix the id in {where} (channel name → About → Channel ID)"
            )
            return Check(role, False, found, fix)
        if answer.error == "missing_scope":
            needed = answer.body.get("needed") or "channels:read, groups:read"
            found = f"cannot look at channel {channel_id}: the token lacks {needed}"
            fix = "add channels:read and groups:read (see manifest.yml), then reinstall the app"
            return Check(role, False, found, fix)
        fix = f"check the id {channel_id} in {where}"
        return Check(role, False, f"Slack said {answer.error} for {channel_id}", fix)
    info = answer.body.get("channel") or {}
    name = f"#{info.get('name') or channel_id}"
    if info.get("is_im") or info.get("is_mpim"):
        found = f"{channel_id} is a direct message, not a channel"
        return Check(role, False, found, f"set a channel id (C…) in {where}")
    if info.get("is_archived"):
        fix = f"unarchive {name}, or set another channel for it in {where}"
        return Check(role, False, f"{name} ({channel_id}) is archived", fix)
    if info.get("is_member"):
        return Check(role, True, f"{name}: the bot is in it and can post")
    if info.get("is_private"):
        found = f"{name} ({channel_id}) is private and the bot is not in it"
        return Check(role, False, found, f"invite {bot} to {name}: /invite {bot}")
    if identity.scopes is not None and "chat:write.public" not in identity.scopes:
        found = f"{name}: the bot is not in it, and cannot post without chat:write.public"
        return Check(role, False, found, f"invite {bot} to {name}: /invite {bot}")
    return Check(role, True, f"{name}: public; the bot posts there without being in it")


def channels(slack: Slack, identity: Identity, settings: Settings) -> Iterator[Check]:
    config = settings.config
    for name, committee in config.committees.items():
        yield channel(slack, committee.channel, f"committee {name}", identity, settings)
    if config.escalation_channel:
        yield channel(slack, config.escalation_channel, "escalation channel", identity, settings)


def roles(settings: Settings) -> dict[str, str]:
    """Each person the configuration names, with what it names them for."""
    cmos = set(settings.config.cmo)
    member_of: dict[str, list[str]] = {user: [] for user in settings.config.cmo}
    for name, committee in settings.config.committees.items():
        for user in committee.members:
            member_of.setdefault(user, []).append(name)
    named = {}
    for user, committees in member_of.items():
        what = ["CMO"] if user in cmos else []
        if committees:
            what.append(f"member of {', '.join(committees)}")
        named[user] = "; ".join(what)
    return named


def people(slack: Slack, settings: Settings) -> Iterator[Check]:
    where = settings.config_path or "ritualbot.toml"
    for user, what in roles(settings).items():
        label, named = f"person {user}", what
        answer = slack.call("users.info", user=user)
        if not answer.ok:
            unknown = answer.error in ("user_not_found", "invalid_user")
            found = "no such Slack user" if unknown else f"Slack said {answer.error}"
            fix = (
                f"copy the member id from their Slack profile (⋮ → Copy member ID) into {where}"
                if unknown
                else "check the id, and the users:read scope"
            )
            yield Check(label, False, f"{found} ({named})", fix)
            continue
        person = answer.body.get("user") or {}
        who = person.get("real_name") or person.get("name") or user
        if person.get("deleted"):
            fix = f"remove or replace them in {where}"
            yield Check(label, False, f"{who} is deactivated ({named})", fix)
        elif person.get("is_bot"):
            yield Check(label, False, f"{who} is a bot ({named})", f"name a person in {where}")
        else:
            yield Check(label, True, f"{who} ({named})")


def test_message(slack: Slack, user: str, settings: Settings) -> Check:
    """DM one person (a Slack id or an e-mail) the test message, in their language."""
    from bot.catalogue import CatalogueError
    from bot.words import LANGUAGES, Catalogue

    label = f"test message to {user}"
    if "@" in user:
        found = slack.call("users.lookupByEmail", email=user)
        if not found.ok:
            fix = "check the address, or give their Slack member id (U…)"
            return Check(label, False, f"no Slack user has this e-mail ({found.error})", fix)
        user = str((found.body.get("user") or {}).get("id") or user)
    info = slack.call("users.info", user=user, include_locale="true")
    if not info.ok:
        fix = "give a Slack member id (profile → ⋮ → Copy member ID) or an e-mail"
        return Check(label, False, f"Slack said {info.error}", fix)
    person = info.body.get("user") or {}
    spoken = str(person.get("locale") or "").split("-")[0].lower()
    language = spoken if spoken in LANGUAGES else settings.config.language
    try:
        catalogue = Catalogue(settings.config.prompts_dir)
    except CatalogueError:  # the prompts line says what is wrong with it
        catalogue = Catalogue()
    text = catalogue.words(language).text("doctor-test-message")
    sent = slack.call("chat.postMessage", channel=user, text=text)
    who = person.get("real_name") or person.get("name") or user
    if not sent.ok:
        fix = "check the scopes chat:write and im:write, and that the person can get DMs"
        return Check(label, False, f"Slack refused the DM to {who} ({sent.error})", fix)
    return Check(label, True, f"sent to {who} ({user}) in {language}")
