"""Screenshots of the demo's pages: `python -m bot.devtools.shoot DIR OUT` opens each page of
DIR (written by `ritualbot demo --html DIR`) in headless Chromium and writes OUT/<page>.png,
the window as high as the page's content. Chromium fetches nothing: the pages are
self-contained and the network is off."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

WIDTH = 720
MAX_HEIGHT = 4000
_MEASURE = (
    "<script>addEventListener('load', () => document.body.setAttribute('data-height', "
    "Math.ceil(document.querySelector('main').getBoundingClientRect().bottom)));</script>"
)
_HEIGHT = re.compile(r'data-height="(\d+)"')


class NoChromium(RuntimeError):
    """No Chromium to take the pictures with."""


def chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    raise NoChromium("no chromium found: install it (apt-get install -y chromium) and run again")


def _run(browser: str, profile: Path, *args: str) -> str:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-extensions",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--proxy-server=127.0.0.1:9",  # nothing leaves the machine, whatever a page asks
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr.strip()[-300:]}")
    return done.stdout


def shoot(page: Path, png: Path, *, browser: str | None = None, width: int = WIDTH) -> Path:
    """One page as a PNG, cropped to its content's height."""
    browser = browser or chromium()
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ritualbot-shoot-") as folder:
        profile, measured = Path(folder) / "profile", Path(folder) / page.name
        measured.write_text(page.read_text(encoding="utf-8") + _MEASURE, encoding="utf-8")
        dom = _run(browser, profile, f"--window-size={width},{MAX_HEIGHT}", "--dump-dom",
                   measured.as_uri())  # fmt: skip
        found = _HEIGHT.search(dom)
        height = min(MAX_HEIGHT, int(found.group(1)) + 4) if found else 900
        _run(browser, profile, f"--window-size={width},{height}", f"--screenshot={png}",
             page.resolve().as_uri())  # fmt: skip
    if not png.exists():
        raise RuntimeError(f"chromium wrote no {png}")
    return png


def shoot_all(pages: Path, out: Path, *, browser: str | None = None) -> list[Path]:
    """Every page of `pages` but the index, as `out/<name>.png`."""
    browser = browser or chromium()
    found = sorted(p for p in pages.glob("*.html") if p.name != "index.html")
    return [shoot(p, out / f"{p.stem}.png", browser=browser) for p in found]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot.devtools.shoot", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("pages", type=Path, help="the folder `ritualbot demo --html` wrote")
    parser.add_argument("out", type=Path, help="where the PNGs go, e.g. docs/slack")
    args = parser.parse_args(argv)
    try:
        for png in shoot_all(args.pages, args.out):
            print(f"{png} ({png.stat().st_size // 1024} KB)")
    except (NoChromium, RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"shoot: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
