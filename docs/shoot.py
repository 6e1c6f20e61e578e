"""Screenshots of the dashboard for the README: `python docs/shoot.py` serves the demo's
dashboard (`ritualbot demo --serve`), signs in through the stand-in Slack in headless
Chromium (Debian's `chromium`) and writes docs/dashboard-*.png."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from bot.devtools.demo_serve import demo_dashboard

HERE = Path(__file__).resolve().parent
PAGES = {
    "portfolio": "",
    "committee": "committees/comex",
    "initiative": "initiatives/2",
    "decisions": "decisions",
}
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main() -> int:
    chromium = shutil.which("chromium")
    if chromium is None:
        print("shoot.py: no `chromium` on PATH (apt-get install chromium)", file=sys.stderr)
        return 1
    with demo_dashboard() as url, sync_playwright() as play:
        browser = play.chromium.launch(executable_path=chromium, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(url + "auth/login")
        for name, path in PAGES.items():
            page.goto(url + path)
            page.screenshot(path=str(HERE / f"dashboard-{name}.png"), full_page=True)
            print(f"docs/dashboard-{name}.png")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
