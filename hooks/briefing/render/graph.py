"""Static SVG relationship graphs, laid out at build time: no JavaScript, deterministic.

An entity's graph puts it in the centre and its neighbours on a circle, sorted by kind and
name. The global graph puts each kind on its own ring. Every node is a link with a <title>,
and the SVG has a title and a description for screen readers.
"""
from __future__ import annotations

import math

from ..previews import mark
from ..model import Entity
from .html import a, esc, front_matter, href
from .view import View

KIND_ORDER = {"topic": 0, "agreement": 1, "actor": 2, "source": 3}
MAX_NEIGHBOURS = 18
LABEL = 22  # characters shown under a node; the full name is in its <title>


def neighbours(view: View, entity: Entity) -> list[str]:
    """Ids linked to `entity` in either direction, from the index (no page scanning)."""
    ids = {b.subject for b in view.backlinks(entity.id)}
    for other in _forward(entity):
        found = view.named(other)
        if found is not None and not found.stub:
            ids.add(other)
    ids.discard(entity.id)
    return sorted(ids, key=lambda i: (KIND_ORDER[view.named(i).kind], view.named(i).name.lower(), i))


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
    """A node's label: the name, or its first whole words ("Port of Valmora and…"), so that
    the label is a prefix of the node's accessible name (WCAG 2.5.3)."""
    if len(name) <= LABEL:
        return name
    cut = name[: LABEL - 1]
    words = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return words.rstrip(" ,;:–—-") + "…"


def _node(page: str, entity: Entity, x: float, y: float, radius: int = 6,
          text: str = "", centre: bool = False) -> str:
    """A node: a link to the entity's page (the centre node is this page itself, so a
    group), its circle and its label; `text` places the label (default: under the node)."""
    cls = f"bf-node bf-node--{entity.kind}" + (" bf-node--centre" if centre else "")
    tip = mark(entity.id)
    open_tag, close_tag = (f'<g class="{cls}">', "</g>") if centre else \
        (f'<a href="{href(page, entity.page)}" class="{cls}" aria-label="{esc(tip)}" '
         f'data-bf-preview="{esc(tip)}">', "</a>")
    text = text or f'x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle"'
    return (f"{open_tag}<title>{esc(tip)}</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius}"/>'
            f"<text {text}>{esc(_label(entity.name))}</text>{close_tag}")


def _svg(title: str, desc: str, width: int, height: int, body: list[str], gid: str) -> str:
    # role="group", not "img": the nodes are links, and an image may not contain controls.
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="group" '
            f'aria-labelledby="{gid}-t {gid}-d" class="bf-graph-svg">'
            f'<title id="{gid}-t">{esc(title)}</title><desc id="{gid}-d">{esc(desc)}</desc>'
            + "".join(body) + "</svg>")


def entity_graph(view: View, entity: Entity) -> str:
    ids = neighbours(view, entity)
    if not ids:
        return ""
    shown, extra = ids[:MAX_NEIGHBOURS], len(ids) - MAX_NEIGHBOURS
    width, height, cx, cy, radius = 640, 400, 320, 190, 150
    edges, nodes = [], []
    for i, other_id in enumerate(shown):
        angle = 2 * math.pi * i / len(shown) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * 0.85 * math.sin(angle)
        edges.append(f'<line class="bf-edge" x1="{cx}" y1="{cy}" x2="{x:.1f}" y2="{y:.1f}"/>')
        nodes.append(_node(entity.page, view.named(other_id), x, y))
    nodes.append(_node(entity.page, entity, cx, cy, radius=9, centre=True))
    names = ", ".join(view.named(i).name for i in shown)
    more = f" and {extra} more" if extra > 0 else ""
    svg = _svg(f"Connections of {entity.name}", f"{entity.name} is connected to: {names}{more}.",
               width, height, edges + nodes, f"g-{entity.id}")
    note = f'<figcaption>{len(shown)} of {len(ids)} connections shown.</figcaption>' if extra > 0 else ""
    return (f'\n<figure class="bf-graph" data-search-exclude><div class="bf-graph-scroll" tabindex="0" '
            f'role="region" aria-label="Connections of {esc(entity.name)}">{svg}</div>{note}</figure>\n')


GLOBAL_MAX = 400  # nodes on the whole-briefing graph; beyond that it is unreadable anyway


def _degree(backlinks_by_id: dict) -> dict[str, int]:
    degree: dict[str, int] = {}
    for target, backlinks in backlinks_by_id.items():
        for link in backlinks:
            degree[target] = degree.get(target, 0) + 1
            degree[link.subject] = degree.get(link.subject, 0) + 1
    return degree


GRAPH_PAGE = "graph.md"


def global_graph(view: View) -> tuple[str, list[Entity]]:
    """All entities on one circle, grouped by kind, labels radiating outwards; edges as curves."""
    backlinks = view.all_backlinks()
    degree = _degree(backlinks)
    # It shows names, kinds and relations, never a summary: a summary edit leaves it as it is.
    everyone = sorted(view.everything(read="name"), key=lambda e: (-degree.get(e.id, 0), e.id))
    entities = sorted(everyone[:GLOBAL_MAX], key=lambda e: (KIND_ORDER[e.kind], e.name.lower(), e.id))
    radius = max(260.0, len(entities) * 15 / (2 * math.pi))
    margin = 190
    c = radius + margin
    where: dict[str, tuple[float, float, float]] = {}
    for i, entity in enumerate(entities):
        angle = 2 * math.pi * i / max(len(entities), 1) - math.pi / 2
        where[entity.id] = (c + radius * math.cos(angle), c + radius * math.sin(angle), angle)
    edges, seen = [], set()
    for target, links in sorted(backlinks.items()):
        for link in links:
            pair = tuple(sorted((target, link.subject)))
            if pair[0] in where and pair[1] in where and pair not in seen:
                seen.add(pair)
                (x1, y1, _), (x2, y2, _) = where[pair[0]], where[pair[1]]
                edges.append(f'<path class="bf-edge" fill="none" d="M{x1:.1f},{y1:.1f} Q{c:.1f},{c:.1f} {x2:.1f},{y2:.1f}"/>')
    nodes = []
    for entity in entities:
        x, y, angle = where[entity.id]
        degrees = math.degrees(angle)
        left = math.cos(angle) < 0  # labels on the left half read outwards too
        rotate = degrees + 180 if left else degrees
        dx = -10 if left else 10
        text = (f'transform="translate({x:.1f},{y:.1f}) rotate({rotate:.1f})" x="{dx}" y="4" '
                f'text-anchor="{"end" if left else "start"}"')
        nodes.append(_node(GRAPH_PAGE, entity, x, y, radius=5, text=text))
    shown = "" if len(everyone) <= GLOBAL_MAX else f" (the {GLOBAL_MAX} most connected of {len(everyone)})"
    desc = (f"{len(entities)} entities{shown} on a circle, grouped by kind (topics, agreements, "
            f"actors, sources), and {len(edges)} connections. The lists after the graph give the "
            "same entities as text; each page lists its connections.")
    size = int(2 * c)
    return _svg("The whole briefing", desc, size, size, edges + nodes, "g-all"), entities


def graph_page(view: View) -> str:
    svg, entities = global_graph(view)
    if not entities:
        return (front_matter("Graph") + "# Graph of the briefing\n\n"
                "Nothing to draw yet: the graph shows every entity and relation once there are briefs.\n")
    lists = []
    for kind in ("topic", "agreement", "actor", "source"):
        members = [e for e in entities if e.kind == kind]
        if members:
            items = ", ".join(a(GRAPH_PAGE, e.page, e.name, title=mark(e.id)) for e in members)
            lists.append(f"<h2>{kind.capitalize()}s</h2><p>{items}</p>")
    return (front_matter("Graph") + "# Graph of the briefing\n\n"
            "Every entity and every relation. Select a node to open its page; on a narrow screen, "
            "scroll the graph sideways.\n\n"
            f'<figure class="bf-graph bf-graph--global" data-search-exclude>'
            f'<div class="bf-graph-scroll" tabindex="0" role="region" aria-label="The whole briefing, as a graph">{svg}</div></figure>\n\n'
            + '<div class="bf-graph-lists">' + "".join(lists) + "</div>\n")
