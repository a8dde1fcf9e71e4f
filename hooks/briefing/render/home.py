"""Generated sections that hand-written docs/ pages ask for with a marker comment.

`<!-- briefing:key-judgments -->` and `<!-- briefing:last-reviewed -->` on a line of their
own are replaced; any other `briefing:` marker is an error.
"""
from __future__ import annotations

import re

from ..index import Index
from .blocks import judgment_item
from .html import a, block, esc

MARKER = re.compile(r"^<!--\s*briefing:([a-z-]+)\s*-->\s*$", re.M)


def key_judgments(index: Index, page: str) -> str:
    """The lead judgment of each topic: the home page stays about one screen."""
    lines = ['<div class="bf-home-judgments">', '<ol class="bf-judgments">']
    for topic in sorted(index.briefing.topics, key=lambda t: t.name.lower()):
        if not topic.judgments or not index.owns(topic):
            continue
        more = len(topic.judgments) - 1
        lines.append(judgment_item(topic.judgments[0], a(page, topic.page, f"{topic.name}"
                                                          + (f" (+{more} more)" if more else ""))))
    return block(lines + ["</ol>", "</div>"])


def last_reviewed(index: Index) -> str:
    dates = [e.updated for e in index.by_id.values() if e.updated]
    when = max(dates).display() if dates else "unknown"
    return block([f'<p class="bf-reviewed">Last reviewed: {esc(when)}</p>'])


MARKERS = {"key-judgments": key_judgments, "last-reviewed": lambda index, page: last_reviewed(index)}


def fill_markers(index: Index, page: str, markdown: str, path: str) -> str:
    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in MARKERS:
            line = markdown[: match.start()].count("\n") + 1
            index.problems.add(path, line, f"unknown marker 'briefing:{name}'",
                               "use one of: " + ", ".join(MARKERS))
            return ""
        return MARKERS[name](index, page)
    return MARKER.sub(replace, markdown)
