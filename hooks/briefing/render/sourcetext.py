"""The article text on a source page: numbered paragraphs, cited passages highlighted.

The text is untrusted, so it is escaped, never treated as Markdown. Cited passages are
wrapped in <mark> and every quote gets its own anchor where it starts. The first mention of
each entity is linked, as on every page.
"""
from __future__ import annotations

from ..index import Index
from ..linking import Linked
from ..model import Quote, Source
from .html import block, esc, href


def _paragraph_html(index: Index, source: Source, text: str, quotes: list[Quote],
                    linked_ids: set[str], matcher, plain) -> str:
    # Sweep the cut points once, counting how many cited spans cover each piece.
    depth_change: dict[int, int] = {0: 0, len(text): 0}
    starts: dict[int, list[Quote]] = {}
    for quote in quotes:
        starts.setdefault(quote.match.start, []).append(quote)
        for start, end in quote.match.spans:
            depth_change[start] = depth_change.get(start, 0) + 1
            depth_change[end] = depth_change.get(end, 0) - 1
    bounds = sorted(depth_change)
    out, depth = [], 0
    for lo, hi in zip(bounds, bounds[1:]):
        depth += depth_change[lo]
        for quote in starts.get(lo, []):
            out.append(f'<span class="bf-anchor" id="{esc(quote.cited_anchor)}"></span>')
        piece = _autolink(index, source, text[lo:hi], linked_ids, matcher, plain)
        out.append(f'<mark class="bf-cited">{piece}</mark>' if depth > 0 else piece)
    return "".join(out)


def _autolink(index: Index, source: Source, text: str, linked_ids: set[str], matcher, plain) -> str:
    """Escaped text with first mentions linked; `plain` renders the unlinked stretches."""
    out, pos = [], 0
    for start, end, target in matcher.find(text) if matcher else ():
        if target in linked_ids:
            continue
        linked_ids.add(target)
        index.mentions[target].add(source.page)
        entity = index.by_id[target]
        out.append(plain(text[pos:start]))
        out.append(f'<a href="{href(source.page, entity.page)}">{esc(text[start:end])}</a>')
        pos = end
    out.append(plain(text[pos:]))
    return "".join(out)


def article(index: Index, linked: Linked, source: Source, cited: list[Quote]) -> str:
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in cited:
        by_paragraph.setdefault(quote.match.paragraph, []).append(quote)
    linked_ids: set[str] = set()
    plain = linked.abbreviations.wrap if linked.abbreviations else esc
    lines = ['<div class="bf-source-text">']
    for para in source.paragraphs:
        if para.number in source.headings:
            lines.append(f'<h3 class="bf-source-heading">{esc(source.headings[para.number])}</h3>')
        body = _paragraph_html(index, source, para.text, by_paragraph.get(para.number, []),
                               linked_ids, linked.matcher, plain)
        lines.append(f'<p id="p{para.number}" class="bf-para"><a class="bf-pnum" href="#p{para.number}" '
                     f'aria-label="Paragraph {para.number}">{para.number}</a> {body}</p>')
    lines.append("</div>")
    return block(lines)
