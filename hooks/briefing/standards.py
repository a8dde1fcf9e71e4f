"""Content standards: the named rules that need the whole briefing, after linking.

Each is a rule of `problems.RULES`, so briefing.yml sets it to error, warning or off; the
same checks run in `check`, in the build and in the live preview, and nothing is left to
tests that pin one briefing's content.
"""
from __future__ import annotations

from collections import Counter

from .index import Index
from .linking import Linked
from .model import Source, Topic


def check_standards(index: Index, linked: Linked) -> None:
    # A brief that could not be read has its own error, and its citations are unknown: the
    # paragraphs it cites would be reported as cited nowhere, in files nobody touched.
    unread = any(e.stub and not isinstance(e, Source) for e in index.entities())
    for entity in index.entities():
        if entity.stub:
            continue
        if isinstance(entity, Source):
            _source(index, entity, unread)
            continue
        _brief(index, entity)
        if isinstance(entity, Topic):
            _topic(index, entity)
    _citation_shift(index, linked)


def _brief(index: Index, entity) -> None:
    add = index.problems.add
    if not any(q.match for q in entity.quotes) and not entity.broken_quotes \
            and not any(q.match is None for q in entity.quotes):
        add(entity.path, 1, "this brief has no verified quote",
            "quote the source it rests on under 'quotes:' (see CONTRIBUTING, Quotes)",
            rule="brief-without-quote")
    if entity.updated is None and "updated" not in entity.field_lines:  # an invalid one has its error
        add(entity.path, 1, "this brief does not say when it was last reviewed",
            "add 'updated: YYYY-MM-DD' with the date you checked it against the sources",
            rule="brief-undated")


def _topic(index: Index, topic: Topic) -> None:
    # Counted as written: a judgment with a mistake has its own error, not a second one here.
    count = topic.judgments_written
    if not 2 <= count <= 5:
        index.problems.add(topic.path, topic.line_of("judgments"), f"this topic has {count} key "
                           f"judgment{'s' * (count != 1)}; a topic opens with two to five",
                           "add or merge judgments under 'judgments:'", rule="topic-judgments")
    for judgment in topic.judgments:
        if not judgment.quotes:
            index.problems.add(topic.path, judgment.line, "this key judgment cites no quote",
                               "list the ids of the quotes it rests on under its 'quotes:'",
                               rule="topic-judgments")


def _source(index: Index, source: Source, unread: bool) -> None:
    if source.grade is None:
        index.problems.add(source.path, 1, "this source has no reliability grade",
                           "add 'reliability: {grade: F, rationale: …}' (Admiralty A–F)",
                           rule="source-ungraded")
    if unread:
        return
    cited = index.cited_paragraphs.get(source.id, set())
    missing = [p.number for p in source.paragraphs if p.number not in cited]
    if missing:
        shown = ", ".join(f"¶{n}" for n in missing[:12]) + (" …" if len(missing) > 12 else "")
        index.problems.add(source.path, 1, f"{len(missing)} of the {len(source.paragraphs)} "
                           f"paragraphs of this source are cited nowhere: {shown}",
                           f"cite each from the prose that rests on it, e.g. [[{source.id}#p{missing[0]}]]",
                           rule="source-paragraph-uncited")


def _citation_shift(index: Index, linked: Linked, least: int = 3) -> None:
    """Most quotes cited as ¶N are in ¶N+1 (or ¶N-1): a line missing from, or added to,
    `boilerplate` or `headings` has shifted the paragraph numbers."""
    by_source: dict[str, Counter] = {}
    for source_id, cited, found in linked.evidence:
        by_source.setdefault(source_id, Counter())[found - cited] += 1
    for source_id, offsets in sorted(by_source.items()):
        source = index.by_id.get(source_id)
        if not isinstance(source, Source):
            continue
        total = sum(offsets.values())
        shift, count = max(((s, offsets[s]) for s in (1, -1)), key=lambda pair: pair[1])
        if total >= least and count > total / 2:
            way = "next" if shift == 1 else "previous"
            index.problems.add(source.path, source.line_of("boilerplate"),
                               f"the citations of this source look shifted: {count} of {total} quotes "
                               f"cited as ¶N are in the {way} paragraph ({source.short_name} ¶N{shift:+d})",
                               "was a line left out of, or added to, 'boilerplate' or 'headings'? "
                               "Paragraph numbers count the lines that are neither",
                               rule="citation-shift")
