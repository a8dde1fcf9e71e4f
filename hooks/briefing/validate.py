"""Stage 2, validate: check every file against its format and build the typed model.

Checks that need the whole corpus (ids that exist, kinds that match, quotes found in
their sources) belong to `index`. Invalid values are reported and left out, and the rest
of the file is still built, so that one run reports every problem.
"""
from __future__ import annotations

import datetime
import re

from .dates import PartialDate
from .formats import AGREEMENT_DATES, FORMATS, LIKELIHOODS, PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY
from .load import RawBrief, RawCorpus, RawSource
from .model import (Actor, Agreement, Briefing, Entity, Event, GlossaryTerm, Judgment, Quote,
                    Role, Source, Stub, Topic, TopicActor)
from .problems import Problems
from .schema import Context
from .sources import split_paragraphs

ENTITY_CLASSES = {cls.kind: cls for cls in (Actor, Agreement, Topic)}


def _valid(fields: dict, name: str) -> list[tuple[int, object]]:
    """(index, entry) for each entry of a list field that passed its checks; the index
    still locates the entry in the YAML, for its line."""
    return [(i, entry) for i, entry in enumerate(fields.get(name) or [])
            if not (isinstance(entry, dict) and entry.get("__invalid__"))]


def _field_lines(doc) -> dict[str, int]:
    return {key: doc.line(key) for key in doc.value}


def _common(fields: dict, raw_id: str, path: str, doc) -> dict:
    return dict(
        id=raw_id, path=path, name=fields.get("name") or raw_id,
        summary=fields.get("summary") or "", line=doc.first_line + 1,
        aliases=fields.get("aliases") or [], abbreviation=fields.get("abbreviation"),
        tags=fields.get("tags") or [], updated=fields.get("updated"),
        no_autolink=fields.get("no_autolink") or [],
        field_lines=_field_lines(doc),
    )


def _quotes(fields: dict, owner: str, ctx: Context) -> tuple[list[Quote], list[str]]:
    """The valid quotes, and the ids of the entries with errors: those ids still count, so a
    typo inside a quote is one error, not also a missing [[quote:…]] or judgment quote."""
    quotes, broken, seen = [], [], set()
    for i, entry in enumerate(fields.get("quotes") or []):
        number = i + 1
        qid = (entry.get("id") if isinstance(entry, dict) else None) or str(number)
        if qid in seen:
            ctx.error(("quotes", i, "id"), f"the quote id '{qid}' is used twice in this brief",
                      "give each quote its own id")
        seen.add(qid)
        if not isinstance(entry, dict) or entry.get("__invalid__"):
            broken.append(qid)
            continue
        quotes.append(Quote(
            text=entry["text"], source=entry["source"], owner=owner, number=number,
            line=ctx.doc.line("quotes", i, "text"), id=qid, speaker=entry.get("speaker"),
            note=entry.get("note"), credibility=entry.get("credibility"), owner_path=ctx.path,
            col=ctx.doc.col("quotes", i, "text"), note_line=ctx.doc.line("quotes", i, "note")))
    return quotes, broken


def _kind_fields(kind: str, fields: dict, brief_id: str, ctx: Context) -> dict:
    line = ctx.doc.line
    if kind == "actor":  # an invalid type is None: unknown, so nothing is checked against it
        return dict(type=fields.get("type"), country=fields.get("country"),
                    roles=[Role(r["title"], r["of"], r.get("from"), r.get("to"), line("roles", i),
                                ("roles", i)) for i, r in _valid(fields, "roles")])
    if kind == "agreement":
        check_date_order(fields, ctx)
        return dict(type=fields.get("type"), status=fields.get("status") or "unknown",
                    dates={d: fields[d] for d in AGREEMENT_DATES if fields.get(d)},
                    parties=fields.get("parties") or [], signatories=fields.get("signatories") or [],
                    mediators=fields.get("mediators") or [], location=fields.get("location"),
                    provisions=fields.get("provisions") or [], date_note=fields.get("date_note"))
    actors = [TopicActor(e["id"], e.get("role"), line("actors", i), ("actors", i)) if isinstance(e, dict)
              else TopicActor(e, None, line("actors", i), ("actors", i)) for i, e in _valid(fields, "actors")]
    judgments = []
    for i, j in _valid(fields, "judgments"):
        check_judgment_language(j, ("judgments", i), ctx)
        judgments.append(Judgment(j["text"], j["likelihood"], j["confidence"], j.get("quotes") or [],
                                  line("judgments", i), ("judgments", i)))
    return dict(
        status=fields.get("status") or "ongoing", actors=actors,
        agreements=fields.get("agreements") or [], judgments=judgments,
        judgments_written=len(written) if isinstance(written := fields.get("judgments"), list) else 0,
        events=[Event(e.get("date"), e["text"], brief_id, e.get("actors") or [], e.get("quote"),
                      line("events", i), e.get("date_note"), ("events", i))
                for i, e in _valid(fields, "events")])


_CONFIDENCE_WORDS = re.compile(r"\b(confiden(ce|t|tly)|(high|moderate|low)[ -]confidence)\b", re.I)
_LIKELIHOOD_WORDS = {term: re.compile(rf"\b{term}\b", re.I) for term in LIKELIHOODS}


def _example(term: str) -> str:
    """The term in a sentence: the chances are nouns, the rest adjectives."""
    if term.endswith("chance"):
        return f"there is {'a ' if term.startswith('roughly') else ''}{term} that …"
    return f"… is {term} to …"


def check_judgment_language(judgment: dict, where: tuple, ctx: Context) -> None:
    """ICD 203: the sentence uses its own likelihood term, and no confidence words."""
    text, term = judgment["text"], judgment["likelihood"]
    used = [t for t, word in _LIKELIHOOD_WORDS.items() if word.search(text)]
    # 'very likely' outranks the 'likely' inside it ('unlikely' does not contain the word 'likely')
    strongest = [t for t in used if not any(t != o and f" {t} " in f" {o} " for o in used)]
    if term not in strongest:
        said = f"says '{strongest[0]}'" if strongest else "uses no estimative term"
        ctx.error(where + ("text",), f"the judgment is marked '{term}' but its sentence {said}",
                  f"state it with the ICD 203 term, e.g. '{_example(term)}'")
    if _CONFIDENCE_WORDS.search(text):
        ctx.error(where + ("text",), "the judgment's sentence mentions confidence",
                  "ICD 203 keeps confidence out of the likelihood sentence; put it in 'confidence'")


def check_date_order(fields: dict, ctx: Context) -> None:
    """An agreement's dates run proposed, signed, ratified, in force, expires."""
    known = [(name, fields[name]) for name in AGREEMENT_DATES if fields.get(name)]
    for (early, early_date), (late, late_date) in zip(known, known[1:]):
        if early_date.definitely_after(late_date):
            ctx.error((early,), f"'{early}' ({early_date.iso()}) is after '{late}' ({late_date.iso()})",
                      "the dates run " + ", ".join(AGREEMENT_DATES) + "; check both")


def _today() -> datetime.date:
    return datetime.date.today()


def check_brief_text(entity: Entity, ctx: Context) -> None:
    """Nothing passes silently: a date in the future, or the scaffold's placeholders."""
    if entity.updated and entity.updated.as_date() > _today():
        ctx.error(("updated",), f"'updated' is {entity.updated.iso()}, a date in the future",
                  f"write the date you last reviewed the brief (today is {_today().isoformat()})")
    if entity.summary.strip() == PLACEHOLDER_SUMMARY:
        ctx.error(("summary",), f"the summary is still the scaffold's placeholder \"{PLACEHOLDER_SUMMARY}\"",
                  "write one or two sentences that sum up the brief", rule="placeholder-text")
    at = entity.body.find(PLACEHOLDER_BODY)
    if at >= 0:
        line = entity.body_line + entity.body.count("\n", 0, at)
        ctx.problems.add(ctx.path, line, f"the prose is still the scaffold's placeholder "
                         f"\"{PLACEHOLDER_BODY} …\"", "replace it with the analysis, citing the sources",
                         col=at - entity.body.rfind("\n", 0, at), rule="placeholder-text")


def stub(raw: RawBrief) -> Stub:
    """A brief that could not be read: its id and what could be read of its names."""
    names = raw.names
    entity = Stub(id=raw.id, name=names[0] if names else raw.id, summary="", path=raw.path,
                  aliases=names[1:])
    entity.kind = raw.kind
    return entity


def validate_brief(raw: RawBrief, problems: Problems) -> Entity:
    if raw.doc is None:
        return stub(raw)
    ctx = Context(raw.path, raw.doc, problems)
    fields = FORMATS[raw.kind].check(raw.doc.value, (), ctx)
    if not isinstance(fields, dict):
        return stub(raw)
    entity = ENTITY_CLASSES[raw.kind](
        **_common(fields, raw.id, raw.path, raw.doc), **_kind_fields(raw.kind, fields, raw.id, ctx))
    entity.quotes, entity.broken_quotes = _quotes(fields, raw.id, ctx)
    entity.body, entity.body_line = raw.body, raw.body_line
    entity.references = ctx.references
    check_brief_text(entity, ctx)
    return entity


def _line_set(specs, limit: int, ctx: Context, name: str) -> set[int]:
    lines: set[int] = set()
    for i, (low, high) in enumerate(specs or []):
        if high > limit:
            ctx.error((name, i), f"'{name}' names line {high}, but the text has {limit} lines",
                      "check the line numbers against the .txt file")
        lines.update(range(low, min(high, limit) + 1))  # never more lines than the text has
    return lines


def _source_stub(raw: RawSource) -> Stub:
    entity = Stub(id=raw.id, name=raw.id, summary="", path=raw.meta_path)
    entity.kind = "source"
    return entity


def validate_source(raw: RawSource, problems: Problems) -> Source | Stub:
    if raw.doc is None:
        return _source_stub(raw)
    ctx = Context(raw.meta_path, raw.doc, problems)
    fields = FORMATS["source"].check(raw.doc.value, (), ctx)
    if not isinstance(fields, dict):
        return _source_stub(raw)
    if fields.get("sha256") and fields["sha256"] != raw.sha256:
        ctx.error(("sha256",), f"the source text was changed: {raw.text_path} no longer matches "
                  f"its sha256 (the file's is {raw.sha256})",
                  f"a source is never edited: restore it with `git checkout -- {raw.text_path}`; "
                  "a new version of an article is a new source (`briefing import-source`)")
    # The number of lines as an editor shows them: a final newline ends the last line.
    total = raw.text.count("\n") + (0 if raw.text.endswith("\n") else 1)
    reliability = fields.get("reliability") or {}
    paragraphs, headings = split_paragraphs(
        raw.text, _line_set(fields.get("boilerplate"), total, ctx, "boilerplate"),
        _line_set(fields.get("headings"), total, ctx, "headings"))
    source = Source(
        id=raw.id, name=fields.get("title") or raw.id, label=fields.get("label") or "",
        summary="", path=raw.meta_path,
        line=1, aliases=fields.get("aliases") or [],
        field_lines=_field_lines(raw.doc),
        publisher=fields.get("publisher"), author=fields.get("author"),
        published=fields.get("published"), republished_from=fields.get("republished_from"),
        url=fields.get("url"), language=fields.get("language"), sha256=fields.get("sha256") or "",
        grade=reliability.get("grade"), rationale=reliability.get("rationale"),
        notes=fields.get("notes"), text_path=raw.text_path, text=raw.text, paragraphs=paragraphs,
        headings=headings)
    source.summary = describe_source(source)
    return source


def describe_source(source: Source) -> str:
    """A one-line description built only from what the metadata knows."""
    by = f"by {source.author}" if source.author else "by an unknown author"
    where = source.publisher or "an unknown outlet"
    when = source.published.display() if source.published else "date unknown"
    relay = f", republished from {source.republished_from}" if source.republished_from else ""
    return f"Article {by}, {where}{relay}; {when}."


def validate_glossary(doc, problems: Problems, path: str) -> list[GlossaryTerm]:
    ctx = Context(path, doc, problems)
    fields = FORMATS["glossary"].check(doc.value, (), ctx)
    if not isinstance(fields, dict):
        return []
    see: dict[tuple, dict] = {}  # each term's 'see' references, grouped in one pass
    for (where, target), ref in ctx.references.items():
        see.setdefault(where, {})[target] = ref
    return [GlossaryTerm(t["term"], t["definition"], doc.line("terms", i, "term"),
                         t.get("abbreviation"), t.get("aliases") or [], t.get("see") or [],
                         see.get(("terms", i, "see"), {}))
            for i, t in _valid(fields, "terms")]


def validate_briefs(raw: list[RawBrief], problems: Problems) -> list[Entity]:
    return [validate_brief(brief, problems) for brief in raw]


def validate(raw: RawCorpus, problems: Problems, entities: list[Entity] | None = None) -> Briefing:
    """The typed briefing. `entities`, when given, are the briefs already validated (by
    `workers`); otherwise they are validated here from `raw.briefs`."""
    briefing = Briefing()
    for entity in validate_briefs(raw.briefs, problems) if entities is None else entities:
        (briefing.stray if entity.kind is None else getattr(briefing, f"{entity.kind}s")).append(entity)
    briefing.sources = [validate_source(raw_source, problems) for raw_source in raw.sources]
    if raw.glossary is not None:
        briefing.glossary = validate_glossary(raw.glossary, problems, briefing.glossary_path)
    return briefing
