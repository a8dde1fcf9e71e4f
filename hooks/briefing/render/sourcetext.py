"""The article text on a source page: numbered paragraphs, cited passages highlighted.

The text is untrusted, so it is escaped, never treated as Markdown. Cited passages are
wrapped in <mark> and every quote gets its own anchor where it starts. The first mention of
each entity (found in the link stage, `linking.link_articles`) is linked, as on every page.
"""
from __future__ import annotations

from ..previews import mark
from ..model import Quote, Source
from .html import block, esc, href
from .text import plain
from .view import View


def _paragraph_html(view: View, source: Source, text: str, quotes: list[Quote],
                    mentions: list[tuple[int, int, str]]) -> str:
    # Sweep the cut points once, counting how many cited spans cover each piece.
    depth_change: dict[int, int] = {0: 0, len(text): 0}
    starts: dict[int, list[Quote]] = {}
    links: dict[int, tuple[int, str]] = {start: (end, target) for start, end, target in mentions}
    for quote in quotes:
        starts.setdefault(quote.match.spans[0][0], []).append(quote)
        for start, end in quote.match.spans:
            depth_change[start] = depth_change.get(start, 0) + 1
            depth_change[end] = depth_change.get(end, 0) - 1
    for start, end, _ in mentions:
        depth_change.setdefault(start, 0)
        depth_change.setdefault(end, 0)
    bounds = sorted(depth_change)
    out, depth, link = [], 0, None  # link: (end, opening tag) of the mention being shown
    for lo, hi in zip(bounds, bounds[1:]):
        depth += depth_change[lo]
        for quote in starts.get(lo, []):
            out.append(f'<span class="bf-anchor" id="{esc(quote.cited_anchor)}"></span>')
        if lo in links:
            end, target = links[lo]
            entity = view.named(target)
            link = (end, f'<a href="{href(source.page, entity.page)}" title="{esc(mark(entity.id))}">')
        piece = plain(view, text[lo:hi])
        if link is not None:  # each piece its own link, so that marks and links nest
            piece = link[1] + piece + "</a>"
            if hi >= link[0]:
                link = None
        out.append(f'<mark class="bf-cited">{piece}</mark>' if depth > 0 else piece)
    return "".join(out)


def article(view: View, source: Source, cited: list[Quote]) -> str:
    by_paragraph: dict[int, list[Quote]] = {}
    for quote in cited:
        by_paragraph.setdefault(quote.match.paragraph, []).append(quote)
    mentions = view.article(source.id)
    lines = ['<div class="bf-source-text">']
    for para in source.paragraphs:
        if para.number in source.headings:
            lines.append(f'<h3 class="bf-source-heading">{esc(source.headings[para.number])}</h3>')
        body = _paragraph_html(view, source, para.text, by_paragraph.get(para.number, []),
                               mentions.get(para.number, []))
        lines.append(f'<p id="p{para.number}" class="bf-para"><a class="bf-pnum" href="#p{para.number}" '
                     f'aria-label="Paragraph {para.number}">{para.number}</a> {body}</p>')
    lines.append("</div>")
    return block(lines)
