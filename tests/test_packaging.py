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
