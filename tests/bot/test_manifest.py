"""The Slack app manifest is valid, and every event, command and action it promises is handled."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT.parent / "shared" / "slack" / "manifest.schema.json"


@pytest.fixture(scope="module")
def manifest() -> dict:
    return yaml.safe_load((ROOT / "manifest.yml").read_text(encoding="utf-8"))


def test_manifest_validates_against_slacks_schema(manifest: dict) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"Slack's manifest schema is not at {SCHEMA}")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(manifest, schema)


def test_every_subscribed_event_and_command_has_a_listener(manifest: dict, bot) -> None:
    events = set(manifest["settings"]["event_subscriptions"]["bot_events"])
    commands = {c["command"] for c in manifest["features"]["slash_commands"]}
    for event in events:
        kind = event.split(".")[0]
        listener_found = any(
            _matches(listener, {"type": "event_callback", "event": {"type": kind}})
            for listener in bot.app._listeners
        )
        assert listener_found, f"no listener for the subscribed event {event}"
    for command in commands:
        found = any(_matches(lst, {"command": command}) for lst in bot.app._listeners)
        assert found, f"no listener for {command}"


def test_scopes_cover_what_the_bot_calls(manifest: dict) -> None:
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    # chat.postMessage to a user id, /checkin, DMs read, e-mails resolved at import
    assert {"chat:write", "commands", "im:history", "users:read.email"} <= scopes


def _matches(listener, body: dict) -> bool:
    from slack_bolt.request import BoltRequest

    request = BoltRequest(body=json.dumps(body), mode="socket_mode")
    request.body = body
    try:
        return all(m.matches(request, None) for m in listener.matchers)
    except Exception:
        return False


def test_the_dashboards_sign_in_is_declared(manifest: dict) -> None:
    oauth = manifest["oauth_config"]
    assert {"openid", "profile"} <= set(oauth["scopes"]["user"])
    assert any(url.endswith("/auth/callback") for url in oauth["redirect_urls"])
