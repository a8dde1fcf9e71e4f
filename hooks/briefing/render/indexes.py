"""Section index pages: actors by type, agreements by status and date, topics by status."""
from __future__ import annotations

from ..formats import ACTOR_TYPES, AGREEMENT_STATUSES, TOPIC_STATUSES
from ..index import Index
from ..model import Entity
from .html import a, block, esc, front_matter

TITLES = {"actor": "Actors", "agreement": "Agreements", "topic": "Topics", "source": "Sources"}
INTROS = {
    "actor": "People, states, organizations, media and groups named in the sources.",
    "agreement": "Treaties, agreements, resolutions and proposals, by status and date.",
    "topic": "The briefing's topics: each opens with a bottom line and key judgments.",
    "source": "The source articles, kept byte for byte, with their reliability grades.",
}


ACTOR_GROUPS = {"person": "People", "state": "States", "organization": "Organizations",
                "media": "Media", "group": "Groups"}


def _group_key(entity: Entity):
    if entity.kind == "actor":
        return entity.type
    if entity.kind in ("agreement", "topic"):
        return entity.status
    return entity.grade or "F"


def _order(kind: str) -> list[str]:
    return {"actor": list(ACTOR_TYPES), "agreement": list(AGREEMENT_STATUSES),
            "topic": list(TOPIC_STATUSES), "source": list("ABCDEF")}[kind]


def _sort_key(entity: Entity):
    if entity.kind == "agreement":
        date = next(iter(sorted(entity.dates.values())), None)
        return (date is None, date.iso() if date else "", entity.name.lower())
    return (entity.name.lower(), entity.id)


def index_page(index: Index, kind: str, entities: list[Entity]) -> str:
    page = f"{kind}s/index.md"
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        if index.owns(entity):
            groups.setdefault(_group_key(entity), []).append(entity)
    parts = [front_matter(TITLES[kind], []), f"# {TITLES[kind]}", "", INTROS[kind],
             "", f"{sum(map(len, groups.values()))} in all."]
    for key in _order(kind):
        members = sorted(groups.get(key, []), key=_sort_key)
        if not members:
            continue
        label = (f"Reliability {key}" if kind == "source" else ACTOR_GROUPS[key] if kind == "actor"
                 else key.replace("-", " ").capitalize())
        parts.append(f"\n## {label}\n")
        items = []
        for entity in members:
            dates = ""
            if entity.kind == "agreement" and entity.dates:
                first = sorted(entity.dates.items(), key=lambda kv: kv[1])[0]
                dates = f' <span class="bf-muted">{esc(first[0].replace("_", " "))} {esc(first[1].display())}</span>'
            items.append(f"<li>{a(page, entity.page, entity.name)}{dates} — {esc(entity.summary)}</li>")
        parts.append(block(['<ul class="bf-index">'] + items + ["</ul>"]))
    return "\n".join(parts)
