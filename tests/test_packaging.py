"""The image installs from requirements.lock: every dependency the package declares is pinned
there with its hashes, so a change to pyproject.toml without a new lock fails here, not in a
Docker build."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_every_declared_dependency_is_pinned_with_hashes_in_the_lock() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    lock = (ROOT / "requirements.lock").read_text()
    pinned = {
        m[1].lower().replace("_", "-").replace(".", "-"): m[2]
        for m in re.finditer(r"^([A-Za-z0-9_.-]+)==(\S+) \\\n\s+--hash=sha256:", lock, re.M)
    }
    missing = [d for d in map(_name, declared) if d.replace(".", "-") not in pinned]
    assert not missing, f"not in requirements.lock (run pip-compile, see README): {missing}"


def test_the_image_installs_the_lock_and_runs_as_a_non_root_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--require-hashes" in dockerfile and "requirements.lock" in dockerfile
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.M)


def test_compose_waits_for_a_healthy_database_and_checks_readiness() -> None:
    import yaml

    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    db, bot = compose["services"]["db"], compose["services"]["bot"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(volume.endswith("/var/lib/postgresql/data") for volume in db["volumes"])
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert "/readyz" in " ".join(bot["healthcheck"]["test"])
    assert bot["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")


def test_the_dependency_layer_comes_before_the_readme_and_the_code() -> None:
    """A README edit does not rebuild the dependency layer."""
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    lock = next(i for i, line in enumerate(lines) if "pip install --require-hashes" in line)
    readme = next(i for i, line in enumerate(lines) if line.startswith("COPY") and "README" in line)
    assert lock < readme
    assert (ROOT / "LICENSE").is_file()
