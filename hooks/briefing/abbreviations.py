"""Abbreviation tooltips: definitions for Markdown, and <abbr> for text we escape ourselves."""
from __future__ import annotations

from .autolink import MentionMatcher
from .index import Index
from .render.html import esc


class Abbreviations:
    """Every entity and glossary abbreviation, found in a text by one multi-pattern scan."""

    def __init__(self, index: Index):
        pairs = {e.abbreviation: e.name for e in index.by_id.values() if e.abbreviation}
        pairs.update({t.abbreviation: t.term for t in index.briefing.glossary if t.abbreviation})
        self.titles = {abbr: " ".join(title.split()) for abbr, title in pairs.items()
                       if "]" not in abbr and abbr.strip()}
        self.matcher = MentionMatcher({abbr: abbr for abbr in self.titles}, min_length=1)
        self.footers: dict[str, tuple[str, str]] = {}  # page -> (its Markdown, its footer)

    def same(self, other: "Abbreviations | None") -> "Abbreviations":
        """`other` when it knows the same abbreviations (a session keeps its memo), else this."""
        return other if other is not None and other.titles == self.titles else self

    def footer(self, markdown: str, page: str = "") -> str:
        """`*[ABBR]: Expansion` lines for the abbreviations this Markdown uses."""
        known = self.footers.get(page) if page else None
        if known is not None and known[0] == markdown:  # the same string object: no comparison
            return known[1]
        used = sorted({abbr for _, _, abbr in self.matcher.find(markdown)})
        lines = [f"*[{abbr}]: {self.titles[abbr]}" for abbr in used]
        found = ("\n\n" + "\n".join(lines) + "\n") if lines else ""
        if page:
            self.footers[page] = (markdown, found)
        return found

    def wrap(self, text: str) -> str:
        """Escaped HTML of plain text, with each abbreviation in an <abbr title=…>."""
        out, pos = [], 0
        for start, end, abbr in self.matcher.find(text):
            out.append(esc(text[pos:start]))
            out.append(f'<abbr title="{esc(self.titles[abbr])}">{esc(abbr)}</abbr>')
            pos = end
        out.append(esc(text[pos:]))
        return "".join(out)
