"""The glossary of entities: every actor, agreement, topic, source and term, A–Z."""
from __future__ import annotations

import unicodedata
from itertools import groupby

from ..index import Index, name_key
from ..model import Entity, GlossaryTerm
from .html import a, badge, block, esc, front_matter

PAGE = "glossary.md"
APPEARS_SHOWN = 10  # the rest are one click away, on the entity's own page


def _letter(name: str) -> str:
    first = unicodedata.normalize("NFKD", name.lstrip("[\"'(«“‘ "))[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def _appears_in(index: Index, key: str, more_page: str | None = None) -> str:
    pages = sorted(index.mentions.get(key, ()))
    owners = [o for p in pages if (o := index.by_id.get(p.rsplit("/", 1)[-1][:-3])) and o.page == p]
    links = [a(PAGE, o.page, o.name) for o in owners[:APPEARS_SHOWN]]
    rest = len(owners) - APPEARS_SHOWN
    if rest > 0:
        links.append(a(PAGE, more_page, f"and {rest} more") if more_page else f"and {rest} more")
    return ", ".join(links)


def _entity_entry(index: Index, entity: Entity) -> tuple[str, str, list[str]]:
    extra = ", ".join(entity.aliases + ([entity.abbreviation] if entity.abbreviation else []))
    lines = [f'<dt id="{esc(entity.kind)}-{esc(entity.id)}">{a(PAGE, entity.page, entity.name)} '
             f"{badge(entity.kind)}</dt>",
             f"<dd><p>{esc(entity.summary)}</p>"
             + (f'<p class="bf-muted">Also: {esc(extra)}</p>' if extra else "")]
    appears = _appears_in(index, entity.id, entity.page)
    if appears:
        lines.append(f'<p class="bf-appears">Appears in: {appears}</p>')
    lines.append("</dd>")
    return entity.name, entity.page, lines


def _term_entry(index: Index, term: GlossaryTerm) -> tuple[str, str, list[str]]:
    extra = ", ".join(term.aliases + ([term.abbreviation] if term.abbreviation else []))
    see = ", ".join(a(PAGE, index.by_id[i].page, index.by_id[i].name) for i in term.see if i in index.by_id)
    lines = [f'<dt id="{esc(term.anchor)}">{esc(term.term)} {badge("term")}</dt>',
             f"<dd><p>{esc(term.definition)}</p>"
             + (f'<p class="bf-muted">Also: {esc(extra)}</p>' if extra else "")
             + (f"<p>See: {see}</p>" if see else "")]
    appears = _appears_in(index, "term:" + name_key(term.term))
    if appears:
        lines.append(f'<p class="bf-appears">Appears in: {appears}</p>')
    lines.append("</dd>")
    return term.term, "", lines


def glossary_page(index: Index) -> str:
    entries: list[tuple[str, str, str, list[str]]] = []  # (sort key, letter, name, lines)
    for entity in sorted(index.by_id.values(), key=lambda e: e.id):
        name, _, lines = _entity_entry(index, entity)
        entries.append((name.casefold(), _letter(name), name, lines))
        anchor = f"{entity.kind}-{entity.id}"
        for alias in entity.aliases + ([entity.abbreviation] if entity.abbreviation else []):
            entries.append((alias.casefold(), _letter(alias), alias,
                            [f'<dt>{esc(alias)}</dt><dd>see <a href="#{esc(anchor)}">{esc(entity.name)}</a></dd>']))
    for term in index.briefing.glossary:
        name, _, lines = _term_entry(index, term)
        entries.append((name.casefold(), _letter(name), name, lines))
        for alias in term.aliases + ([term.abbreviation] if term.abbreviation else []):
            entries.append((alias.casefold(), _letter(alias), alias,
                            [f'<dt>{esc(alias)}</dt><dd>see <a href="#{esc(term.anchor)}">{esc(term.term)}</a></dd>']))
    entries.sort(key=lambda e: (e[1] == "#", e[1], e[0], e[2]))
    letters = list(dict.fromkeys(e[1] for e in entries))
    jump = " ".join(f'<a href="#letter-{"num" if l == "#" else l.lower()}">{esc(l)}</a>' for l in letters)
    parts = [front_matter("Glossary", []), "# Glossary", "",
             "Every actor, agreement, topic and source in the briefing, and the terms it uses, A–Z.",
             block([f'<nav class="bf-jumpbar" aria-label="Letters">{jump}</nav>'])]
    for letter, group in groupby(entries, key=lambda e: e[1]):  # entries are sorted by letter
        slug = "num" if letter == "#" else letter.lower()
        lines = [f'<h2 id="letter-{slug}">{esc(letter)}</h2>', '<dl class="bf-glossary">']
        lines += [line for entry in group for line in entry[3]]
        parts.append(block(lines + ["</dl>"]))
    return "\n".join(parts)
