"""Static SVG relationship graphs, laid out at build time: no JavaScript, deterministic.

An entity's graph puts it in the centre and its neighbours on a circle, sorted by kind and
name. The global graph puts each kind on its own ring. Every node is a link with a <title>,
and the SVG has a title and a description for screen readers.
"""
from __future__ import annotations

import math

from ..index import Index
from ..model import Entity
from .html import esc, href

KIND_ORDER = {"topic": 0, "agreement": 1, "actor": 2, "source": 3}
MAX_NEIGHBOURS = 18
LABEL = 22  # characters shown under a node; the full name is in its <title>


def neighbours(index: Index, entity: Entity) -> list[str]:
    """Ids linked to `entity` in either direction, from the index (no page scanning)."""
    ids = {b.subject for b in index.backlinks.get(entity.id, [])}
    for other in _forward(entity):
        if other in index.by_id:
            ids.add(other)
    ids.discard(entity.id)
    return sorted(ids, key=lambda i: (KIND_ORDER[index.by_id[i].kind], index.by_id[i].name.lower(), i))


def _forward(entity: Entity) -> list[str]:
    out = [q.source for q in entity.quotes] + [q.speaker for q in entity.quotes if q.speaker]
    for name in ("parties", "signatories", "mediators", "agreements"):
        out += getattr(entity, name, [])
    out += [m.id for m in getattr(entity, "actors", [])]
    out += [r.of for r in getattr(entity, "roles", [])]
    if getattr(entity, "country", None):
        out.append(entity.country)
    return out


def _label(name: str) -> str:
    return name if len(name) <= LABEL else name[: LABEL - 1] + "…"


def _node(page: str, entity: Entity, x: float, y: float, centre: bool = False) -> str:
    cls = f"bf-node bf-node--{entity.kind}" + (" bf-node--centre" if centre else "")
    # The centre node is this page itself: a group, not a link.
    open_tag, close_tag = (f'<g class="{cls}">', "</g>") if centre else \
        (f'<a href="{href(page, entity.page)}" class="{cls}">', "</a>")
    return (f"{open_tag}<title>{esc(entity.name)} ({entity.kind})</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{9 if centre else 6}"/>'
            f'<text x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle">{esc(_label(entity.name))}</text>{close_tag}')


def _svg(title: str, desc: str, width: int, height: int, body: list[str], gid: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
            f'aria-labelledby="{gid}-t {gid}-d" class="bf-graph-svg">'
            f'<title id="{gid}-t">{esc(title)}</title><desc id="{gid}-d">{esc(desc)}</desc>'
            + "".join(body) + "</svg>")


def entity_graph(index: Index, entity: Entity) -> str:
    ids = neighbours(index, entity)
    if not ids:
        return ""
    shown, extra = ids[:MAX_NEIGHBOURS], len(ids) - MAX_NEIGHBOURS
    width, height, cx, cy, radius = 640, 400, 320, 190, 150
    edges, nodes = [], []
    for i, other_id in enumerate(shown):
        angle = 2 * math.pi * i / len(shown) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * 0.85 * math.sin(angle)
        edges.append(f'<line class="bf-edge" x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}"/>')
        nodes.append(_node(entity.page, index.by_id[other_id], x, y))
    nodes.append(_node(entity.page, entity, cx, cy, centre=True))
    names = ", ".join(index.by_id[i].name for i in shown)
    more = f" and {extra} more" if extra > 0 else ""
    svg = _svg(f"Connections of {entity.name}", f"{entity.name} is connected to: {names}{more}.",
               width, height, edges + nodes, f"g-{entity.id}")
    note = f'<figcaption>{len(shown)} of {len(ids)} connections shown.</figcaption>' if extra > 0 else ""
    return f'\n<figure class="bf-graph">{svg}{note}</figure>\n'


def global_graph(index: Index, page: str = "graph.md") -> str:
    entities = sorted((e for e in index.by_id.values()),
                      key=lambda e: (KIND_ORDER[e.kind], e.name.lower(), e.id))
    rings: dict[str, list[Entity]] = {}
    for entity in entities:
        rings.setdefault(entity.kind, []).append(entity)
    size = 1000
    c = size / 2
    where: dict[str, tuple[float, float]] = {}
    for ring, kind in enumerate(sorted(rings, key=KIND_ORDER.get)):
        members, radius = rings[kind], 90 + ring * 120
        for i, entity in enumerate(members):
            angle = 2 * math.pi * i / len(members) - math.pi / 2 + ring * 0.3
            where[entity.id] = (c + radius * math.cos(angle), c + radius * math.sin(angle))
    edges, seen = [], set()
    for target, backlinks in sorted(index.backlinks.items()):
        for link in backlinks:
            pair = tuple(sorted((target, link.subject)))
            if target in where and link.subject in where and pair not in seen:
                seen.add(pair)
                (x1, y1), (x2, y2) = where[pair[0]], where[pair[1]]
                edges.append(f'<line class="bf-edge" x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    nodes = [_node(page, e, *where[e.id]) for e in entities]
    desc = (f"{len(entities)} entities on rings by kind (topics innermost, then agreements, "
            f"actors and sources) and {len(edges)} connections. The lists below give the same "
            "information as text.")
    return _svg("The whole briefing", desc, size, size, edges + nodes, "g-all")
