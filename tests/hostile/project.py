"""A minimal valid briefing project in a temp folder, and real `mkdocs build` runs of it.

The project is written here from nothing: briefing.yml (every content rule off, as in
tests/helpers.Project), mkdocs.yml (tests/helpers.MKDOCS_YML, the plugin `briefing`),
docs/index.md, a small valid set of briefs and one source whose metadata has a `label`. It
never reads the shipped briefing. Hostile cases add files on top.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing.problems import RULES
from helpers import MKDOCS_YML, engine_env

REPO = Path(__file__).resolve().parents[2]
# Every content rule off: a hostile case must end in an error of its own, not in a rule's.
SETTINGS = "strict: false\nrules:\n" + "".join(f"  {rule}: off\n" for rule in RULES)


@dataclass(frozen=True)
class Symlink:
    """A file entry that is a symbolic link to `target` (absolute, or relative to the link)."""

    target: str


def y(value) -> str:
    """A YAML scalar or flow collection: JSON is valid YAML and quotes everything safely."""
    return json.dumps(value, ensure_ascii=False)


def brief(fields: dict, body: str = "") -> str:
    """A brief: front matter with one field per line (flow style), then the body."""
    lines = ["---"] + [f"{key}: {y(value)}" for key, value in fields.items()] + ["---", ""]
    return "\n".join(lines) + body + ("\n" if body and not body.endswith("\n") else "")


def source_meta(text: str | bytes, **fields) -> str:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    meta = {"title": "A source", "label": "Source", "publisher": None, "author": None, "published": None,
            "url": None, "language": "en", "sha256": hashlib.sha256(raw).hexdigest(),
            "reliability": {"grade": "C", "rationale": "Test source."}}
    meta.update(fields)
    return "\n".join(f"{key}: {y(value)}" for key, value in meta.items()) + "\n"


def line_of(text: str, needle: str, start: int = 1) -> int:
    """1-based number of the first line (from `start`) containing `needle`."""
    for number, line in enumerate(text.split("\n"), start=1):
        if number >= start and needle in line:
            return number
    raise AssertionError(f"{needle!r} is not in the text")


BASE_SOURCE_TEXT = (
    "Base source heading\n"
    "The first paragraph says that Base State signed the Base Accord in January.\n"
    "\n"
    "The second paragraph quotes Base Person: we remain calm and open to talks.\n"
    "A third paragraph mentions Base Org and Base Person.\n"
)

BASE_FILES: dict[str, str] = {
    "seeds/base-source.txt": BASE_SOURCE_TEXT,
    "seeds/base-source.yaml": source_meta(BASE_SOURCE_TEXT, title="Base source", label="Base", headings=[1]),
    "briefs/actors/base-state.md": brief(
        {"name": "Base State", "summary": "A state used by the hostile tests.", "type": "state",
         "updated": "2025-01-02"},
        "Base State works with [[base-org]] and signed [[base-accord]].\n"),
    "briefs/actors/base-org.md": brief(
        {"name": "Base Org", "summary": "An organization used by the hostile tests.",
         "type": "organization"}, "An organization of [[base-state]].\n"),
    "briefs/actors/base-person.md": brief(
        {"name": "Base Person", "summary": "A person used by the hostile tests.", "type": "person",
         "country": "base-state", "roles": [{"title": "Chair", "of": "base-org", "from": "2024"}],
         "quotes": [{"id": "calm", "text": "we remain calm and open to talks",
                     "source": "base-source", "speaker": "base-person"}]},
        "Base Person chairs Base Org.\n\n[[quote:calm]]\n"),
    "briefs/agreements/base-accord.md": brief(
        {"name": "Base Accord", "summary": "An agreement used by the hostile tests.",
         "type": "treaty", "status": "signed", "signed": "2025-01", "parties": ["base-state"],
         "provisions": ["A provision."]}, "Signed by [[base-state]].\n"),
    "briefs/topics/base-topic.md": brief(
        {"name": "Base Topic", "summary": "A topic used by the hostile tests.", "status": "ongoing",
         "actors": ["base-state", {"id": "base-person", "role": "envoy"}],
         "agreements": ["base-accord"],
         "quotes": [{"id": "q1", "text": "Base State signed the Base Accord",
                     "source": "base-source"}],
         "judgments": [{"text": "It is likely.", "likelihood": "likely", "confidence": "low",
                        "quotes": ["q1"]}],
         "events": [{"date": "2025-01", "text": "The accord is signed.", "actors": ["base-state"],
                     "quote": "q1"}]},
        "The topic of [[base-state]] and [[base-accord]].\n"),
}
BASE_GLOSSARY_TERMS = [{"term": "Base Term", "definition": "A glossary term.", "see": ["base-topic"]}]
HOME = ("# Hostile test briefing\n\n<!-- briefing:key-judgments -->\n\n"
        "<!-- briefing:last-reviewed -->\n\nSee [[base-topic]] and [[base-state]].\n")


def glossary(terms: list[dict]) -> str:
    return "terms:\n" + "".join(f"  - {y(t)}\n" for t in terms)


def make_project(dest: Path, files: dict[str, object], glossary_text: str | None = None) -> Path:
    """A project folder: its settings, MkDocs config and home page, the base corpus, then
    `files` on top."""
    everything: dict[str, object] = {"briefing.yml": SETTINGS, "mkdocs.yml": MKDOCS_YML,
                                     "docs/index.md": HOME, **BASE_FILES}
    everything["briefs/glossary.yaml"] = glossary_text if glossary_text is not None \
        else glossary(BASE_GLOSSARY_TERMS)
    everything.update(files)
    for rel, content in everything.items():
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Symlink):
            os.symlink(content.target, path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(str(content).encode("utf-8"))
    return dest


@dataclass
class Build:
    returncode: int
    output: str  # stdout + stderr
    site: Path

    def problem_lines(self) -> list[tuple[str, int, str]]:
        """(path, line, message and hint) for every problem the build printed, as `check`
        prints it: `path:line:col: severity: message [rule]`, the hint on the next line, and
        no line (0 here) for a problem with the whole file."""
        return [(m[1], int(m[2] or 0), m[3] + (f" ({m[4]})" if m[4] else "")) for m in
                re.finditer(r"^(?:ERROR\s+-\s+.*?)?((?:briefs|seeds|docs)/[^\n]*?)(?::(\d+):\d+)?: "
                            r"(?:error|warning): (.*)$(?:\n    hint: (.*)$)?", self.output, re.M)]


def mkdocs_build(project: Path, site: Path, strict: bool = False, extra_env: dict | None = None,
                 timeout: int = 300) -> Build:
    cmd = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)]
    if strict:
        cmd.insert(4, "--strict")
    env = {**engine_env(), **(extra_env or {})}
    env.pop("PYTHONPATH", None)  # the generator is installed: nothing on the path
    proc = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True,
                          timeout=timeout, errors="replace")
    return Build(proc.returncode, proc.stdout + proc.stderr, site)
