"""A fingerprint of every key a page can read (see `view`), computed after each run.

A key whose fingerprint changed since the last run names what changed; every page that
read it renders again. Fingerprints are Python hashes of plain tuples and frozensets: cheap,
only ever compared within one process, and never sorted first (at 3,000 briefs sorting the
mentions was most of their cost). An entity's own keys are kept with it (`EntityPrints`)
while it is the same object: the store loads a brief again only when its file changed.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import Entity, Source
from .indexes import place
from .view import View


class EntityPrints:
    """Each entity's face:, name: and place: keys, kept while the entity is the same object,
    the sources its text quotations were found in are the same, and no source's files
    changed (its face holds theirs)."""

    def __init__(self):
        self.kept: dict[str, tuple[Entity, set[str] | None, tuple]] = {}
        self.source_keys: dict[str, int] = {}

    def keys(self, view: View, store, source_keys: dict[str, int]) -> list[tuple]:
        quoted_sources = _quoted_sources(view)
        same_sources = source_keys == self.source_keys
        self.source_keys = source_keys
        kept, out = {}, []
        for entity in view.index.entities():
            hit = self.kept.get(entity.id)
            quoted = quoted_sources.get(entity.id)
            if hit is None or hit[0] is not entity or not same_sources or hit[1] != quoted:
                hit = (entity, quoted, _own_keys(entity, store, quoted_sources, source_keys))
            kept[entity.id] = hit
            out += hit[2]
        self.kept = kept
        return out


def _own_keys(entity: Entity, store, quoted_sources, source_keys) -> tuple:
    own = (("face:" + entity.id, _face(entity, store, quoted_sources, source_keys)),
           ("name:" + entity.id, hash((entity.kind, getattr(entity, "type", None), entity.name,
                                       getattr(entity, "short_name", ""), entity.page, entity.stub))))
    return own if entity.stub else own + (("place:" + entity.id, hash(place(entity))),)


def fingerprints(view: View, store, kept: EntityPrints | None = None) -> dict[str, int]:
    index, linked = view.index, view.linked
    source_keys = {s.id: store.front(s.path) for s in index.briefing.sources}
    keys: dict[str, int] = dict((kept or EntityPrints()).keys(view, store, source_keys))
    for page, prose in linked.prose.items():
        keys["prose:" + page] = hash(prose.markdown)
    each = {target: hash(tuple([b.shown for b in links]))
            for target, links in index.backlinks.items()}
    for target, value in each.items():
        keys["backlinks:" + target] = value
    keys["backlinks:*"] = hash(frozenset(each.items()))
    keys.update(index.mentioned.prints())  # mentions:, count: and pages:, kept by key
    for source, quotes in index.citations.items():
        keys["citations:" + source] = hash(tuple((q.owner, q.id, q.match.paragraph, tuple(q.match.spans))
                                                 for q in quotes))
    for source, spans in linked.articles.items():
        keys["article:" + source] = hash(frozenset((p, tuple(s)) for p, s in spans.items()))
    for kind in ("actor", "agreement", "topic", "source"):
        keys["kind:" + kind] = hash(tuple(e.id for e in getattr(index.briefing, f"{kind}s")
                                          if index.owns(e) and not e.stub))
    keys["glossary"] = hash((store.front(index.briefing.glossary_path),
                             frozenset(source_keys.items())))
    abbreviations = linked.abbreviations
    titles = abbreviations.titles if abbreviations else {}
    keys["abbreviations"] = hash(frozenset(titles))
    for abbr, title in titles.items():
        keys["abbr:" + abbr] = hash(title)
    for path, changes in view.history.items():
        keys["history:" + path] = hash(tuple(changes))
    keys["site"] = hash((view.site.title, view.site.url, view.site.edit_url, view.history_note))
    return keys


def _quoted_sources(view: View) -> dict[str, set[str]]:
    """owner -> the sources its YAML text quotations were found in."""
    found: dict[str, set[str]] = defaultdict(set)
    for (owner, _), spans in view.index.text_quotes.items():
        found[owner].update(match.source for _, _, match in spans)
    return found


def _face(entity: Entity, store, quoted_sources, source_keys) -> int:
    """What other pages show of an entity: its front matter, and the sources its quotes
    sit in (their paragraphs give the quotes' places)."""
    if isinstance(entity, Source) or entity.stub:
        return store.front(entity.path)
    sources = {q.source for q in entity.quotes} | quoted_sources.get(entity.id, set())
    return hash((store.front(entity.path), frozenset((s, source_keys.get(s, 0)) for s in sources)))
