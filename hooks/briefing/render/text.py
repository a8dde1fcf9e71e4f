"""Brief text as HTML, wherever the renderers print a field a contributor wrote.

Summaries, notes, judgments, events, role titles, provisions, definitions and source notes
are escaped; their verified quotations (found by `linking.link_texts`) link to their
passages, like the quotations in prose; `[[title:…]]` is shown in quotation marks; and
abbreviations get their tooltip, which Python-Markdown's abbr extension gives only to the
Markdown text, never to our HTML.
"""
from __future__ import annotations

from functools import partial

from ..linking import TITLE_FORM
from .html import esc
from .view import View


def text(view: View, owner: str, value: str | None, page: str) -> str:
    if not value:
        return ""
    out, pos = [], 0
    for start, end, match in view.text_quotes(owner, value):
        out.append(plain(view, value[pos:start]))
        href, title = view.index.provenance.link(page, match)
        out.append(f'<a class="bf-q" href="{href}" title="{title}">{plain(view, value[start:end], False)}</a>')
        pos = end
    out.append(plain(view, value[pos:]))
    return "".join(out)


def plain(view: View, value: str, abbreviations: bool = True) -> str:
    """Escaped text with [[title:…]] as quotation marks and abbreviations explained."""
    wrap = _wrap(view) if abbreviations else esc
    out, pos = [], 0
    for title in TITLE_FORM.finditer(value):
        out.append(wrap(value[pos:title.start()]))
        out.append("\u201c" + esc(title.group(1).strip()) + "\u201d")
        pos = title.end()
    out.append(wrap(value[pos:]))
    return "".join(out)


def _wrap(view: View):
    abbreviations = view.linked.abbreviations
    if abbreviations is None:
        return esc
    view._read("abbreviations")
    return partial(abbreviations.wrap, seen=view.abbreviation)
