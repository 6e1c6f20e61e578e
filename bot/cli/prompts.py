"""`ritualbot prompts export DIR` and `ritualbot prompts check [DIR]`: the operator's wording."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from bot.catalogue import LANGUAGES, PACKAGED, check_catalogue
from bot.cli.errors import UsageError


def run(args: argparse.Namespace) -> int:
    if args.action == "export":
        return export(args.dir, args.language)
    return check(args.dir)


def export(folder: Path, language: str | None) -> int:
    """Copy the packaged catalogue into `folder`, to edit and point `prompts_dir` at."""
    written = 0
    for lang in [language] if language else list(LANGUAGES):
        target = folder / lang
        try:
            target.mkdir(parents=True, exist_ok=True)
            for source in sorted((PACKAGED / lang).glob("*.ftl")):
                shutil.copyfile(source, target / source.name)
                written += 1
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    print(f"{folder}: {written} catalogue file(s) written; edit them, then point prompts_dir here")
    return 0


def check(folder: Path | None) -> int:
    if folder is None:
        from bot.settings import load_settings

        folder = load_settings().config.prompts_dir
        if folder is None:
            raise UsageError("no folder given and no prompts_dir in the configuration")
    problems = check_catalogue(folder)
    if problems:
        print(f"{folder}: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{folder}: the catalogue is valid")
    return 0
