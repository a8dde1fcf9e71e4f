"""Abbreviation tooltips: definitions for Markdown, and <abbr> for text we escape ourselves."""
from __future__ import annotations

from typing import Callable

from .autolink import MentionMatcher
from .index import Index
from .render.html import esc


class Abbreviations:
    """Every entity and glossary abbreviation, found in a text by one multi-pattern scan.

    Which abbreviations a text uses depends only on the set of abbreviations, not on what
    they stand for, so a session keeps that memo while the set stays the same: renaming the
    organisation behind one abbreviation then touches only the pages that use it."""

    def __init__(self, index: Index):
        pairs = {e.abbreviation: e.name for e in index.by_id.values() if e.abbreviation}
        pairs.update({t.abbreviation: t.term for t in index.briefing.glossary if t.abbreviation})
        self.titles = {abbr: " ".join(title.split()) for abbr, title in pairs.items()
                       if "]" not in abbr and abbr.strip()}
        self.matcher = MentionMatcher({abbr: abbr for abbr in self.titles}, min_length=1)
        self.uses: dict[str, tuple[str, tuple[str, ...]]] = {}  # page -> (its Markdown, what it uses)

    def same(self, other: "Abbreviations | None") -> "Abbreviations":
        """`other` when it knows the same abbreviations (a session keeps its memo), else
        this, with `other`'s memo when only what they stand for changed."""
        if other is None:
            return self
        if other.titles == self.titles:
            return other
        if other.titles.keys() == self.titles.keys():
            self.matcher, self.uses = other.matcher, other.uses
        return self

    def used(self, markdown: str, page: str = "") -> tuple[str, ...]:
        """The abbreviations a Markdown text uses, sorted."""
        known = self.uses.get(page) if page else None
        if known is not None and known[0] == markdown:  # mostly the same string object: no comparison
            return known[1]
        found = tuple(sorted({abbr for _, _, abbr in self.matcher.find(markdown)}))
        if page:
            self.uses[page] = (markdown, found)
        return found

    def footer(self, used: tuple[str, ...]) -> str:
        """`*[ABBR]: Expansion` lines for Python-Markdown's abbr extension."""
        if not used:
            return ""
        return "\n\n" + "\n".join(f"*[{abbr}]: {self.titles[abbr]}" for abbr in used) + "\n"

    def wrap(self, text: str, seen: Callable[[str], None] = lambda abbr: None) -> str:
        """Escaped HTML of plain text, with each abbreviation in an <abbr title=…>; `seen`
        is told each abbreviation shown."""
        out, pos = [], 0
        for start, end, abbr in self.matcher.find(text):
            seen(abbr)
            out.append(esc(text[pos:start]))
            out.append(f'<abbr title="{esc(self.titles[abbr])}">{esc(abbr)}</abbr>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)
