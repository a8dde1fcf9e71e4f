"""Each brief's dated changes, from git: one `git log` for the whole project.

The log is read once per commit (a session asks again only when HEAD moves), so it stays
one process however many briefs there are. Without git, or outside a repository, there is
no history and no section; in a shallow clone the older changes are missing, and the pages
say so. Dates are the commits' own, so builds of one commit stay byte-identical.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

SEPARATOR = "\x1e"
BRIEFS = ("briefs/", "seeds/")  # the files that have a History section
CONTENT = BRIEFS + ("docs/",)  # what a briefing's own commits change


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


class History:
    def __init__(self, root: Path):
        self.root = root
        self.head: str | None = None
        self.found: tuple[dict[str, list[tuple[str, str]]], str] = ({}, "")

    def read(self) -> tuple[dict[str, list[tuple[str, str]]], str]:
        """(path -> [(YYYY-MM-DD, subject)] newest first, a note when incomplete). The
        subject is empty for a commit that changed more than the briefing's content."""
        head = _git(self.root, "rev-parse", "HEAD")
        if head is None:
            return {}, ""
        if head != self.head:
            self.head, self.found = head, self._log()
        return self.found

    def _log(self) -> tuple[dict[str, list[tuple[str, str]]], str]:
        out = _git(self.root, "log", "--relative", "--name-only", "--no-renames",
                   f"--format={SEPARATOR}%as%x09%s")
        if out is None:
            return {}, ""
        changes: dict[str, list[tuple[str, str]]] = {}
        for commit in out.split(SEPARATOR)[1:]:
            head, _, listed = commit.partition("\n")
            day, _, subject = head.partition("\t")
            names = [name.strip() for name in listed.split("\n") if name.strip()]
            # A commit that also changes the generator, its tests or its tooling was written
            # for engineers: readers are shown that the brief was revised, not its subject.
            shown = subject.strip() if all(n.startswith(CONTENT) for n in names) else ""
            for name in names:
                if name.startswith(BRIEFS):
                    changes.setdefault(name, []).append((day, shown))
        shallow = (_git(self.root, "rev-parse", "--is-shallow-repository") or "").strip() == "true"
        note = "This copy of the repository is shallow: older changes are not shown." if shallow else ""
        return changes, note
