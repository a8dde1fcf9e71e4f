"""Shared helpers: a throwaway project with the real hooks, theme config and seeds.

Tests write a few briefs into it and either run the core's `check` directly or build the
site with real MkDocs in a subprocess and read the HTML back.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path


REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

NGHEAN = "nghean-russia-unexpected-role"
MEDIATOR = "russia-mediator-analysis"


def copy_skeleton(dest: Path, home: str) -> None:
    """The repository's mkdocs.yml, hooks/ and docs/ in `dest`, with `home` as docs/index.md
    (the real home page links briefs a test project does not have)."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "hooks", dest / "hooks", ignore=ignore, dirs_exist_ok=True)
    shutil.copytree(REPO / "docs", dest / "docs", ignore=ignore, dirs_exist_ok=True)
    (dest / "docs" / "index.md").write_text(home, encoding="utf-8")


SHIPPED_EPOCH = "1700000000"  # SOURCE_DATE_EPOCH for builds of the shipped site


def build_shipped(site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the repository's own briefing into `site`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks"),
           "SOURCE_DATE_EPOCH": SHIPPED_EPOCH}
    env.pop("BRIEFING_EDIT_URL", None)
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine, fail in CI."""
    import pytest
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(reason)


@dataclass
class Built:
    returncode: int
    output: str
    site: Path

    def html(self, page: str) -> str:
        return (self.site / page).read_text(encoding="utf-8")


class Project:
    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True)
        copy_skeleton(root, "# Test briefing\n\n<!-- briefing:last-reviewed -->\n")
        (root / "seeds").mkdir()
        for name in (NGHEAN, MEDIATOR):
            for ext in (".txt", ".yaml"):
                shutil.copy(REPO / "seeds" / f"{name}{ext}", root / "seeds" / f"{name}{ext}")
        for folder in ("actors", "agreements", "topics"):
            (root / "briefs" / folder).mkdir(parents=True)

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

    def check(self):
        from briefing.pipeline import check
        problems, index, linked = check(self.root)
        return problems, index

    def messages(self) -> list[str]:
        return [p.short() for p in self.check()[0].sorted()]

    def only(self) -> str:
        """The one problem the briefing has; fails when there are none or several."""
        messages = self.messages()
        assert len(messages) == 1, messages
        return messages[0]

    def build(self, *args: str, env: dict[str, str] | None = None) -> Built:
        """`mkdocs build` in a subprocess; `env` adds to (or overrides) its environment."""
        site = self.root / "site"
        base = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1750000000"}
        base.pop("BRIEFING_EDIT_URL", None)
        env = {**base, **(env or {})}
        proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site), *args],
                              cwd=self.root, env=env, capture_output=True, text=True, timeout=300)
        return Built(proc.returncode, proc.stdout + proc.stderr, site)


def starter(project: Project) -> Project:
    """A small consistent corpus: states, a person, a treaty and a topic."""
    project.actor("russia", "Russia", "aliases: [Moscow]")
    project.actor("iran", "Iran", "aliases: [Tehran]")
    project.actor("sergey-lavrov", "Sergey Lavrov", """
        country: russia
        roles:
          - title: Foreign Minister
            of: russia
        quotes:
          - id: call
            text: "Lavrov’s call for de-escalation and regional stability has added weight"
            source: nghean-russia-unexpected-role
            speaker: sergey-lavrov
        """, body="Lavrov spoke for Russia about Iran.\n", type_="person")
    project.brief("agreement", "treaty", """
        name: Comprehensive Strategic Partnership Treaty
        summary: The January 2025 treaty.
        type: treaty
        status: signed
        signed: 2025-01-17
        parties: [russia, iran]
        signatories: [russia]
        mediators: [iran]
        quotes:
          - text: "comprehensive strategic partnership agreement signed on January 17, 2025"
            source: russia-mediator-analysis
        """, "The treaty binds [[russia]] and [[Tehran|the Iranian side]].\n")
    project.brief("topic", "mediation", """
        name: Russian mediation
        summary: Russia as mediator.
        status: ongoing
        updated: 2025-07-02
        actors:
          - russia
          - id: iran
            role: party
        agreements: [treaty]
        judgments:
          - text: Russia is likely to keep mediating.
            likelihood: likely
            confidence: moderate
            quotes: [ceremonial]
        events:
          - date: 2025-06
            text: Araghchi visits Moscow.
            actors: [iran, russia]
            quote: ceremonial
        quotes:
          - id: ceremonial
            text: 'consultations with Russia were "strategic, not ceremonial."'
            source: nghean-russia-unexpected-role
        """, "## Analysis\n\nSergey Lavrov and the treaty matter.\n\n[[quote:ceremonial]]\n")
    return project
