"""The data export, site/briefing.json: entities, relations, terms, quotes and inline
quotations, sorted, each quotation with W3C Web Annotation selectors.

Selectors (https://www.w3.org/TR/annotation-model/#selectors) locate a quote in its source
text, so annotation tools such as Hypothesis can anchor it: a TextQuoteSelector (the exact
words and 32 characters either side) and a TextPositionSelector. Positions count code
points in seeds/<id>.txt as decoded (UTF-8, line endings folded to LF); for an elided quote
they span from its first part to its last, and `parts` gives each part.
"""
from __future__ import annotations

import json
import operator

from .index import Index
from .model import Actor, Agreement, Entity, QuoteMatch, Source, Topic

VERSION = 2
CONTEXT = 32  # characters of prefix and suffix


def _date(value) -> str | None:
    return value.iso() if value else None


def _entity(entity: Entity) -> dict:
    out = {"id": entity.id, "kind": entity.kind, "name": entity.name, "summary": entity.summary,
           "aliases": entity.aliases, "abbreviation": entity.abbreviation, "tags": entity.tags,
           "updated": _date(entity.updated), "page": entity.page[:-3] + ".html", "file": entity.path}
    if isinstance(entity, Actor):
        out.update(type=entity.type, country=entity.country,
                   roles=[{"title": r.title, "of": r.of, "from": _date(r.start), "to": _date(r.end)}
                          for r in entity.roles])
    elif isinstance(entity, Agreement):
        out.update(type=entity.type, status=entity.status, location=entity.location,
                   dates={k: v.iso() for k, v in sorted(entity.dates.items())},
                   date_note=entity.date_note, parties=entity.parties, signatories=entity.signatories,
                   mediators=entity.mediators, provisions=entity.provisions)
    elif isinstance(entity, Topic):
        out.update(status=entity.status,
                   actors=[{"id": m.id, "role": m.role} for m in entity.actors],
                   agreements=entity.agreements,
                   judgments=[{"text": j.text, "likelihood": j.likelihood, "confidence": j.confidence,
                               "quotes": j.quotes} for j in entity.judgments],
                   events=[{"date": _date(e.date), "date_note": e.date_note, "text": e.text,
                            "actors": e.actors, "quote": e.quote} for e in entity.events])
    elif isinstance(entity, Source):
        out.update(label=entity.label, publisher=entity.publisher, author=entity.author,
                   published=_date(entity.published), republished_from=entity.republished_from,
                   url=entity.url, language=entity.language, sha256=entity.sha256,
                   reliability=entity.grade, rationale=entity.rationale,
                   paragraphs=len(entity.paragraphs), file=entity.text_path)
    return out


def selectors(source: Source, match: QuoteMatch) -> dict:
    """The quote's place in the source text, as Web Annotation selectors."""
    text = source.text
    paragraph = source.paragraphs[match.paragraph - 1]
    start, end = paragraph.offset + match.spans[0][0], paragraph.offset + match.spans[-1][1]
    return {
        "source": source.text_path,
        "selector": [
            {"type": "TextQuoteSelector", "exact": text[start:end],
             "prefix": text[max(0, start - CONTEXT):start], "suffix": text[end:end + CONTEXT]},
            {"type": "TextPositionSelector", "start": start, "end": end},
        ],
        "parts": [[paragraph.offset + a, paragraph.offset + b] for a, b in match.spans],
    }


def export(index: Index, quotations: dict[str, list]) -> dict:
    entities = _entities(index)
    sources = {s.id: s for s in index.briefing.sources}
    return {
        **_small_parts(index),
        "entities": [_entity(e) for e in entities],
        "quotes": [_quote(q, sources) for q in _quotes(entities)],
        "quotations": [_quotation(path, q, sources)
                       for path, found in sorted(quotations.items()) for q in found],
    }


def _entities(index: Index) -> list[Entity]:
    return sorted((e for e in index.entities() if not e.stub), key=lambda e: (e.kind, e.id))


def _quotes(entities: list[Entity]) -> list:
    return sorted((q for e in entities for q in e.quotes if q.match), key=lambda q: (q.owner, q.number))


def _small_parts(index: Index) -> dict:
    """The version, the relations and the terms: cheap enough to encode every time."""
    relations = sorted((b.relation, b.subject, target, b.detail or "")
                       for target, links in index.backlinks.items() for b in links)
    return {
        "version": VERSION,
        "relations": [{"type": r, "subject": s, "object": o, "detail": d or None}
                      for r, s, o, d in relations],
        "terms": [{"term": t.term, "definition": t.definition, "abbreviation": t.abbreviation,
                   "aliases": t.aliases, "see": t.see}
                  for t in sorted(index.briefing.glossary, key=lambda t: t.term.casefold())],
    }


def _quote(q, sources: dict) -> dict:
    return {"brief": q.owner, "id": q.id, "text": q.text, "exact": q.match.exact,
            "source": q.source, "paragraph": q.match.paragraph,
            "spans": [list(span) for span in q.match.spans], "speaker": q.speaker,
            "note": q.note, "credibility": q.credibility,
            "target": selectors(sources[q.source], q.match)}


def _quotation(path: str, q, sources: dict) -> dict:
    return {"file": path, "line": q.line, "text": q.words, "exact": q.match.exact,
            "source": q.match.source, "paragraph": q.match.paragraph,
            "target": selectors(sources[q.match.source], q.match)}


def export_json(index: Index, quotations: dict[str, list]) -> str:
    return compact_json(export(index, quotations)) + "\n"


class Fragments:
    """JSON text of the parts of a data file, kept between a session's runs: a part is
    encoded again only when one of the objects it was made from is a different object
    (the model's objects are replaced when their file changes, see `store`)."""

    def __init__(self):
        self.kept: dict[tuple, tuple[tuple, str]] = {}
        self.used: set[tuple] = set()

    def get(self, key: tuple, made_from: tuple, make) -> str:
        self.used.add(key)
        found = self.kept.get(key)
        if found is not None and len(found[0]) == len(made_from) and all(map(operator.is_, found[0], made_from)):
            return found[1]
        text = compact_json(make())
        self.kept[key] = (made_from, text)
        return text

    def end(self) -> None:
        """Forget the parts this run did not ask for (deleted briefs)."""
        for gone in self.kept.keys() - self.used:
            del self.kept[gone]
        self.used = set()


def compact_json(value) -> str:
    """Sorted keys, no spaces: deterministic, and json's C encoder (it has no indent mode)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def export_text(index: Index, quotations: dict[str, list], parts: Fragments) -> str:
    """`export_json`, part by part: the same text, with unchanged parts reused."""
    entities = _entities(index)
    sources = {s.id: s for s in index.briefing.sources}
    listed = [parts.get(("entity", e.id), (e,), lambda e=e: _entity(e)) for e in entities]
    quoted = [parts.get(("quote", q.owner, q.id), (q, q.match, sources[q.source]),
                        lambda q=q: _quote(q, sources)) for q in _quotes(entities)]
    inline = [parts.get(("quotation", path, i), (q, q.match, sources[q.match.source]),
                        lambda path=path, q=q: _quotation(path, q, sources))
              for path, found in sorted(quotations.items()) for i, q in enumerate(found)]
    fields = {k: compact_json(v) for k, v in _small_parts(index).items()}
    fields.update(entities="[" + ",".join(listed) + "]", quotes="[" + ",".join(quoted) + "]",
                  quotations="[" + ",".join(inline) + "]")
    return "{" + ",".join(f"{compact_json(k)}:{fields[k]}" for k in sorted(fields)) + "}\n"
