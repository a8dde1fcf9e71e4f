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
    owners = index.mentioned_in(key)
    links = [a(PAGE, o.page, o.name) for o in owners[:APPEARS_SHOWN]]
    rest = len(owners) - APPEARS_SHOWN
    if rest > 0:
        links.append(a(PAGE, more_page, f"and {rest} more") if more_page else f"and {rest} more")
    return ", ".join(links)


def _other_names(named: Entity | GlossaryTerm) -> list[str]:
    return named.aliases + ([named.abbreviation] if named.abbreviation else [])


def _definition(dt: str, text: str, named: Entity | GlossaryTerm, appears: str, see: str = "") -> list[str]:
    """An entry's <dt> and <dd>: the text, its other names, 'See:' and 'Appears in'."""
    extra = ", ".join(_other_names(named))
    lines = [dt, f"<dd><p>{esc(text)}</p>"
             + (f'<p class="bf-muted">Also: {esc(extra)}</p>' if extra else "")
             + (f"<p>See: {see}</p>" if see else "")]
    if appears:
        lines.append(f'<p class="bf-appears">Appears in: {appears}</p>')
    lines.append("</dd>")
    return lines


def _entity_lines(index: Index, entity: Entity) -> list[str]:
    dt = f'<dt id="{esc(entity.kind)}-{esc(entity.id)}">{a(PAGE, entity.page, entity.name)} {badge(entity.kind)}</dt>'
    return _definition(dt, entity.summary, entity, _appears_in(index, entity.id, entity.page))


def _term_lines(index: Index, term: GlossaryTerm) -> list[str]:
    see = ", ".join(a(PAGE, index.by_id[i].page, index.by_id[i].name) for i in term.see if i in index.by_id)
    return _definition(f'<dt id="{esc(term.anchor)}">{esc(term.term)} {badge("term")}</dt>',
                       term.definition, term, _appears_in(index, "term:" + name_key(term.term)), see)


Entry = tuple[str, str, str, list[str]]  # (sort key, letter, name, lines)


def _entry(name: str, lines: list[str]) -> Entry:
    return name.casefold(), _letter(name), name, lines


def _see_entries(named: Entity | GlossaryTerm, anchor: str, target: str) -> list[Entry]:
    """One 'see' entry per alias or abbreviation, pointing at the main entry."""
    return [_entry(alias, [f'<dt>{esc(alias)}</dt><dd>see <a href="#{esc(anchor)}">{esc(target)}</a></dd>'])
            for alias in _other_names(named)]


def glossary_page(index: Index) -> str:
    entries: list[Entry] = []
    for entity in sorted(index.by_id.values(), key=lambda e: e.id):
        entries.append(_entry(entity.name, _entity_lines(index, entity)))
        entries += _see_entries(entity, f"{entity.kind}-{entity.id}", entity.name)
    for term in index.briefing.glossary:
        entries.append(_entry(term.term, _term_lines(index, term)))
        entries += _see_entries(term, term.anchor, term.term)
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
