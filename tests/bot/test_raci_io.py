"""The RACI's edges: `owner = a;b` imported (e-mails resolved), exported and re-imported as
it was; and the words of following.ftl in both languages."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine
from sqlmodel import Session, select

from bot.devtools.standin import SlackStandIn
from bot.services.roadmap import ImportResult, export_roadmap, import_roadmap
from bot.words import Catalogue
from rituals.db import make_engine, migrate
from rituals.models import Initiative
from tests.bot.test_roadmap_io import MONDAY, TOKEN, USERS


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = make_engine(database_url)
    migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def client() -> Iterator[WebClient]:
    with SlackStandIn(users=USERS, token=TOKEN) as standin:
        yield WebClient(token=TOKEN, base_url=standin.url)


def load(engine: Engine, client: WebClient, text: str) -> ImportResult:
    return import_roadmap(
        engine=engine,
        client=client,
        text=text,
        committees=("comex",),
        default_quarter="2026-Q4",
        now=MONDAY,
    )


def test_co_owners_are_imported_exported_and_re_imported_unchanged(
    engine: Engine, client: WebClient
) -> None:
    text = "initiative,owner,committee\nERP phase 2,U0OWNER01; Ines.Martin@example.com,comex\n"
    result = load(engine, client, text)
    assert (result.created, result.errors) == (1, [])
    with Session(engine) as session:
        [erp] = session.exec(select(Initiative)).all()
    assert (erp.owner, erp.co_owners) == ("U0OWNER01", ["U0INES001"])

    [row] = list(csv.DictReader(io.StringIO(export_roadmap(engine=engine, fmt="csv"))))
    assert row["owner"] == "U0OWNER01;U0INES001"
    again = load(
        engine, client, "initiative,owner,committee\nERP phase 2,U0OWNER01;U0INES001,comex\n"
    )
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)

    bad = load(engine, client, "initiative,owner\nERP phase 2,U0OWNER01;nobody@example.com\n")
    assert [(e.line, e.column) for e in bad.errors] == [(2, "owner")]


def test_both_languages_have_the_raci_s_words() -> None:
    catalogue = Catalogue(strict=True)
    en, fr = (
        {i: e for i, e in catalogue.ids(language).items() if e.file.name == "following.ftl"}
        for language in ("en", "fr")
    )
    assert en and set(en) == set(fr)
    assert {i: e.variables for i, e in en.items()} == {i: e.variables for i, e in fr.items()}
    assert not [i for i, e in {**en, **fr}.items() if re.search(r"\w\(s\)", e.source)]
