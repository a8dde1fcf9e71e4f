"""The glossary of entities: every actor, agreement, topic, source and term, A–Z."""
from __future__ import annotations

import unicodedata
from itertools import groupby

from ..index import name_key
from ..previews import mark
from ..model import Entity, GlossaryTerm
from .blocks import entity_link, mentions_page_of
from .html import a, badge, block, esc, front_matter
from .text import text
from .view import View

PAGE = "glossary.md"
APPEARS_SHOWN = 10  # the rest are one click away, on the entity's own page


def _letter(name: str) -> str:
    first = unicodedata.normalize("NFKD", name.lstrip("[\"'(«“‘ "))[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def _appears_in(view: View, key: str, more_page: str | None = None) -> str:
    owners = []
    for page in view.mentioning_pages(key):
        owner = view.named(page.rsplit("/", 1)[-1][:-3])
        if owner is not None and owner.page == page:
            owners.append(owner)
    links = [a(PAGE, o.page, o.name, title=mark(o.id)) for o in owners[:APPEARS_SHOWN]]
    rest = len(owners) - APPEARS_SHOWN
    if rest > 0:
        links.append(a(PAGE, more_page, f"and {rest} more") if more_page else f"and {rest} more")
    return ", ".join(links)


def _other_names(named: Entity | GlossaryTerm) -> list[str]:
    return named.aliases + ([named.abbreviation] if named.abbreviation else [])


def _definition(dt: str, definition: str, named: Entity | GlossaryTerm, appears: str, see: str = "") -> list[str]:
    """An entry's <dt> and <dd>: the text, its other names, 'See:' and 'Appears in'."""
    extra = ", ".join(_other_names(named))
    lines = [dt, f"<dd><p>{definition}</p>"
             + (f'<p class="bf-muted">Also: {esc(extra)}</p>' if extra else "")
             + (f"<p>See: {see}</p>" if see else "")]
    if appears:
        lines.append(f'<p class="bf-appears">Appears in: {appears}</p>')
    lines.append("</dd>")
    return lines


def _entity_lines(view: View, entity: Entity) -> list[str]:
    dt = f'<dt id="{esc(entity.kind)}-{esc(entity.id)}">{a(PAGE, entity.page, entity.name, title=mark(entity.id))} {badge(entity.kind)}</dt>'
    summary = esc(entity.summary) if entity.kind == "source" else text(view, entity.id, entity.summary, PAGE)
    more = mentions_page_of(view, entity) or entity.page
    return _definition(dt, summary, entity, _appears_in(view, entity.id, more))


def _entity_entries(view: View, entity: Entity) -> list[Entry]:
    """An entity's entry and one 'see' entry per other name: kept whole between runs."""
    return [_entry(entity.name, _entity_lines(view, entity)),
            *_see_entries(entity, f"{entity.kind}-{entity.id}", entity.name)]


def _term_lines(view: View, term: GlossaryTerm) -> list[str]:
    see = ", ".join(entity_link(view, PAGE, i) for i in term.see if view.named(i) is not None)
    definition = text(view, "glossary:" + term.term, term.definition, PAGE)
    return _definition(f'<dt id="{esc(term.anchor)}">{esc(term.term)} {badge("term")}</dt>',
                       definition, term, _appears_in(view, "term:" + name_key(term.term)), see)


Entry = tuple[str, str, str, list[str]]  # (sort key, letter, name, lines)


def _entry(name: str, lines: list[str]) -> Entry:
    return name.casefold(), _letter(name), name, lines


def _see_entries(named: Entity | GlossaryTerm, anchor: str, target: str) -> list[Entry]:
    """One 'see' entry per alias or abbreviation, pointing at the main entry."""
    return [_entry(alias, [f'<dt>{esc(alias)}</dt><dd>see <a href="#{esc(anchor)}">{esc(target)}</a></dd>'])
            for alias in _other_names(named)]


def glossary_page(view: View) -> str:
    entries: list[Entry] = []
    # An entity's entry is kept between a session's runs; it reads its entity again through
    # the view, so that the entry's record holds the entity's fields.
    for entity in view.everything():
        entries += view.part("entity:" + entity.id, lambda i=entity.id: _entity_entries(view, view.face(i)))
    for term in view.glossary():
        entries.append(_entry(term.term, _term_lines(view, term)))
        entries += _see_entries(term, term.anchor, term.term)
    entries.sort(key=lambda e: (e[1] == "#", e[1], e[0], e[2]))
    letters = list(dict.fromkeys(e[1] for e in entries))
    jump = " ".join(f'<a href="#letter-{"num" if l == "#" else l.lower()}">{esc(l)}</a>' for l in letters)
    parts = [front_matter("Glossary"), "# Glossary", "",
             "Every actor, agreement, topic and source in the briefing, and the terms it uses, A–Z."]
    if not entries:
        return "\n".join(parts + ["", "The glossary is empty: it fills as briefs and sources are added."])
    parts.append(block([f'<nav class="bf-jumpbar" aria-label="Letters">{jump}</nav>']))
    for letter, group in groupby(entries, key=lambda e: e[1]):  # entries are sorted by letter
        slug = "num" if letter == "#" else letter.lower()
        lines = [f'<h2 id="letter-{slug}">{esc(letter)}</h2>', '<dl class="bf-glossary">']
        lines += [line for entry in group for line in entry[3]]
        parts.append(block(lines + ["</dl>"]))
    return "\n".join(parts)
