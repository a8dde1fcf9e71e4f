"""The project: where it is, and its settings in briefing.yml.

A briefing is a folder with a briefing.yml (written by `briefing init`). Commands find it
from any subfolder, the way git finds its repository, and refuse a folder that is not a
briefing instead of checking nothing.

briefing.yml holds what the core needs and MkDocs does not: the generator version the
briefing requires, whether warnings fail (`strict`), and the severity of each content rule.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .formats import FORMATS
from .problems import Problems
from .schema import Context
from .yamlsafe import YamlError, load_yaml

SETTINGS = "briefing.yml"
_VERSION = re.compile(r"^\s*>=\s*(\d+(?:\.\d+){0,2})\s*$")


class NotABriefing(Exception):
    """A folder that holds no briefing: the message says what to do instead."""


@dataclass
class Settings:
    requires: str | None = None
    strict: bool = False
    rules: dict[str, str] = field(default_factory=dict)


def is_briefing(folder: Path) -> bool:
    return (folder / SETTINGS).is_file()


def find_root(start: Path) -> Path:
    """The briefing that holds `start`: the nearest folder at or above it with a briefing.yml."""
    start = start.resolve()
    if not start.exists():
        raise NotABriefing(f"{start} does not exist")
    for folder in (start, *start.parents):
        if is_briefing(folder):
            return folder
    raise NotABriefing(f"{start} is not in a briefing: no {SETTINGS} here or in any folder above "
                       "(start one with `briefing init DIR --title \"…\"`)")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def load_settings(root: Path, problems: Problems) -> Settings:
    """briefing.yml, validated like any brief; problems go to `problems`."""
    path = root / SETTINGS
    if not path.is_file():
        return Settings()
    try:
        doc = load_yaml(path.read_text(encoding="utf-8-sig"))
    except YamlError as err:
        problems.add(SETTINGS, err.line, err.message, err.hint, col=err.col)
        return Settings()
    except UnicodeDecodeError:
        problems.add(SETTINGS, 1, "the file is not UTF-8 text", "save the file as UTF-8")
        return Settings()
    if doc.value is None:
        return Settings()
    values = FORMATS["settings"].check(doc.value, (), Context(SETTINGS, doc, problems))
    if not isinstance(values, dict):
        return Settings()
    settings = Settings(values.get("requires"), bool(values.get("strict")),
                        {k: v for k, v in (values.get("rules") or {}).items() if v and k != "__invalid__"})
    _check_version(settings, doc, problems)
    return settings


def _check_version(settings: Settings, doc, problems: Problems) -> None:
    if not settings.requires:
        return
    match = _VERSION.match(settings.requires)
    line = doc.line("requires")
    if match is None:
        problems.add(SETTINGS, line, f"'requires' is '{settings.requires}'; expected a minimum "
                     "version like '>=0.2.0'", f"write requires: \">={__version__}\"")
    elif _version(__version__) < _version(match.group(1)):
        problems.add(SETTINGS, line, f"this briefing needs briefing {settings.requires.strip()}, but "
                     f"the installed generator is {__version__}",
                     "upgrade it: raise the pin in requirements.txt, then `make site` "
                     "(see CONTRIBUTING.md, \"Upgrading the generator\")")
