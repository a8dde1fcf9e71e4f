"""Reusable page parts: links with previews, fact boxes, quote blocks, judgments,
connections with contextual backlinks, tags and the page's history."""
from __future__ import annotations

from ..dates import PartialDate
from ..formats import CREDIBILITY, KIND_LABELS, RELIABILITY
from ..index import RELATIONS
from ..previews import mark
from ..model import Entity, Quote, QuoteMatch, Source
from ..quotes import label
from ..slugs import slugify
from .html import a, block, esc, href, unknown
from .text import plain, text
from .view import View

MENTIONS_SHOWN = 12
HISTORY_SHOWN = 10


def entity_link(view: View, page: str, entity_id: str, detail: str | None = None) -> str:
    """A link to an entity, with its preview (name, kind, summary) on hover and focus."""
    entity = view.named(entity_id)
    if entity is None:
        return esc(entity_id)
    name = entity.short_name if isinstance(entity, Source) else entity.name
    link = esc(name) if entity.page == page else a(page, entity.page, name, title=mark(entity.id))
    return f"{link} <span class=\"bf-muted\">({esc(detail)})</span>" if detail else link


def factbox(title: str, rows: list[tuple[str, str]]) -> str:
    lines = ['<aside class="bf-factbox" aria-label="Facts">', "<table>",
             f'<caption>{esc(title)}</caption>']
    for name, value in rows:
        lines.append(f"<tr><th scope=\"row\">{esc(name)}</th><td>{value}</td></tr>")
    lines += ["</table>", "</aside>"]
    return block(lines)


def event_order(view: View, event) -> tuple:
    """Dated events by date; undated ones after them, in the order their sources give them
    (source, paragraph, position), then in the order they are written."""
    if event.date is not None:
        return (0, event.date, (), event.line)
    quote = view.quote(event.topic, event.quote)
    place = (quote.source, quote.match.paragraph, quote.match.spans[0][0]) if quote else ("~",)
    return (1, PartialDate(9999), place, event.line)


def passage_label(source: Source, match: QuoteMatch) -> str:
    return label(source, match.paragraph)


def passage_link(view: View, page: str, match: QuoteMatch, shown: str, cls: str = "") -> str:
    """A link to a passage on its source page, which a Text Fragment highlights."""
    view.face(match.source)
    link, title = view.index.provenance.link(page, match)
    return f'<a href="{link}" title="{title}"{f" class={chr(34)}{cls}{chr(34)}" if cls else ""}>{esc(shown)}</a>'


def _in_context(view: View, match: QuoteMatch) -> str:
    """An elided quote's whole span, with what the ellipses left out marked, on demand."""
    if len(match.spans) < 2:
        return ""
    source = view.face(match.source)
    paragraph = source.paragraphs[match.paragraph - 1].text
    parts, pos = [], match.spans[0][0]
    for start, end in match.spans:
        if start > pos:
            parts.append(_elided(paragraph[pos:start]))
        parts.append(esc(paragraph[start:end]))
        pos = end
    return (f'<details class="bf-context"><summary>In context</summary><p>…{"".join(parts)}…</p>'
            "</details>")


def _elided(words: str) -> str:
    """Words an ellipsis left out, marked; the spaces around them stay outside the mark."""
    inner = words.strip()
    lead, trail = words[: len(words) - len(words.lstrip())], words[len(words.rstrip()):]
    return (f'{esc(lead)}<span class="bf-elided"><span class="md-visually-hidden">left out: '
            f'</span>{esc(inner)}</span>{esc(trail)}')


def quote_block(view: View, page: str, quote: Quote) -> str:
    """A verified quote: the source's own words, the speaker, and a link to the passage."""
    source: Source = view.face(quote.source)
    match = quote.match
    caption = []
    if quote.speaker:
        caption.append(entity_link(view, page, quote.speaker))
    caption.append(passage_link(view, page, match, passage_label(source, match)))
    caption.append(esc(source.publisher) if source.publisher else "publisher unknown")
    caption.append(esc(source.published.display()) if source.published else "date unknown")
    grade = (source.grade or "F") + (str(quote.credibility) if quote.credibility else "")
    tip = RELIABILITY.get(source.grade or "F", "")
    if quote.credibility:
        tip += "; information " + CREDIBILITY[quote.credibility]
    caption.append(f'<abbr class="bf-grade" title="Admiralty grade: {esc(tip)}">{esc(grade)}</abbr>')
    lines = [f'<figure class="bf-quote" id="{esc(quote.anchor)}">',
             f"<blockquote><p>{plain(view, match.exact)}</p></blockquote>",
             _in_context(view, match)]
    if quote.note:
        lines.append(f'<p class="bf-note">{text(view, quote.owner, quote.note, page)}</p>')
    lines.append("<figcaption>" + " · ".join(caption) + "</figcaption>")
    lines.append("</figure>")
    return block(lines)


def cite(view: View, owner: str, qid: str) -> str:
    """A citation of one of the brief's own quotes: the source paragraph, the words on hover."""
    quote = view.quote(owner, qid)
    if quote is None:
        return ""
    shown = passage_label(view.face(quote.source), quote.match)
    return (f'<a href="#{esc(quote.anchor)}" class="bf-cite" title="{esc(quote.match.exact[:200])}">'
            f"[{esc(shown)}]</a>")


def judgment_item(view: View, owner: str, judgment, page: str, tail: str) -> str:
    """One key judgment: likelihood, sentence, confidence, then `tail` (HTML)."""
    return (f'<li><span class="bf-likelihood">{esc(judgment.likelihood.capitalize())}</span> '
            f"{text(view, owner, judgment.text, page)} "
            f'<span class="bf-confidence">Confidence: {esc(judgment.confidence)}.</span> {tail}</li>')


def judgments(view: View, topic) -> str:
    if not topic.judgments:
        return ""
    lines = ['<ol class="bf-judgments">']
    for judgment in topic.judgments:
        cites = " ".join(cite(view, topic.id, q) for q in judgment.quotes)
        lines.append(judgment_item(view, topic.id, judgment, topic.page, cites))
    lines.append("</ol>")
    return "## Key judgments\n" + block(lines)


def mention_item(view: View, page: str, mention) -> str:
    """A contextual backlink: the mentioning page, and its sentence with the mention marked."""
    owner = view.named(mention.page.rsplit("/", 1)[-1][:-3])
    if owner is None or owner.page != mention.page:
        return ""
    kind = KIND_LABELS.get(owner.kind, owner.kind)
    name = owner.short_name if isinstance(owner, Source) else owner.name
    link = a(page, owner.page, name, mention.anchor, title=mark(owner.id))
    # The spaces around the mention are the sentence's own (prose._readable); a '…' in
    # it stands only where the sentence was cut short (prose.elide).
    quote = (f'<q class="bf-snippet">{esc(mention.before)}<mark>{esc(mention.text)}</mark>'
             f'{esc(mention.after)}</q>' if mention.text else "")
    return f'<li>{link} <span class="bf-muted">{esc(kind)}</span> {quote}</li>'


def mentions_page_of(view: View, entity: Entity) -> str | None:
    """The page listing every mention of an entity, when its own page shows only some."""
    return f"mentions/{entity.id}.md" if view.mention_count(entity.id) > MENTIONS_SHOWN else None


def mentions_list(view: View, page: str, entity: Entity, limit: int | None) -> tuple[list[str], int]:
    items = [item for m in view.mentions(entity.id) if m.page != entity.page
             and (item := mention_item(view, page, m))]
    return (items if limit is None else items[:limit]), len(items)


def relations(view: View, entity: Entity, more_page: str | None) -> str:
    """Backlinks grouped by relation, then "Mentioned in" with the sentence of each mention."""
    groups: dict[str, dict[str, None]] = {}  # label -> links, ordered and without repeats
    for backlink in view.backlinks(entity.id):
        if backlink.subject == entity.id:
            continue  # a brief that quotes its own actor: the page would list itself
        name = RELATIONS[backlink.relation][1]
        if backlink.relation == "speaker":
            subject = view.named(backlink.subject)
            item = a(entity.page, subject.page, subject.name, f"q-{backlink.detail}", title=mark(subject.id))
        else:
            item = entity_link(view, entity.page, backlink.subject, backlink.detail)
        groups.setdefault(name, {})[item] = None
    shown, total = mentions_list(view, entity.page, entity, MENTIONS_SHOWN)
    if not groups and not shown:
        return ""
    lines = []
    if groups:
        lines.append('<dl class="bf-relations">')
        for name, items in groups.items():
            lines.append(f"<dt>{esc(name)}</dt><dd>{', '.join(items)}</dd>")
        lines.append("</dl>")
    if shown:
        lines += ['<h3 id="mentioned-in">Mentioned in</h3>', '<ul class="bf-mentions">', *shown, "</ul>"]
        if total > len(shown) and more_page:  # the plan made the page: see mentions_page_of
            lines.append(f'<p>{a(entity.page, more_page, f"All {total} mentions")}</p>')
    return "## Connections\n" + block(lines)


def tag_chips(page: str, tags: list[str]) -> str:
    if not tags:
        return ""
    chips = " ".join(a(page, "tags.md", t, "tag-" + (slugify(t) or "x")) for t in tags)
    return block([f'<p class="bf-tags"><span class="md-visually-hidden">Tags: </span>{chips}</p>'])


def reviewed(entity: Entity) -> str:
    when = esc(entity.updated.display()) if entity.updated else unknown()
    return block([f'<p class="bf-reviewed">Last reviewed: {when}</p>'])


def history(view: View, path: str | None) -> str:
    """The file's dated changes from git, newest first; nothing when git has none."""
    if not path:
        return ""
    changes = view.changes(path)
    if not changes:
        return ""
    items = [f'<li><time datetime="{esc(day)}">{esc(day)}</time> {esc(subject or "Revised")}</li>'
             for day, subject in changes[:HISTORY_SHOWN]]
    rest = len(changes) - HISTORY_SHOWN
    if rest > 0:
        items.append(f'<li class="bf-muted">and {rest} earlier change{"s" * (rest != 1)}</li>')
    note = f'<p class="bf-muted">{esc(view.history_note)}</p>' if view.history_note else ""
    return "## History\n" + block(['<ul class="bf-history">', *items, "</ul>", note])


def group_link(page: str, group_page: str, title: str) -> str:
    return f'<a href="{href(page, group_page)}">{esc(title)}</a>'
