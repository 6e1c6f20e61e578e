"""`ritualbot serve --socket`: the same listeners answer Slack over Socket Mode.

`SocketModeServer` plays Slack's end of the WebSocket (RFC 6455 over a plain socket, the
frames slack_sdk's builtin client sends and reads); the stand-in's `apps.connections.open`
points the bot at it. Envelopes are shaped like Slack SDK's own Socket Mode test payloads.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import socket
import struct
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler
from sqlmodel import Session, select

from bot.__main__ import main
from bot.app import Bot, build
from bot.devtools.standin import APP_ID, BOT_USER_ID, TEAM_ID, SlackStandIn
from bot.settings import load_settings
from rituals.models import CheckIn
from tests.conftest import TUESDAY
from tests.factories import seed

ROOT = Path(__file__).resolve().parents[2]
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA
WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
HELLO = {
    "type": "hello",
    "num_connections": 1,
    "debug_info": {"host": "applink-standin", "build_number": 10},
    "connection_info": {"app_id": APP_ID},
}


class SocketModeServer:
    """Slack's end of one Socket Mode connection, on 127.0.0.1.

    It answers the handshake, says `hello`, pushes envelopes, answers pings and keeps every
    message the client sends back (its acks) in `received`."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link/?ticket=socket-test"
        self.path: str | None = None
        self.received: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._send_lock = threading.Lock()
        self._conn: socket.socket | None = None
        self._ready = self._closing = False
        self._thread = threading.Thread(target=self._serve, name="socket-mode", daemon=True)

    def start(self) -> SocketModeServer:
        self._thread.start()
        return self

    def __enter__(self) -> SocketModeServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def wait_connected(self, timeout: float = 5.0) -> None:
        with self._cond:
            if not self._cond.wait_for(lambda: self._ready, timeout):
                raise AssertionError(f"no Socket Mode client said hello within {timeout}s")

    def push(self, envelope: dict[str, Any]) -> None:
        self.wait_connected()
        assert self._conn is not None
        self._send(self._conn, TEXT, json.dumps(envelope).encode())

    def ack_of(self, envelope: dict[str, Any], timeout: float = 5.0) -> dict[str, Any]:
        """The client's answer to an envelope, once it arrives."""

        def ack() -> dict[str, Any] | None:
            wanted = envelope["envelope_id"]
            return next((m for m in self.received if m.get("envelope_id") == wanted), None)

        with self._cond:
            if not self._cond.wait_for(lambda: ack() is not None, timeout):
                raise AssertionError(
                    f"envelope {envelope['envelope_id']} not acknowledged within {timeout}s; "
                    f"received: {self.received}"
                )
            return ack() or {}

    def close(self) -> None:
        """Hang up (the client sees the end of the stream) and stop listening."""
        with self._cond:
            self._closing = True
            conn = self._conn
        for sock in (conn, self._listener):
            if sock is not None:
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        if self._thread.is_alive():
            self._thread.join(timeout=5)
        self._listener.close()

    # -- the connection's thread ---------------------------------------------------------

    def _serve(self) -> None:
        try:
            conn, _ = self._listener.accept()
        except OSError:  # closed before anyone connected
            return
        with conn:
            with self._cond:
                if self._closing:
                    return
                self._conn = conn
            with suppress(OSError, ConnectionError):
                self._handshake(conn)
                self._send(conn, TEXT, json.dumps(HELLO).encode())
                with self._cond:
                    self._ready = True
                    self._cond.notify_all()
                self._read_frames(conn)

    def _handshake(self, conn: socket.socket) -> None:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = conn.recv(1024)
            if not chunk:
                raise ConnectionError("closed during the handshake")
            request += chunk
        request_line, *header_lines = request.decode().split("\r\n")
        self.path = request_line.split(" ")[1]
        headers = {
            name.strip().lower(): value.strip()
            for name, _, value in (line.partition(":") for line in header_lines if line)
        }
        digest = hashlib.sha1((headers["sec-websocket-key"] + WEBSOCKET_GUID).encode()).digest()
        conn.sendall(
            b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            b"Sec-WebSocket-Accept: " + base64.b64encode(digest) + b"\r\n\r\n"
        )

    def _read_frames(self, conn: socket.socket) -> None:
        while True:
            opcode, data = _read_frame(conn)
            if opcode == TEXT:
                with self._cond:
                    self.received.append(json.loads(data))
                    self._cond.notify_all()
            elif opcode == PING:
                self._send(conn, PONG, data)
            elif opcode == CLOSE:
                self._send(conn, CLOSE, data[:2])
                return

    def _send(self, conn: socket.socket, opcode: int, data: bytes) -> None:
        """One unfragmented, unmasked frame, as a server sends them."""
        size = len(data)
        if size < 126:
            header = struct.pack("!BB", 0x80 | opcode, size)
        elif size < 1 << 16:
            header = struct.pack("!BBH", 0x80 | opcode, 126, size)
        else:
            header = struct.pack("!BBQ", 0x80 | opcode, 127, size)
        with self._send_lock:
            conn.sendall(header + data)


def _read_frame(conn: socket.socket) -> tuple[int, bytes]:
    """One client frame (never fragmented by slack_sdk): its opcode and unmasked payload."""
    first, second = _recv_exactly(conn, 2)
    size = second & 0x7F
    if size == 126:
        (size,) = struct.unpack("!H", _recv_exactly(conn, 2))
    elif size == 127:
        (size,) = struct.unpack("!Q", _recv_exactly(conn, 8))
    mask = _recv_exactly(conn, 4) if second & 0x80 else bytes(4)
    data = _recv_exactly(conn, size)
    return first & 0x0F, bytes(byte ^ mask[i % 4] for i, byte in enumerate(data))


def _recv_exactly(conn: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the client hung up")
        data += chunk
    return data


# -- envelopes as Slack sends them over Socket Mode --------------------------------------

OWNER = "U0OWNER01"
APP_TOKEN = "xapp-1-A0STANDIN-1-socketmodetest"


def events_api_envelope(event: dict[str, Any], *, event_id: str) -> dict[str, Any]:
    return {
        "envelope_id": str(uuid.uuid4()),
        "payload": {
            "token": "verification-token",
            "team_id": TEAM_ID,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(float(event["event_ts"])),
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": TEAM_ID,
                    "user_id": BOT_USER_ID,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"1-message-{TEAM_ID}-{event['channel']}",
        },
        "type": "events_api",
        "accepts_response_payload": False,
        "retry_attempt": 0,
        "retry_reason": "",
    }


def dm_event(user: str, text: str, ts: str) -> dict[str, Any]:
    return {
        "type": "message",
        "text": text,
        "user": user,
        "ts": ts,
        "team": TEAM_ID,
        "channel": SlackStandIn.dm_channel(user),
        "event_ts": ts,
        "channel_type": "im",
    }


def slash_command_envelope(user: str, command: str, standin: SlackStandIn) -> dict[str, Any]:
    return {
        "envelope_id": str(uuid.uuid4()),
        "payload": {
            "token": "verification-token",
            "team_id": TEAM_ID,
            "team_domain": "standin",
            "channel_id": standin.dm_channel(user),
            "channel_name": "directmessage",
            "user_id": user,
            "user_name": user.lower(),
            "command": command,
            "text": "",
            "api_app_id": APP_ID,
            "response_url": standin.response_url("socket-command-1"),
            "trigger_id": "111.222.socket",
        },
        "type": "slash_commands",
        "accepts_response_payload": True,
    }


# -- the bot, built as `ritualbot serve --socket` builds it ------------------------------


@dataclass
class SocketBot:
    bot: Bot
    server: SocketModeServer

    def rows(self, model: type[Any]) -> list[Any]:
        with Session(self.bot.database.engine) as session:
            return list(session.exec(select(model)))


@pytest.fixture
def socket_bot(environ: dict[str, str], standin: SlackStandIn) -> Iterator[SocketBot]:
    settings = load_settings({**environ, "SLACK_APP_TOKEN": APP_TOKEN})
    assert settings.app_token is not None
    bot = build(settings, now=lambda: TUESDAY)
    server = SocketModeServer().start()
    standin.socket_mode_url = server.url
    handler: SocketModeHandler | None = None
    try:
        seed(bot.database.engine, ("Onboarding standard", OWNER))
        app = bot.bolt(socket_mode=True)
        bot.start()
        handler = SocketModeHandler(app, settings.app_token.get_secret_value())
        handler.connect()
        server.wait_connected()
        assert server.path == "/link/?ticket=socket-test"
        yield SocketBot(bot, server)
    finally:
        server.close()  # first: the client's reader then stops at once instead of timing out
        if handler is not None:
            handler.close()
        bot.stop()


def test_a_dm_answer_over_socket_mode_is_acked_stored_receipted_and_a_redelivery_adds_nothing(
    socket_bot: SocketBot, standin: SlackStandIn
) -> None:
    first = events_api_envelope(
        dm_event(OWNER, "green 60% kpi 4.5", "1795510800.000100"), event_id="Ev0SOCKET01"
    )
    socket_bot.server.push(first)

    assert socket_bot.server.ack_of(first) == {"envelope_id": first["envelope_id"]}
    # acknowledged once stored in the inbox; done by the inbox worker right after
    assert socket_bot.bot.inbox.settle(5)
    [checkin] = socket_bot.rows(CheckIn)
    assert (checkin.status, checkin.progress, checkin.kpi_value, checkin.source) == (
        "on_track",
        60,
        4.5,
        "message",
    )
    calls = standin.wait_for(lambda calls: any(c.method == "chat.postMessage" for c in calls))
    [receipt] = [c for c in calls if c.method == "chat.postMessage"]
    assert receipt.response["channel"] == standin.dm_channel(OWNER)
    said = json.dumps(receipt.params, ensure_ascii=False)
    assert "Onboarding standard" in said and "60%" in said

    # Slack's retry: the same event (same event_id) in a new, numbered envelope.
    again = {**first, "envelope_id": str(uuid.uuid4()), "retry_attempt": 1}
    again["retry_reason"] = "timeout"
    socket_bot.server.push(again)

    assert socket_bot.server.ack_of(again) == {"envelope_id": again["envelope_id"]}
    assert [c.id for c in socket_bot.rows(CheckIn)] == [checkin.id]
    assert socket_bot.bot.inbox.settle(5)
    assert socket_bot.bot.delivery.settle(5), "the outbox did not settle"
    assert standin.calls("chat.postMessage") == [receipt]


def test_the_checkin_command_over_socket_mode_is_acked_and_opens_the_modal(
    socket_bot: SocketBot, standin: SlackStandIn
) -> None:
    envelope = slash_command_envelope(OWNER, "/checkin", standin)
    socket_bot.server.push(envelope)

    assert socket_bot.server.ack_of(envelope) == {"envelope_id": envelope["envelope_id"]}
    calls = standin.wait_for(lambda calls: any(c.method == "views.open" for c in calls))
    [opened] = [c for c in calls if c.method == "views.open"]
    assert opened.params["trigger_id"] == "111.222.socket"
    assert opened.params["view"]["callback_id"] == "checkin_modal"
    assert standin.calls("response_url") == []


def test_serve_socket_without_an_app_token_exits_with_a_one_line_reason(
    environ: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("SLACK_APP_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)

    code = main(["serve", "--socket"])

    err = capsys.readouterr().err
    assert code != 0
    [line] = err.strip().splitlines()
    assert "SLACK_APP_TOKEN" in line


def test_python_m_bot_serve_socket_without_an_app_token_exits_with_the_same_reason(
    environ: dict[str, str], tmp_path: Path
) -> None:
    env = {key: value for key, value in os.environ.items() if key != "SLACK_APP_TOKEN"}
    env |= environ | {"PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}

    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve", "--socket"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=30,
    )

    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "ritualbot: SLACK_APP_TOKEN: required in Socket Mode (an app-level token, xapp-…)"
    ]
