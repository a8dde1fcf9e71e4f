"""Reusable page parts: fact rows, quote blocks, judgments and relation lists."""
from __future__ import annotations

from ..dates import PartialDate
from ..formats import CREDIBILITY, RELIABILITY
from ..index import RELATIONS, Index
from ..model import Entity, Quote, QuoteMatch, Source
from .html import a, block, esc, text_fragment, unknown


def entity_link(index: Index, page: str, entity_id: str, detail: str | None = None) -> str:
    entity = index.by_id.get(entity_id)
    if entity is None:
        return esc(entity_id)
    # A page never links to itself.
    link = esc(entity.name) if entity.page == page else a(page, entity.page, entity.name, title=entity.tooltip)
    return f"{link} <span class=\"bf-muted\">({esc(detail)})</span>" if detail else link


def factbox(title: str, rows: list[tuple[str, str]]) -> str:
    lines = ['<aside class="bf-factbox" aria-label="Facts">', "<table>",
             f'<caption>{esc(title)}</caption>']
    for label, value in rows:
        lines.append(f"<tr><th scope=\"row\">{esc(label)}</th><td>{value}</td></tr>")
    lines += ["</table>", "</aside>"]
    return block(lines)


def verified_quote(index: Index, owner: str, qid: str | None) -> Quote | None:
    """The brief's own quote `qid`, if it was found in its source."""
    quote = index.quotes_by_owner.get(owner, {}).get(qid or "")
    return quote if quote is not None and quote.match is not None else None


def event_order(index: Index, event) -> tuple:
    """Dated events by date; undated ones after them, in the order their sources give them
    (source, paragraph, position), then in the order they are written."""
    if event.date is not None:
        return (0, event.date, 0, 0, event.line)
    quote = verified_quote(index, event.topic, event.quote)
    if quote is None:
        return (1, PartialDate(9999), 1, 0, event.line)
    return (1, PartialDate(9999), 0, (quote.source, quote.match.paragraph, quote.match.start), event.line)


def passage_anchor(match: QuoteMatch) -> str:
    """The source-page anchor of a quoted passage: its paragraph, plus a Text Fragment."""
    return f"p{match.paragraph}" + text_fragment(match.exact)


def passage_label(source: Source, match: QuoteMatch) -> str:
    return f"{source.short_name} ¶{match.paragraph}"


def quote_block(index: Index, page: str, quote: Quote) -> str:
    """A verified quote: the source's own words, the speaker, and a link to the passage."""
    source: Source = index.by_id[quote.source]
    match = quote.match
    link = a(page, source.page, source.short_name, passage_anchor(match), title=source.name)
    caption = []
    if quote.speaker:
        caption.append(entity_link(index, page, quote.speaker))
    caption.append(f"{link}, paragraph {match.paragraph}")
    caption.append(esc(source.publisher) if source.publisher else "publisher unknown")
    caption.append(esc(source.published.display()) if source.published else "date unknown")
    grade = (source.grade or "F") + (str(quote.credibility) if quote.credibility else "")
    tip = RELIABILITY.get(source.grade or "F", "")
    if quote.credibility:
        tip += "; information " + CREDIBILITY[quote.credibility]
    caption.append(f'<abbr class="bf-grade" title="Admiralty grade: {esc(tip)}">{esc(grade)}</abbr>')
    lines = [f'<figure class="bf-quote" id="{esc(quote.anchor)}">',
             f"<blockquote><p>{esc(match.exact)}</p></blockquote>",
             "<figcaption>" + " · ".join(caption) + "</figcaption>"]
    if quote.note:
        lines.append(f'<p class="bf-note">{esc(quote.note)}</p>')
    lines.append("</figure>")
    return block(lines)


def cite(index: Index, owner: str, qid: str) -> str:
    """A citation of one of the brief's own quotes: the source paragraph, the words on hover."""
    quote = verified_quote(index, owner, qid)
    if quote is None:
        return ""
    label = passage_label(index.by_id[quote.source], quote.match)
    return (f'<a href="#{esc(quote.anchor)}" class="bf-cite" title="{esc(quote.match.exact[:200])}">'
            f"[{esc(label)}]</a>")


def judgment_item(judgment, tail: str) -> str:
    """One key judgment: likelihood, sentence, confidence, then `tail` (HTML)."""
    return (f'<li><span class="bf-likelihood">{esc(judgment.likelihood.capitalize())}</span> '
            f"{esc(judgment.text)} "
            f'<span class="bf-confidence">Confidence: {esc(judgment.confidence)}.</span> {tail}</li>')


def judgments(index: Index, topic) -> str:
    if not topic.judgments:
        return ""
    lines = ['<ol class="bf-judgments">']
    for judgment in topic.judgments:
        lines.append(judgment_item(judgment, " ".join(cite(index, topic.id, q) for q in judgment.quotes)))
    lines.append("</ol>")
    return "## Key judgments\n" + block(lines)


def relations(index: Index, entity: Entity) -> str:
    """Backlinks grouped by relation, then "Mentioned in" grouped by kind."""
    groups: dict[str, dict[str, None]] = {}  # label -> links, ordered and without repeats
    for backlink in index.backlinks.get(entity.id, []):
        label = RELATIONS[backlink.relation][1]
        if backlink.relation == "speaker":
            subject = index.by_id[backlink.subject]
            item = a(entity.page, subject.page, subject.name, f"q-{backlink.detail}")
        else:
            item = entity_link(index, entity.page, backlink.subject, backlink.detail)
        groups.setdefault(label, {})[item] = None
    mentioned: dict[str, list[str]] = {}
    for owner in index.mentioned_in(entity.id):
        if owner.id != entity.id:
            mentioned.setdefault(owner.kind.capitalize() + "s", []).append(
                a(entity.page, owner.page, owner.name))
    if not groups and not mentioned:
        return ""
    lines = ['<dl class="bf-relations">']
    for label, items in groups.items():
        lines.append(f"<dt>{esc(label)}</dt><dd>{', '.join(items)}</dd>")
    for kind, items in sorted(mentioned.items()):
        lines.append(f"<dt>Mentioned in: {esc(kind)}</dt><dd>{', '.join(items)}</dd>")
    lines.append("</dl>")
    return "## Connections\n" + block(lines)


def reviewed(entity: Entity) -> str:
    when = esc(entity.updated.display()) if entity.updated else unknown()
    return block([f'<p class="bf-reviewed">Last reviewed: {when}</p>'])
