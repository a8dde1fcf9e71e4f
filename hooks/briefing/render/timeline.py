"""The timeline: every dated event and agreement date, grouped by year and month.

Partial dates stay partial: an event known only to June 2025 sits under June 2025 as
"June 2025", after the dated days of that month. Filtering works in the browser with no
server: every entry carries its actors and topics as data attributes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby

from ..dates import MONTHS, PartialDate
from ..index import Index
from .blocks import entity_link, event_order, passage_anchor, passage_label, verified_quote
from .html import a, block, esc, front_matter

PAGE = "timeline.md"


@dataclass
class Entry:
    date: PartialDate | None  # None: undated
    html: str
    actors: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    shown: str = ""  # the date as shown, with any note on how it was arrived at
    order: tuple = ()  # undated entries: the order their sources give them


def _events(index: Index) -> list[Entry]:
    entries = []
    for topic in index.briefing.topics:
        if not index.owns(topic):
            continue
        for event in topic.events:
            who = ", ".join(entity_link(index, PAGE, i) for i in event.actors if i in index.by_id)
            parts = [esc(event.text), f'<span class="bf-muted">Topic: {a(PAGE, topic.page, topic.name)}</span>']
            if who:
                parts.append(f'<span class="bf-muted">Actors: {who}</span>')
            quote = verified_quote(index, topic.id, event.quote)
            if quote is not None:
                source = index.by_id[quote.source]
                parts.append(a(PAGE, source.page, f"Source: {passage_label(source, quote.match)}",
                               passage_anchor(quote.match), title=quote.match.exact[:200]))
            entries.append(Entry(event.date, " · ".join(parts), list(event.actors), [topic.id],
                                 event.shown_date(), event_order(index, event)))
    return entries


def _agreement_dates(index: Index) -> list[Entry]:
    entries = []
    for agreement in index.briefing.agreements:
        if not index.owns(agreement):
            continue
        topics = [b.subject for b in index.backlinks.get(agreement.id, []) if b.relation == "topic-agreement"]
        actors = list(dict.fromkeys(agreement.parties + agreement.signatories + agreement.mediators))
        for name, date in agreement.dates.items():
            label = name.replace("_", " ")
            shown = date.display() + (f" ({agreement.date_note})" if agreement.date_note else "")
            entries.append(Entry(date, f"{a(PAGE, agreement.page, agreement.name)}: {esc(label)}",
                                 actors, topics, shown))
    return entries


def _filter(index: Index, entries: list[Entry]) -> str:
    actors = sorted({i for e in entries for i in e.actors if i in index.by_id},
                    key=lambda i: index.by_id[i].name.lower())
    topics = sorted({i for e in entries for i in e.topics if i in index.by_id},
                    key=lambda i: index.by_id[i].name.lower())
    options = lambda ids: "".join(f'<option value="{esc(i)}">{esc(index.by_id[i].name)}</option>' for i in ids)
    return block(['<form class="bf-filter" aria-label="Filter the timeline">',
                  '<label>Actor <select name="actor"><option value="">All actors</option>'
                  + options(actors) + "</select></label>",
                  '<label>Topic <select name="topic"><option value="">All topics</option>'
                  + options(topics) + "</select></label>", "</form>"])


def _item(entry: Entry) -> str:
    when = (f'<time datetime="{entry.date.iso()}">{esc(entry.shown)}</time>' if entry.date
            else f'<span class="bf-muted">{esc(entry.shown)}</span>')
    return (f'<li class="bf-event" data-actors="{esc(" ".join(entry.actors))}" '
            f'data-topics="{esc(" ".join(entry.topics))}">{when} {entry.html}</li>')


def timeline_page(index: Index) -> str:
    everything = _events(index) + _agreement_dates(index)
    entries = sorted((e for e in everything if e.date),
                     key=lambda e: (e.date.year, e.date.month or 13, e.date.day or 32, e.html))
    undated = sorted((e for e in everything if not e.date), key=lambda e: e.order)
    lines = ['<div class="bf-timeline">']
    for year, in_year in groupby(entries, key=lambda e: e.date.year):  # entries are sorted
        lines.append(f'<section class="bf-period bf-year"><h2 id="y{year}">{year}</h2>')
        for month, in_month in groupby(in_year, key=lambda e: e.date.month):
            title = MONTHS[month] + f" {year}" if month else f"{year}, month unknown"
            lines.append(f'<section class="bf-period bf-month"><h3>{esc(title)}</h3><ul>')
            lines += [_item(entry) for entry in in_month]
            lines.append("</ul></section>")
        lines.append("</section>")
    if undated:
        lines.append('<section class="bf-period bf-year"><h2 id="undated">Undated</h2>'
                     '<p class="bf-muted">Events the sources name without a date, in the order '
                     "the sources give them.</p><ul>")
        lines += [_item(entry) for entry in undated]
        lines.append("</ul></section>")
    lines.append("</div>")
    return "\n".join([front_matter("Timeline", []), "# Timeline", "",
                      f"{len(entries)} dated events and agreement dates, in order"
                      + (f", then {len(undated)} undated. " if undated else ". ")
                      + "Dates known only to the month or year are shown that way.",
                      _filter(index, everything), block(lines)])
