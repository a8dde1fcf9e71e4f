"""Stage 4, link: turn every page's prose into linked Markdown, in one pass.

Wikilinks are resolved, the first mention of each entity on a page is linked, quotations
are verified and linked to their passages, and the mentions are recorded (with the
sentence around them), so that "Mentioned in" and the glossary's "Appears in" are known
before any page is rendered.

The same verification covers the text fields a reader sees outside the prose: summaries,
quote notes, judgments, events, role titles, provisions, glossary definitions and source
notes (`reader_texts`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .autolink import MentionMatcher
from .index import Index, Verifier
from .model import Actor, Agreement, Entity, GlossaryTerm, Source, Topic
from .problems import Problems
from .prose import (ANY_MARK, MASK, InlineQuotation, LinkedProse, Mention, ProseLinker, elide,
                    one_line, sentence_bounds)
from .quotations import quoted_words, scan

QUOTE_MARK = "\ue000"  # wraps a placed quote's id until the renderer puts the block there
# `<!-- briefing:NAME -->` on a line of its own in a docs page: a generated list (render.home).
DOC_MARKER = re.compile(r"^<!--\s*briefing:([a-z-]+)\s*-->\s*$", re.M)
DOC_MARKERS = ("key-judgments", "last-reviewed", "topics", "actors", "agreements", "sources", "counts")
WIKI_TARGET = re.compile(r"\[\[([^\[\]|#\n]+)")
TITLE_FORM = re.compile(r"\[\[title:([^\[\]\n]*)\]\]")


def quote_placeholder(qid: str) -> str:
    return f"{QUOTE_MARK}{qid}{QUOTE_MARK}"


@dataclass
class Linked:
    """The linked prose of every page, keyed by the page's docs-relative path."""

    prose: dict[str, LinkedProse] = field(default_factory=dict)
    placed: dict[str, set[str]] = field(default_factory=dict)  # entity id -> placed quote ids
    matcher: MentionMatcher | None = None
    abbreviations: object | None = None  # an Abbreviations, set before rendering
    quotations: dict[str, list[InlineQuotation]] = field(default_factory=dict)  # file -> verified
    evidence: list[tuple[str, int, int]] = field(default_factory=list)  # for `citation-shift`
    autolink: bool = True
    counted: dict[str, int] = field(default_factory=dict)  # file -> quotations (from workers)
    # source id -> paragraph number -> [(start, end, entity id)]: the article's linked mentions
    articles: dict[str, dict[int, list[tuple[int, int, str]]]] = field(default_factory=dict)

    def quotation_count(self) -> int:
        return sum(len(q) for q in self.quotations.values()) + sum(self.counted.values())


def _cited_sources(index: Index, body: str) -> list[str]:
    """The sources a body links to anywhere: where its quotations are looked for second."""
    found = []
    for name in WIKI_TARGET.findall(body):
        target = index.by_id.get(name.strip())
        if isinstance(target, Source):
            found.append(target.id)
    return found


@dataclass
class EntityLink:
    """What linking one brief gives: kept by a session, and replayed into a later run's
    index while the brief, the names and the sources it depends on stay the same."""

    entity: Entity
    prose: LinkedProse
    placed: set[str]
    problems: list = field(default_factory=list)  # of its YAML text fields (prose: prose.errors)
    text_quotes: dict = field(default_factory=dict)
    quotations: list = field(default_factory=list)  # of its YAML text fields
    sources: frozenset = frozenset()  # the sources its quotations were looked for in first

    @property
    def anywhere(self) -> bool:
        """A quotation was found in a source the brief neither quotes nor cites: found by
        searching every source, so any source's change may move it."""
        found = (q.match.source for q in (*self.prose.quotations, *self.quotations))
        return any(source not in self.sources for source in found)


def apply(index: Index, linked: Linked, done: EntityLink) -> None:
    """Put what linking a brief gave into this run's index."""
    entity = done.entity
    linked.placed[entity.id] = set(done.placed)
    _record(index, linked, entity.page, entity.path, done.prose)
    index.problems.items.extend(done.problems)
    index.text_quotes.update(done.text_quotes)
    if done.quotations:
        linked.quotations.setdefault(entity.path, []).extend(done.quotations)


def link_entity(index: Index, linked: Linked, entity: Entity, keep: bool = False) -> EntityLink:
    """Link one brief's prose and verify its text fields. `keep` keeps its text (a session
    that may link it again)."""
    quotes = index.quotes_by_owner.get(entity.id, {})
    broken = index.broken_quotes.get(entity.id, set())
    placed: set[str] = set()

    def place(qid: str) -> str | None:
        if qid in broken:
            return ""  # its error is reported on the quote itself
        if qid not in quotes:
            return None
        placed.add(qid)
        return "\n" + quote_placeholder(qid) + "\n"

    verifier = Verifier(index, index.own_sources(entity) + _cited_sources(index, entity.body), entity.path)
    linker = ProseLinker(entity.page, entity.id, index, linked.matcher, True, place, verifier,
                         linked.autolink, require_citations=True, quote_ids=quotes.keys() | broken)
    prose = linker.process(entity.body.replace(QUOTE_MARK, ""), entity.body_line)
    if not keep:
        entity.body = ""  # the linked prose replaces it; keep one copy in memory, not two
    done = EntityLink(entity, prose, placed, sources=frozenset(verifier.own))
    texts = Problems(rules=index.problems.rules)
    done.text_quotes, done.quotations = verify_texts(index, texts, entity.id, entity.path, reader_texts(entity),
                                                     Verifier(index, verifier.own, entity.path, fields=True))
    done.problems = texts.items
    apply(index, linked, done)
    return done


def link_document(index: Index, linked: Linked, page: str, text: str, path: str) -> LinkedProse:
    """A hand-written docs/ page: trusted, so only links are added; its quotations are
    verified like any other."""
    linker = ProseLinker(page, None, index, linked.matcher, untrusted=False,
                         verifier=Verifier(index, [], path), autolink=linked.autolink)
    prose = linker.process(text, 1)
    _record(index, linked, page, path, prose)
    for marker in DOC_MARKER.finditer(text):
        if marker.group(1) not in DOC_MARKERS:
            index.problems.add(path, text.count("\n", 0, marker.start()) + 1,
                               f"unknown marker 'briefing:{marker.group(1)}'",
                               "use one of: " + ", ".join(DOC_MARKERS))
    return prose


def _record(index: Index, linked: Linked, page: str, path: str, prose: LinkedProse) -> None:
    if linked.autolink:  # what only rendered pages use
        linked.prose[page] = prose
        index.mentioned.put(page, prose.mentions, prose.snippets)
    for source, paragraph in prose.cited:
        index.cited_paragraphs[source].add(paragraph)
    if prose.quotations:
        linked.quotations.setdefault(path, []).extend(prose.quotations)
    linked.evidence.extend(prose.evidence)
    owner_quotes = index.quotes_by_owner.get(page.rsplit("/", 1)[-1][:-3], {})
    for qid, cited in prose.placed_after:
        quote = owner_quotes.get(qid)
        if quote is not None and quote.match is not None and quote.source in cited:
            linked.evidence += [(quote.source, p, quote.match.paragraph) for p in cited[quote.source]]
    for issue in prose.errors:
        index.problems.add(path, issue.line, issue.message, issue.hint, col=issue.col, rule=issue.rule)


def reader_texts(owner: Entity | GlossaryTerm) -> list[tuple[str, int]]:
    """(text, line) of every YAML text field a reader sees, outside the prose."""
    if isinstance(owner, GlossaryTerm):
        return [(owner.definition, owner.line)]
    texts = [(owner.summary, owner.line_of("summary"))] if not isinstance(owner, Source) else []
    texts += [(q.note, q.note_line or q.line) for q in owner.quotes if q.note]
    if isinstance(owner, Actor):
        texts += [(r.title, r.line) for r in owner.roles]
    elif isinstance(owner, Agreement):
        texts += [(p, owner.line_of("provisions")) for p in owner.provisions]
        texts += [(t, owner.line_of(k)) for k, t in (("location", owner.location),
                                                    ("date_note", owner.date_note)) if t]
    elif isinstance(owner, Topic):
        texts += [(j.text, j.line) for j in owner.judgments]
        texts += [(e.text, e.line) for e in owner.events]
        texts += [(e.date_note, e.line) for e in owner.events if e.date_note]
        texts += [(m.role, m.line) for m in owner.actors if m.role]
    elif isinstance(owner, Source):
        texts += [(t, owner.line_of(k)) for k, t in (("notes", owner.notes),
                                                    ("reliability", owner.rationale)) if t]
    return texts


def link_texts(index: Index, linked: Linked, owner: str, path: str, texts, verifier: Verifier) -> None:
    """Verify the quotations of YAML text fields; the renderer links the verified ones."""
    found, quotations = verify_texts(index, index.problems, owner, path, texts, verifier)
    index.text_quotes.update(found)
    if quotations:
        linked.quotations.setdefault(path, []).extend(quotations)


def verify_texts(index: Index, problems: Problems, owner: str, path: str, texts,
                 verifier: Verifier) -> tuple[dict, list]:
    """({(owner, text): [(start, end, match)]}, [InlineQuotation]) for YAML text fields;
    their problems go to `problems`."""
    found: dict = {}
    quotations: list = []
    for text, line in texts:
        if not ANY_MARK.search(text):
            continue
        masked = TITLE_FORM.sub(lambda m: MASK * len(m.group()), text)
        scanned = scan(masked)
        for offset in scanned.unclosed:
            problems.add(path, line + text.count("\n", 0, offset), "this quotation mark is "
                         "never closed", "close the quotation, or remove the mark")
        spans = []
        for span in scanned.spans:
            inner = masked[span.inner[0]:span.inner[1]]
            if MASK in inner or not any(c.isalnum() for c in inner):
                continue
            words = quoted_words(inner)
            verdict = verifier.verify(words, {})
            at = line + text.count("\n", 0, span.start)
            if verdict.match is None or (verdict.message and not verdict.rule):
                problems.add(path, at, verdict.message, verdict.hint, rule=verdict.rule)
                continue
            spans.append((span.start, span.end, verdict.match))
            quotations.append(InlineQuotation(words, at, 1, verdict.match))
        if spans:
            found[(owner, text)] = spans
    return found, quotations


def link_articles(index: Index, linked: Linked, memo: dict | None = None) -> None:
    """The first mention of each entity in each source's article text, linked as on every
    page; recorded with its sentence, for the entities' "Mentioned in". `memo` (a
    session's) keeps each source's result while the source and the names are the same."""
    for source in index.briefing.sources:
        if source.stub or not index.owns(source):
            continue
        known = memo.get(source.id) if memo is not None else None
        if known is None or known[0] is not source or known[1] is not linked.matcher:
            spans, mentions = _article_mentions(linked.matcher, source)
            snippets = {m.target: m for m in mentions}  # one per entity: its first
            known = (source, linked.matcher, spans, set(snippets), snippets)
            if memo is not None:
                memo[source.id] = known
        _, _, spans, keys, snippets = known
        index.mentioned.put(source.page, keys, snippets)
        linked.articles[source.id] = spans


def _article_mentions(matcher: MentionMatcher, source: Source) -> tuple[dict, list[Mention]]:
    spans: dict[int, list[tuple[int, int, str]]] = {}
    mentions: list[Mention] = []
    seen = {source.id}
    for para in source.paragraphs:
        for start, end, target in matcher.find(para.text):
            if target in seen:
                continue
            seen.add(target)
            spans.setdefault(para.number, []).append((start, end, target))
            lo, hi, cut_before, cut_after = sentence_bounds(para.text, start, end)
            before, after = para.text[lo:start], para.text[end:hi]
            before, after = elide(one_line(before, before, keep_end=True),
                                  one_line(after, after, keep_start=True), cut_before, cut_after)
            mentions.append(Mention(target, source.page, f"p{para.number}", before, para.text[start:end], after))
    return spans, mentions


def wikilinks_only() -> Linked:
    """Linking that resolves and checks wikilinks but auto-links nothing: for `check`,
    which needs only the problems (auto-linking finds none)."""
    return Linked(matcher=MentionMatcher({}), autolink=False)


def link_documents(index: Index, linked: Linked, documents: dict[str, tuple[str, str]]) -> None:
    for page, (text, path) in sorted(documents.items()):
        link_document(index, linked, page, text, path)


def link_rest(index: Index, linked: Linked) -> None:
    """What is not a brief's prose: source notes and glossary definitions."""
    for source in index.briefing.sources:
        if not source.stub and index.owns(source):
            link_texts(index, linked, source.id, source.path, reader_texts(source),
                       Verifier(index, [source.id], source.path, fields=True))
    for term in index.briefing.glossary:
        link_texts(index, linked, "glossary:" + term.term, index.briefing.glossary_path,
                   reader_texts(term), Verifier(index, [], index.briefing.glossary_path, fields=True))


def link_all(index: Index, documents: dict[str, tuple[str, str]], autolink: bool = True) -> Linked:
    """Link every brief's prose and every docs page ({page: (text, path)})."""
    linked = Linked(matcher=MentionMatcher(index.surface) if autolink else MentionMatcher({}),
                    autolink=autolink)
    for entity in index.entities():
        if entity.kind != "source" and not entity.stub:
            link_entity(index, linked, entity)
    link_rest(index, linked)
    link_documents(index, linked, documents)
    return linked
