"""Entity pages (actor, agreement, topic) and source pages, as Markdown."""
from __future__ import annotations

from ..formats import RELIABILITY
from ..index import Index
from ..linking import QUOTE_MARK, Linked
from ..model import Actor, Agreement, Entity, Source, Topic
from ..prose import md_text
from .blocks import cite, entity_link, event_order, factbox, judgments, quote_block, relations, reviewed
from .graph import entity_graph
from .html import badge, block, esc, front_matter, unknown
from .sourcetext import article


def facet_tags(entity: Entity, index: Index) -> list[str]:
    kind_type = getattr(entity, "type", None)  # actors and agreements have a type; topics do not
    tags = [f"{entity.kind.capitalize()}: {kind_type}"] if kind_type else []
    country = index.by_id.get(getattr(entity, "country", None) or "")
    if country is not None:
        tags.append(f"Country: {country.name}")
    if getattr(entity, "status", None):
        tags.append(f"Status: {entity.status}")
    # Material prints tag names unescaped (partials/tags.html), so they are escaped here.
    return [esc(t) for t in tags + [t for t in entity.tags if t not in tags]]


def _links(index: Index, page: str, ids) -> str:
    return ", ".join(entity_link(index, page, i) for i in ids) or unknown()


def _facts(index: Index, entity: Entity) -> list[tuple[str, str]]:
    page = entity.page
    kind_type = getattr(entity, "type", None)
    rows = [("Type", badge(entity.kind) + (" " + esc(kind_type) if kind_type else ""))]
    if entity.aliases:
        rows.append(("Also known as", esc(", ".join(entity.aliases))))
    if entity.abbreviation:
        rows.append(("Abbreviation", esc(entity.abbreviation)))
    if isinstance(entity, Actor):
        if entity.country:
            rows.append(("Country", entity_link(index, page, entity.country)))
        for role in entity.roles:
            span = " – ".join(d.display() if d else "?" for d in (role.start, role.end)) \
                if role.start or role.end else ""
            rows.append(("Role in", entity_link(index, page, role.of, role.title)
                         + (f" <span class=\"bf-muted\">{esc(span)}</span>" if span else "")))
    elif isinstance(entity, Agreement):
        rows.append(("Status", esc(entity.status)))
        for name, date in entity.dates.items():
            rows.append((name.replace("_", " ").capitalize(), esc(date.display())))
        for label, ids in (("Parties", entity.parties), ("Signatories", entity.signatories),
                           ("Mediators", entity.mediators)):
            if ids:
                rows.append((label, _links(index, page, ids)))
        if entity.location:
            rows.append(("Location", esc(entity.location)))
    elif isinstance(entity, Topic):
        rows.append(("Status", esc(entity.status)))
        if entity.actors:
            rows.append(("Actors", ", ".join(entity_link(index, page, m.id, m.role) for m in entity.actors)))
        if entity.agreements:
            rows.append(("Agreements", _links(index, page, entity.agreements)))
    rows.append(("Last reviewed", esc(entity.updated.display()) if entity.updated else unknown()))
    return rows


def _provisions(entity: Entity) -> str:
    if not isinstance(entity, Agreement) or not entity.provisions:
        return ""
    return "## Provisions\n" + block(["<ul>"] + [f"<li>{esc(p)}</li>" for p in entity.provisions] + ["</ul>"])


def _events(index: Index, topic: Entity) -> str:
    if not isinstance(topic, Topic) or not topic.events:
        return ""
    lines = ['<ul class="bf-events">']
    for event in sorted(topic.events, key=lambda e: event_order(index, e)):
        who = ", ".join(entity_link(index, topic.page, i) for i in event.actors)
        cited = (" " + cite(index, topic.id, event.quote)) if event.quote else ""
        lines.append(f"<li><strong>{esc(event.shown_date())}</strong>: {esc(event.text)}"
                     + (f" <span class=\"bf-muted\">({who})</span>" if who else "") + f"{cited}</li>")
    return "## Events\n" + block(lines + ["</ul>"])


def _body(index: Index, linked: Linked, entity: Entity) -> str:
    prose = linked.prose.pop(entity.page, None)  # each page's prose is used once: free it now
    if prose is None or not prose.markdown.strip():
        return ""
    text = prose.markdown
    quotes = index.quotes_by_owner[entity.id]
    parts = text.split(QUOTE_MARK)
    # Placeholders alternate with prose: odd parts are the ids of placed quotes.
    return "".join(quote_block(index, entity.page, quotes[p]) if i % 2 and quotes[p].match else
                   ("" if i % 2 else p) for i, p in enumerate(parts))


def entity_page(index: Index, linked: Linked, entity: Entity) -> str:
    placed = linked.placed.get(entity.id, set())
    listed = [q for q in entity.quotes if q.match and q.id not in placed]
    quotes = ("## Quotes\n" + "".join(quote_block(index, entity.page, q) for q in listed)) if listed else ""
    graph = entity_graph(index, entity)
    return "\n".join(part for part in (
        front_matter(entity.name, facet_tags(entity, index)),
        f"# {md_text(entity.name)}",
        block([f'<p class="bf-summary">{esc(entity.summary)}</p>']),
        factbox(entity.name, _facts(index, entity)),
        judgments(index, entity) if isinstance(entity, Topic) else "",
        _body(index, linked, entity),
        _provisions(entity),
        _events(index, entity),
        quotes,
        relations(index, entity),
        ("## Graph\n" + graph) if graph else "",
        reviewed(entity),
    ) if part)


def source_page(index: Index, linked: Linked, source: Source) -> str:
    grade = source.grade or "F"
    rows = [
        ("Title", esc(source.name)),
        ("Publisher", esc(source.publisher) if source.publisher else unknown()),
        ("Author", esc(source.author) if source.author else unknown()),
        ("Published", esc(source.published.display()) if source.published else unknown()),
        ("Republished from", esc(source.republished_from) if source.republished_from else unknown()),
        ("Address", f'<a href="{esc(source.url)}">{esc(source.url)}</a>' if source.url else unknown()),
        ("Language", esc(source.language) if source.language else unknown()),
        ("Reliability", f"<strong>{esc(grade)}</strong> ({esc(RELIABILITY[grade])})"
         + (f": {esc(source.rationale)}" if source.rationale else "")),
        ("SHA-256", f"<code>{esc(source.sha256[:16])}…</code>"),
    ]
    cited = sorted(index.citations.get(source.id, []), key=lambda q: (q.match.paragraph, q.match.start))
    by_owner: dict[str, list] = {}
    for quote in cited:
        by_owner.setdefault(quote.owner, []).append(quote)
    items = ["<li>" + entity_link(index, source.page, owner) + ": " + ", ".join(
        f'<a href="#{esc(q.cited_anchor)}">¶{q.match.paragraph}</a>' for q in quotes) + "</li>"
        for owner, quotes in sorted(by_owner.items(), key=lambda kv: index.by_id[kv[0]].name.lower())]
    cited_list = block(['<ul class="bf-cited-by">'] + items + ["</ul>"]) if items else \
        block(['<p class="bf-muted">No brief quotes this source yet.</p>'])
    notes = block([f'<p class="bf-note">{esc(source.notes)}</p>']) if source.notes else ""
    return "\n".join(part for part in (
        front_matter(source.name, [f"Source: {grade}"]),
        f"# {md_text(source.name)}",
        block([f'<p class="bf-summary">{esc(source.summary)}</p>']),
        factbox("Source", rows),
        notes,
        "## Article text\n" + article(index, linked, source, cited),
        "## Cited by\n" + cited_list,
    ) if part)
