"""The timeline: every dated event and agreement date, grouped by year and month, then the
events the sources name without a date.

Partial dates stay partial: an event known only to June 2025 sits under June 2025 as
"June 2025", after the dated days of that month, and a year the briefing inferred says so.
Filtering works in the browser with no server: every entry carries its actors and topics as
data attributes, and the filter's menus are kept out of the search index.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from ..dates import MONTHS, PartialDate
from .blocks import entity_link, event_order, passage_label, passage_link
from .html import block, esc, front_matter
from .text import text
from .view import View

PAGE = "timeline.md"


@dataclass
class Entry:
    date: PartialDate | None  # None: undated
    html: str
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    note: str = ""  # how the date was arrived at (HTML)
    order: tuple = ()  # undated entries: the order their sources give them


def _events(view: View) -> list[Entry]:
    entries = []
    for topic in view.of_kind("topic"):
        for event in topic.events:
            who = ", ".join(entity_link(view, PAGE, i) for i in event.actors if view.named(i))
            parts = [text(view, topic.id, event.text, PAGE),
                     f'<span class="bf-muted">Topic: {entity_link(view, PAGE, topic.id)}</span>']
            if who:
                parts.append(f'<span class="bf-muted">Actors: {who}</span>')
            quote = view.quote(topic.id, event.quote)
            if quote is not None:
                source = view.face(quote.source)
                parts.append(passage_link(view, PAGE, quote.match,
                                          f"Source: {passage_label(source, quote.match)}"))
            note = text(view, topic.id, event.date_note, PAGE) if event.date_note else ""
            entries.append(Entry(event.date, " · ".join(parts), list(event.actors), [topic.id], note,
                                 event_order(view, event)))
    return entries


def _agreement_dates(view: View) -> list[Entry]:
    entries = []
    for agreement in view.of_kind("agreement"):
        topics = [b.subject for b in view.backlinks(agreement.id) if b.relation == "topic-agreement"]
        actors = list(dict.fromkeys(agreement.parties + agreement.signatories + agreement.mediators))
        note = text(view, agreement.id, agreement.date_note, PAGE) if agreement.date_note else ""
        for name, date in agreement.dates.items():
            entries.append(Entry(date, f"{entity_link(view, PAGE, agreement.id)}: {esc(name.replace('_', ' '))}",
                                 actors, topics, note))
    return entries


def _filter(view: View, entries: list[Entry]) -> str:
    def options(ids):
        named = sorted({i for i in ids if view.named(i)}, key=lambda i: view.named(i).name.lower())
        return "".join(f'<option value="{esc(i)}">{esc(view.named(i).name)}</option>' for i in named)
    actors = options(i for e in entries for i in e.actors)
    topics = options(i for e in entries for i in e.topics)
    return block(['<form class="bf-filter" aria-label="Filter the timeline" data-search-exclude>',
                  f'<label>Actor <select name="actor"><option value="">All actors</option>{actors}</select></label>',
                  f'<label>Topic <select name="topic"><option value="">All topics</option>{topics}</select></label>',
                  "</form>"])


def _item(entry: Entry) -> str:
    when = (f'<time datetime="{entry.date.iso()}">{esc(entry.date.display())}</time>' if entry.date
            else '<span class="bf-undated">Undated</span> ·')
    note = f' <span class="bf-muted">({entry.note})</span>' if entry.note else ""
    return (f'<li class="bf-event" data-actors="{esc(" ".join(entry.actors))}" '
            f'data-topics="{esc(" ".join(entry.topics))}">{when}{note} {entry.html}</li>')


def timeline_page(view: View) -> str:
    everything = _events(view) + _agreement_dates(view)
    dated = sorted((e for e in everything if e.date),
                   key=lambda e: (e.date.year, e.date.month or 13, e.date.day or 32, e.html))
    undated = sorted((e for e in everything if not e.date), key=lambda e: e.order)
    lines = ['<div class="bf-timeline">']
    for year, in_year in groupby(dated, key=lambda e: e.date.year):  # entries are sorted
        lines.append(f'<section class="bf-period bf-year"><h2 id="y{year}">{year}</h2>')
        for month, in_month in groupby(in_year, key=lambda e: e.date.month):
            title = MONTHS[month] + f" {year}" if month else f"{year}, month unknown"
            lines.append(f'<section class="bf-period bf-month"><h3>{esc(title)}</h3><ul>')
            lines += [_item(entry) for entry in in_month]
            lines.append("</ul></section>")
        lines.append("</section>")
    if undated:
        lines += ['<section class="bf-period bf-year"><h2 id="undated">Undated</h2>',
                  '<p class="bf-muted">Events the sources name without a date, in the order the '
                  "sources give them.</p><ul>", *[_item(entry) for entry in undated], "</ul></section>"]
    lines.append("</div>")
    if not everything:
        intro = "No dated event yet: topics list them under 'events', agreements under their dates."
    else:
        intro = (f"{len(dated)} dated events and agreement dates, in order"
                 + (f", then {len(undated)} undated." if undated else ".")
                 + " Dates known only to the month or year are shown that way.")
    return "\n".join([front_matter("Timeline"), "# Timeline", "", intro,
                      _filter(view, everything) if everything else "", block(lines)])
