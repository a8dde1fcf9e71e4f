"""Shared helpers: a throwaway briefing project with its own fixture sources.

The generator's tests never read the shipped briefing: each builds its own project from
the fictional articles in tests/fixtures/sources/ and the briefs a test writes. A test then
runs the one route (`Session.run`) directly, or builds the site with real MkDocs in a
subprocess and reads the HTML back.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
GAZETTE = "harbour-gazette"  # 6 paragraphs; boilerplate 1, 3, 5, 21; heading 13
ANALYSIS = "coast-analysis"  # 4 paragraphs, no metadata beyond the text
SOURCES = {
    GAZETTE: dict(title="Valmora agrees ferry deal with Northline", label="Gazette",
                  publisher="Harbour Gazette", author="Petra Lind", published="2024-03-04",
                  boilerplate=[1, 3, 5, 21], headings=[13], grade="C",
                  rationale="A local paper reporting what it saw; no second source."),
    ANALYSIS: dict(title="[Untitled analysis of the Valmora ferry agreement]", label="Analysis",
                   grade="F", rationale="Author, outlet and date are unknown."),
}
MKDOCS_YML = """site_name: Test briefing
use_directory_urls: false
strict: true
validation:
  anchors: warn
theme:
  name: material
  font: false
  features: [navigation.tabs, navigation.sections, navigation.indexes, navigation.prune,
             navigation.path, content.tooltips]
plugins:
  - briefing
markdown_extensions: [abbr, admonition, footnotes, tables, {toc: {permalink: true}},
                      pymdownx.details, pymdownx.superfences]
nav:
  - Briefing: index.md
  - Topics: topics/index.md
  - Actors: actors/index.md
  - Agreements: agreements/index.md
  - Sources: sources/index.md
  - Reference: [glossary.md, timeline.md, graph.md, tags.md, downloads.md]
"""
RULES_OFF = ("uncited-paragraph", "quotation-source-not-cited", "brief-without-quote", "brief-undated",
             "source-paragraph-uncited", "source-ungraded", "topic-judgments", "citation-shift")


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine, fail in CI."""
    import pytest
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


def engine_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "SOURCE_DATE_EPOCH": "1750000000", **extra}
    env.pop("BRIEFING_EDIT_URL", None)
    return env


@dataclass
class Built:
    returncode: int
    output: str
    site: Path

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")


def source_yaml(name: str, **overrides) -> str:
    meta = {**SOURCES[name], **overrides}
    text = (FIXTURES / "sources" / f"{name}.txt").read_bytes()
    lines = [f"title: {_q(meta['title'])}", f"label: {_q(meta['label'])}"]
    for key in ("publisher", "author", "published"):
        lines.append(f"{key}: {_q(meta[key]) if meta.get(key) else 'null'}")
    lines += ["language: en", f"sha256: {meta.get('sha256') or hashlib.sha256(text).hexdigest()}"]
    if meta.get("grade"):
        lines += ["reliability:", f"  grade: {meta['grade']}", f"  rationale: {_q(meta['rationale'])}"]
    lines += [f"boilerplate: {meta.get('boilerplate', [])}", f"headings: {meta.get('headings', [])}"]
    return "\n".join(lines) + "\n"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Project:
    """A briefing in a temporary folder: briefing.yml, mkdocs.yml, docs/, briefs/, seeds/."""

    def __init__(self, root: Path, sources=(GAZETTE, ANALYSIS), rules: dict | None = None):
        self.root = root
        root.mkdir(parents=True)
        self.settings(rules)
        self.write("mkdocs.yml", MKDOCS_YML)
        self.write("docs/index.md", "# Test briefing\n\n<!-- briefing:last-reviewed -->\n")
        for folder in ("actors", "agreements", "topics"):
            (root / "briefs" / folder).mkdir(parents=True)
        (root / "seeds").mkdir()
        for name in sources:
            self.source(name)

    def settings(self, rules: dict | None = None, strict: bool = False) -> None:
        """briefing.yml: the content rules off unless a test turns them on."""
        chosen = {**dict.fromkeys(RULES_OFF, "off"), **(rules or {})}
        lines = [f"strict: {'true' if strict else 'false'}", "rules:"] + [f"  {k}: {v}" for k, v in chosen.items()]
        self.write("briefing.yml", "\n".join(lines) + "\n")

    def source(self, name: str, **overrides) -> None:
        shutil.copy(FIXTURES / "sources" / f"{name}.txt", self.root / "seeds" / f"{name}.txt")
        self.write(f"seeds/{name}.yaml", source_yaml(name, **overrides))

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def brief(self, kind: str, brief_id: str, front: str, body: str = "") -> Path:
        """Write briefs/<kind>s/<id>.md; `front` is the YAML between the --- lines."""
        front = textwrap.dedent(front).strip("\n")
        return self.write(f"briefs/{kind}s/{brief_id}.md", f"---\n{front}\n---\n{textwrap.dedent(body)}")

    def actor(self, brief_id: str, name: str, extra: str = "", body: str = "", type_: str = "state") -> Path:
        return self.brief("actor", brief_id, f"name: {name}\nsummary: {name} summary.\n"
                          f"type: {type_}\nupdated: 2025-07-01\n{textwrap.dedent(extra).strip()}", body)

    def run(self, render: bool = False, jobs: int = 1):
        from briefing.cli import documents
        from briefing.pipeline import Session
        return Session(self.root).run(documents(self.root), render=render, jobs=jobs)

    def messages(self) -> list[str]:
        return [p.short() for p in self.run().problems.sorted()]

    def only(self) -> str:
        """The one problem the briefing has; fails when there are none or several."""
        messages = self.messages()
        assert len(messages) == 1, messages
        return messages[0]

    def build(self, *args: str, env: dict[str, str] | None = None) -> Built:
        """`mkdocs build` in a subprocess; `env` adds to (or overrides) its environment."""
        site = self.root / "site"
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *args],
                              cwd=self.root, env=engine_env(**(env or {})), capture_output=True,
                              text=True, timeout=600)
        return Built(proc.returncode, proc.stdout + proc.stderr, site)


def starter(project: Project) -> Project:
    """A small consistent corpus on the fixture sources: states, a person, an agreement, a topic."""
    project.actor("ostria", "Ostria", "aliases: [Ostrian state]")
    project.actor("valmora-council", "Valmora harbour council", "aliases: [harbour council]",
                  type_="organization")
    project.actor("northline", "Northline Ferry Company", "aliases: [Northline]", type_="organization")
    project.actor("ilse-brandt", "Ilse Brandt", """
        country: ostria
        roles:
          - title: Mayor
            of: valmora-council
        quotes:
          - id: fair-deal
            text: "a fair deal, not a gift"
            source: harbour-gazette
            speaker: ilse-brandt
        """, body="Brandt spoke for the harbour council ([[harbour-gazette#p2]]).\n", type_="person")
    project.brief("agreement", "ferry-agreement", """
        name: Valmora ferry agreement
        summary: The ten-year ferry agreement of March 2024.
        type: agreement
        status: signed
        signed: 2024-03-03
        parties: [valmora-council, northline]
        signatories: [valmora-council]
        mediators: [ostria]
        quotes:
          - text: "signed a ten-year ferry agreement with the Northline Ferry Company on 3 March 2024"
            source: harbour-gazette
        """, "The agreement binds [[valmora-council]] and [[Northline|the company]] ([[harbour-gazette#p1]]).\n")
    project.brief("topic", "ferry", """
        name: The Valmora ferry
        summary: Whether the ferry runs all year.
        status: ongoing
        updated: 2025-07-02
        actors:
          - ostria
          - id: northline
            role: operator
        agreements: [ferry-agreement]
        judgments:
          - text: The ferry is likely to run daily in summer.
            likelihood: likely
            confidence: moderate
            quotes: [summer]
        events:
          - date: 2024-03
            text: The council signs the agreement.
            actors: [ostria, northline]
            quote: summer
        quotes:
          - id: summer
            text: "the ferry will run daily only in summer"
            source: harbour-gazette
        """, "## Analysis\n\nIlse Brandt and the agreement matter ([[harbour-gazette#p6]]).\n\n[[quote:summer]]\n")
    return project


def pages(run) -> dict[str, str]:
    """What a run made of each page, to compare a kept session with a clean run."""
    return {path: page.markdown + page.footer for path, page in run.pages.items()}
