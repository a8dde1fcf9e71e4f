"""Hand-written docs/ pages, with the generated sections they ask for.

A marker on a line of its own, `<!-- briefing:NAME -->`, is replaced by a generated list, so
that the home page's lists and counts never go stale; the prose around them is the part
that needs a person. The names are in `linking.DOC_MARKERS`; `check` refuses any other.
"""
from __future__ import annotations

import re

from ..formats import RELIABILITY
from ..linking import DOC_MARKER
from ..model import Source
from .blocks import entity_link, judgment_item
from .html import block, esc
from .indexes import empty_text
from .view import View

MAIN_ACTORS = 10


def key_judgments(view: View, page: str) -> str:
    """The lead judgment of each topic: the home page stays about one screen."""
    topics = sorted(view.of_kind("topic"), key=lambda t: t.name.lower())
    lines = ['<div class="bf-home-judgments">', '<ol class="bf-judgments">']
    for topic in topics:
        if not topic.judgments:
            continue
        more = len(topic.judgments) - 1
        link = entity_link(view, page, topic.id) + (f" (+{more} more)" if more else "")
        lines.append(judgment_item(view, topic.id, topic.judgments[0], page, link))
    if len(lines) == 2:
        return block(['<p class="bf-empty">No key judgment yet: topics state them under '
                      "'judgments'.</p>"])
    return block(lines + ["</ol>", "</div>"])


def last_reviewed(view: View, page: str) -> str:
    dates = [e.updated for e in view.everything() if e.updated]
    when = max(dates).display() if dates else "unknown"
    return block([f'<p class="bf-reviewed">Last reviewed: {esc(when)}</p>'])


def _list(view: View, page: str, kind: str, entities) -> str:
    if not entities:
        return block([f'<p class="bf-empty">{empty_text(kind)}</p>'])
    items = [f"<li>{entity_link(view, page, e.id)}</li>" for e in entities]
    return block([f'<ul class="bf-home-list bf-home-list--{kind}">', *items, "</ul>"])


def topics(view: View, page: str) -> str:
    return _list(view, page, "topic", sorted(view.of_kind("topic"), key=lambda t: t.name.lower()))


def agreements(view: View, page: str) -> str:
    return _list(view, page, "agreement", sorted(view.of_kind("agreement"), key=lambda t: t.name.lower()))


def actors(view: View, page: str) -> str:
    """The most connected actors: the ones most other briefs point at."""
    found = view.of_kind("actor")
    degree = {a.id: len(view.backlinks(a.id)) + view.mention_count(a.id) for a in found}
    ranked = sorted(found, key=lambda a: (-degree[a.id], a.name.lower()))[:MAIN_ACTORS]
    return _list(view, page, "actor", ranked)


def sources(view: View, page: str) -> str:
    found: list[Source] = sorted(view.of_kind("source"), key=lambda s: s.id)
    if not found:
        return block([f'<p class="bf-empty">{empty_text("source")}</p>'])
    items = []
    for source in found:
        grade = source.grade or "F"
        items.append(f"<li>{entity_link(view, page, source.id)} — {esc(source.summary)} "
                     f'<span class="bf-grade">Reliability <strong>{esc(grade)}</strong> '
                     f"({esc(RELIABILITY[grade])})</span></li>")
    return block(['<ul class="bf-home-list bf-home-list--source">', *items, "</ul>"])


def counts(view: View, page: str) -> str:
    n = {kind: len(view.of_kind(kind)) for kind in ("topic", "actor", "agreement", "source")}
    quotes = sum(1 for kind in ("topic", "actor", "agreement") for e in view.of_kind(kind)
                 for q in e.quotes if q.match)
    plural = lambda count, noun: f"{count} {noun}{'s' * (count != 1)}"
    return block([f'<p class="bf-counts">{plural(n["source"], "source")}, {plural(n["topic"], "topic")}, '
                  f'{plural(n["actor"], "actor")}, {plural(n["agreement"], "agreement")} and '
                  f'{plural(quotes, "verified quote")}.</p>'])


MARKERS = {"key-judgments": key_judgments, "last-reviewed": last_reviewed, "topics": topics,
           "actors": actors, "agreements": agreements, "sources": sources, "counts": counts}


def document(view: View, page: str, path: str | None) -> str:
    prose = view.prose(page)
    markdown = prose.markdown if prose else ""

    def replace(match: re.Match) -> str:
        fill = MARKERS.get(match.group(1))
        return fill(view, page) if fill else ""
    return DOC_MARKER.sub(replace, markdown)
