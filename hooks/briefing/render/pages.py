"""Entity pages (actor, agreement, topic), source pages and "all mentions" pages, as Markdown.

Readers get the summary first, then the facts, then the analysis with its sources one
click away, then the connections.
"""
from __future__ import annotations

from ..formats import RELIABILITY
from ..previews import clipped, mark
from ..linking import QUOTE_MARK
from ..model import Actor, Agreement, Entity, Quote, Source, Topic
from ..prose import md_text
from .blocks import (cite, entity_link, event_order, factbox, history, judgments, mentions_list,
                     mentions_page_of,
                     quote_block, relations, reviewed, tag_chips)
from .graph import entity_graph
from .html import a, badge, block, esc, front_matter, unknown
from .sourcetext import article
from .text import text
from .view import View


def _links(view: View, page: str, ids) -> str:
    return ", ".join(entity_link(view, page, i) for i in ids) or unknown()


def _facts(view: View, entity: Entity) -> list[tuple[str, str]]:
    page = entity.page
    kind_type = getattr(entity, "type", None)
    rows = [("Type", badge(entity.kind) + (" " + esc(kind_type) if kind_type else ""))]
    if entity.aliases:
        rows.append(("Also known as", esc(", ".join(entity.aliases))))
    if entity.abbreviation:
        rows.append(("Abbreviation", esc(entity.abbreviation)))
    if isinstance(entity, Actor):
        if entity.country:
            rows.append(("Country", entity_link(view, page, entity.country)))
        for role in entity.roles:
            span = " – ".join(d.display() if d else "?" for d in (role.start, role.end)) \
                if role.start or role.end else ""
            rows.append(("Role", text(view, entity.id, role.title, page) + " of "
                         + entity_link(view, page, role.of)
                         + (f" <span class=\"bf-muted\">{esc(span)}</span>" if span else "")))
    elif isinstance(entity, Agreement):
        rows.append(("Status", esc(entity.status)))
        for name, date in entity.dates.items():
            rows.append((name.replace("_", " ").capitalize(), esc(date.display())))
        if entity.date_note:
            rows.append(("About the dates", text(view, entity.id, entity.date_note, page)))
        for title, ids in (("Parties", entity.parties), ("Signatories", entity.signatories),
                           ("Mediators", entity.mediators)):
            if ids:
                rows.append((title, _links(view, page, ids)))
        if entity.location:
            rows.append(("Location", text(view, entity.id, entity.location, page)))
    elif isinstance(entity, Topic):
        rows.append(("Status", esc(entity.status)))
        if entity.actors:
            rows.append(("Actors", ", ".join(
                entity_link(view, page, m.id) + (f" <span class=\"bf-muted\">({text(view, entity.id, m.role, page)})</span>"
                                                 if m.role else "") for m in entity.actors)))
        if entity.agreements:
            rows.append(("Agreements", _links(view, page, entity.agreements)))
    rows.append(("Last reviewed", esc(entity.updated.display()) if entity.updated else unknown()))
    return rows


def _provisions(view: View, entity: Entity) -> str:
    if not isinstance(entity, Agreement) or not entity.provisions:
        return ""
    items = [f"<li>{text(view, entity.id, p, entity.page)}</li>" for p in entity.provisions]
    return "## Provisions\n" + block(["<ul>", *items, "</ul>"])


def _events(view: View, topic: Entity) -> str:
    if not isinstance(topic, Topic) or not topic.events:
        return ""
    lines = ['<ul class="bf-events">']
    for event in sorted(topic.events, key=lambda e: event_order(view, e)):
        who = ", ".join(entity_link(view, topic.page, i) for i in event.actors)
        cited = (" " + cite(view, topic.id, event.quote)) if event.quote else ""
        when = esc(event.date.display()) if event.date else "Undated"
        note = f" <span class=\"bf-muted\">({text(view, topic.id, event.date_note, topic.page)})</span>" \
            if event.date_note else ""
        lines.append(f"<li><strong>{when}</strong>{note}: {text(view, topic.id, event.text, topic.page)}"
                     + (f" <span class=\"bf-muted\">({who})</span>" if who else "") + f"{cited}</li>")
    return "## Events\n" + block(lines + ["</ul>"])


def _body(view: View, entity: Entity) -> str:
    prose = view.prose(entity.page)
    if prose is None or not prose.markdown.strip():
        return ""
    parts = prose.markdown.split(QUOTE_MARK)
    # Placeholders alternate with prose: odd parts are the ids of placed quotes.
    out = []
    for i, part in enumerate(parts):
        if i % 2 == 0:
            out.append(part)
            continue
        quote = view.quote(entity.id, part)
        if quote is not None:
            out.append(quote_block(view, entity.page, quote))
    return "".join(out)


def _summary(view: View, entity: Entity) -> str:
    return block([f'<p class="bf-summary">{text(view, entity.id, entity.summary, entity.page)}</p>'])


def entity_page(view: View, entity: Entity) -> str:
    placed = set(view.prose(entity.page).placed) if view.prose(entity.page) else set()
    listed = [q for q in entity.quotes if q.match and q.id not in placed]
    quotes = ("## Quotes\n" + "".join(quote_block(view, entity.page, q) for q in listed)) if listed else ""
    graph = entity_graph(view, entity)
    more = mentions_page_of(view, entity)
    return "\n".join(part for part in (
        front_matter(entity.name),
        f"# {md_text(entity.name)}",
        tag_chips(entity.page, entity.tags),
        _summary(view, entity),
        factbox(entity.name, _facts(view, entity)),
        judgments(view, entity) if isinstance(entity, Topic) else "",
        _body(view, entity),
        _provisions(view, entity),
        _events(view, entity),
        quotes,
        relations(view, entity, more),
        ("## Graph\n" + graph) if graph else "",
        history(view, entity.path),
        reviewed(entity),
    ) if part)


def _cited_paragraphs(quotes: list[Quote]) -> str:
    """One brief's links to the paragraphs it quotes, in order: a paragraph it quotes more
    than once is listed once, at its first quote, with every quote's words on hover."""
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in quotes:
        by_paragraph.setdefault(quote.match.paragraph, []).append(quote)
    return ", ".join(
        f'<a href="#{esc(quoted[0].cited_anchor)}" title="{esc(_quoted_words(quoted))}">¶{number}</a>'
        for number, quoted in by_paragraph.items())


def _quoted_words(quotes: list[Quote]) -> str:
    """The words each quote takes from the paragraph, for a tooltip: cut at a whole word
    past 300 characters, since a tooltip longer than that is no longer read at a glance."""
    return clipped(" … ".join(dict.fromkeys(f"“{q.match.exact}”" for q in quotes)), 300)


def source_page(view: View, source: Source) -> str:
    grade = source.grade or "F"
    page = source.page
    rows = [
        ("Title", esc(source.name)),
        ("Cited as", esc(source.short_name)),
        ("Publisher", esc(source.publisher) if source.publisher else unknown()),
        ("Author", esc(source.author) if source.author else unknown()),
        ("Published", esc(source.published.display()) if source.published else unknown()),
        ("Republished from", esc(source.republished_from) if source.republished_from else unknown()),
        ("Address", f'<a class="bf-url" href="{esc(source.url)}">{esc(source.url)}</a>' if source.url else unknown()),
        ("Language", esc(source.language) if source.language else unknown()),
        ("Reliability", f"<strong>{esc(grade)}</strong> ({esc(RELIABILITY[grade])})"
         + (f": {text(view, source.id, source.rationale, page)}" if source.rationale else "")),
        ("SHA-256", f"<code>{esc(source.sha256[:16])}…</code>"),
    ]
    cited = sorted(view.citations(source.id), key=lambda q: (q.match.paragraph, q.match.spans[0][0]))
    by_owner: dict[str, list] = {}
    for quote in cited:
        by_owner.setdefault(quote.owner, []).append(quote)
    owners = sorted(by_owner, key=lambda o: view.named(o).name.lower())
    items = ["<li>" + entity_link(view, page, owner) + ": " + _cited_paragraphs(by_owner[owner]) + "</li>"
             for owner in owners]
    cited_list = block(['<ul class="bf-cited-by">'] + items + ["</ul>"]) if items else \
        block(['<p class="bf-muted">No brief quotes this source yet.</p>'])
    notes = block([f'<p class="bf-note">{text(view, source.id, source.notes, page)}</p>']) if source.notes else ""
    shown, total = mentions_list(view, page, source, None)
    return "\n".join(part for part in (
        front_matter(source.name),
        f"# {md_text(source.name)}",
        block([f'<p class="bf-summary">{esc(source.summary)}</p>']),
        factbox("Source", rows),
        notes,
        "## Article text\n" + article(view, source, cited),
        "## Cited by\n" + cited_list,
        ("## Mentioned in\n" + block(['<ul class="bf-mentions">', *shown, "</ul>"])) if shown else "",
        history(view, source.text_path) or history(view, source.path),
    ) if part)


def mentions_page(view: View, entity: Entity) -> str:
    """Every mention of an entity, each with its sentence: the page behind "All N mentions"."""
    page = f"mentions/{entity.id}.md"
    shown, total = mentions_list(view, page, entity, None)
    back = a(page, entity.page, entity.name, title=mark(entity.id))
    return "\n".join([front_matter(f"Mentions of {entity.name}"), f"# Mentions of {md_text(entity.name)}", "",
                      block([f"<p>{total} pages mention {back}, each shown with its sentence.</p>",
                             '<ul class="bf-mentions">', *shown, "</ul>"])])
