"""Section index pages (actors by type, agreements by status and date, topics by status,
sources by grade) and one page per group, which the navigation lists."""
from __future__ import annotations

import re

from ..model import Entity, Source
from .blocks import entity_link
from .html import a, block, esc, front_matter
from .text import text
from .view import View

TITLES = {"actor": "Actors", "agreement": "Agreements", "topic": "Topics", "source": "Sources"}
INTROS = {
    "actor": "People, states, organizations, media and groups named in the sources.",
    "agreement": "Treaties, agreements, resolutions and proposals, by status and date.",
    "topic": "The briefing's topics: each opens with a bottom line and key judgments.",
    "source": "The source articles, kept byte for byte, with their reliability grades.",
}
EMPTY = {
    "actor": "No actor yet: add one with `briefing new actor \"Name\"`.",
    "agreement": "No agreement yet: add one with `briefing new agreement \"Name\"`.",
    "topic": "No topic yet: add one with `briefing new topic \"Name\"`.",
    "source": "No source yet: add the first with `briefing import-source FILE --id ID --title "
              "\"Title\" --label \"Label\"`.",
}


def empty_text(kind: str) -> str:
    """The empty state of a section, as HTML: its `command` in <code>."""
    return re.sub(r"`([^`]*)`", r"<code>\1</code>", esc(EMPTY[kind]))


def place(entity: Entity) -> tuple:
    """Where a section page lists an entity: its group, and its place in the group (the
    `place:<id>` key of `view`)."""
    from .site import group_of
    return group_of(entity), _sort_key(entity)


def _sort_key(entity: Entity):
    if entity.kind == "agreement":
        date = next(iter(sorted(entity.dates.values())), None)
        return (date is None, date.iso() if date else "", entity.name.lower())
    return (entity.name.lower(), entity.id)


def _kept_item(view: View, page: str, entity: Entity) -> str:
    """An entity's line, kept between a session's runs while what it read is the same: a
    section of thousands renders again for one summary, not thousands of lines."""
    return view.part("item:" + entity.id, lambda: _item(view, page, view.face(entity.id)))


def _item(view: View, page: str, entity: Entity) -> str:
    dates = ""
    if entity.kind == "agreement" and entity.dates:
        first = sorted(entity.dates.items(), key=lambda kv: kv[1])[0]
        dates = f' <span class="bf-muted">{esc(first[0].replace("_", " "))} {esc(first[1].display())}</span>'
    summary = text(view, entity.id, entity.summary, page) if not isinstance(entity, Source) else esc(entity.summary)
    return f"<li>{entity_link(view, page, entity.id)}{dates} — {summary}</li>"


# (singular, plural) of what a group holds: "1 state", "2 people", "3 agreements".
NOUNS = {"people": ("person", "people"), "states": ("state", "states"),
         "organizations": ("organization", "organizations"), "media": ("media outlet", "media outlets"),
         "groups": ("group", "groups"), "agreement": ("agreement", "agreements"),
         "topic": ("topic", "topics"), "source": ("source", "sources")}


def count(kind: str, slug: str, n: int) -> str:
    singular, plural = NOUNS.get(slug) or NOUNS[kind]
    return f"{n} {singular if n == 1 else plural}"


def _groups(view: View, kind: str) -> list[tuple[str, str, list[Entity]]]:
    """(slug, title, members) of each non-empty group, in the section's order, the members
    sorted as the pages list them. Worked out once a run: every group page asks."""
    from .site import group_of, group_order
    # Read by every page that asks: each entity's place, not its face (a group page shows
    # its own members' faces only, through their lines).
    entities = view.of_kind(kind, read="place")
    groups = view.derived.get(("groups", kind))
    if groups is None:
        found: dict[str, tuple[str, list[Entity]]] = {}
        for entity in sorted(entities, key=_sort_key):
            slug, title = group_of(entity)
            found.setdefault(slug, (title, []))[1].append(entity)
        groups = view.derived[("groups", kind)] = [(slug, *found[slug]) for slug in group_order(kind)
                                                   if slug in found]
    return groups


def index_page(view: View, kind: str) -> str:
    page = f"{kind}s/index.md"
    groups = _groups(view, kind)
    total = sum(len(members) for _, _, members in groups)
    parts = [front_matter(TITLES[kind]), f"# {TITLES[kind]}", "", INTROS[kind], ""]
    if not total:
        return "\n".join(parts + [block([f'<p class="bf-empty">{empty_text(kind)}</p>'])])
    parts.append(f"{total} in all.")
    for slug, title, members in groups:
        group_page = f"{kind}s/{slug}/index.md"
        parts.append(f"\n## {title}\n")
        parts.append(block([f'<p class="bf-muted">{a(page, group_page, count(kind, slug, len(members)))}</p>',
                            '<ul class="bf-index">', *[_kept_item(view, page, e) for e in members],
                            "</ul>"]))
    return "\n".join(parts)


def group_page(view: View, kind: str, slug: str) -> str:
    page = f"{kind}s/{slug}/index.md"
    for found, title, members in _groups(view, kind):
        if found == slug:
            break
    else:
        members, title = [], slug
    items = [_kept_item(view, page, e) for e in members]
    back = a(page, f"{kind}s/index.md", f"All {TITLES[kind].lower()}")
    return "\n".join([front_matter(f"{TITLES[kind]}: {title}"), f"# {title}", "",
                      block([f"<p>{len(members)} in this group. {back}.</p>",
                             '<ul class="bf-index">', *items, "</ul>"])])
