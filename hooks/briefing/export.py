"""The data export, site/briefing.json: entities, relations, terms and quotes, sorted."""
from __future__ import annotations

import json

from .index import Index
from .model import Actor, Agreement, Entity, Source, Topic

VERSION = 1


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
                   parties=entity.parties, signatories=entity.signatories,
                   mediators=entity.mediators, provisions=entity.provisions)
    elif isinstance(entity, Topic):
        out.update(status=entity.status,
                   actors=[{"id": m.id, "role": m.role} for m in entity.actors],
                   agreements=entity.agreements,
                   judgments=[{"text": j.text, "likelihood": j.likelihood, "confidence": j.confidence,
                               "quotes": j.quotes} for j in entity.judgments],
                   events=[{"date": _date(e.date), "date_note": e.date_note, "text": e.text,
                            "actors": e.actors, "quote": e.quote}
                           for e in entity.events])
    elif isinstance(entity, Source):
        out.update(publisher=entity.publisher, author=entity.author, published=_date(entity.published),
                   republished_from=entity.republished_from, url=entity.url, language=entity.language,
                   sha256=entity.sha256, reliability=entity.grade, rationale=entity.rationale,
                   paragraphs=len(entity.paragraphs), file=entity.text_path)
    return out


def export(index: Index) -> dict:
    entities = sorted(index.by_id.values(), key=lambda e: (e.kind, e.id))
    relations = sorted((b.relation, b.subject, target, b.detail or "")
                       for target, links in index.backlinks.items() for b in links)
    quotes = sorted((q for e in entities for q in e.quotes if q.match), key=lambda q: (q.owner, q.number))
    return {
        "version": VERSION,
        "entities": [_entity(e) for e in entities],
        "relations": [{"type": r, "subject": s, "object": o, "detail": d or None}
                      for r, s, o, d in relations],
        "terms": [{"term": t.term, "definition": t.definition, "abbreviation": t.abbreviation,
                   "aliases": t.aliases, "see": t.see}
                  for t in sorted(index.briefing.glossary, key=lambda t: t.term.casefold())],
        "quotes": [{"brief": q.owner, "id": q.id, "text": q.text, "exact": q.match.exact,
                    "source": q.source, "paragraph": q.match.paragraph,
                    "spans": [list(span) for span in q.match.spans], "speaker": q.speaker,
                    "note": q.note, "credibility": q.credibility} for q in quotes],
    }


def export_json(index: Index) -> str:
    # Compact, with sorted keys: deterministic, and json's C encoder (it has no indent mode).
    return json.dumps(export(index), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
