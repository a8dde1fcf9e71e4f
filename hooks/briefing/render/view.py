"""What the renderers may read, and the record of what each page did read.

Every renderer reads the briefing through a `View`, never through the index directly. While
a page renders, the view notes a key for everything it hands out ("face:ana-costa",
"backlinks:ana-costa", "kind:actor", …). The pipeline keeps each page's keys, fingerprints every
key after each run, and re-renders a page only when one of its keys changed: the live
preview's dependency record is what the page actually read, so it cannot miss one.

Keys:
  face:<id>        an entity's fields (its front matter: name, summary, type, quotes, …)
  name:<id>        what a link to it shows: its name, kind, type and page
  place:<id>       where a section page lists it: its group and its place in the group
  prose:<page>     a page's linked prose
  backlinks:<id>   the relations that point at an entity
  mentions:<key>   the mentions of an entity or term (contextual backlinks)
  pages:<key>      the pages that mention an entity or term
  count:<key>      how many mentions it has
  citations:<id>   the quotes of a source, with where they sit
  article:<id>     a source's linked article text
  kind:<kind>      which entities a kind has, in order
  glossary         the glossary terms
  abbreviations    which abbreviations there are (not what they stand for)
  abbr:<ABBR>      what one abbreviation stands for
  history:<path>   a file's dated changes (git)
  site             the site's own settings (title, address)
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..index import Backlink, Index
from ..linking import Linked
from ..model import Entity, GlossaryTerm, Quote
from ..prose import LinkedProse, Mention


@dataclass
class SiteInfo:
    """What the engine knows and the core needs: the site's name and address."""

    title: str = "Briefing"
    url: str = ""  # the published address, '' when unknown
    edit_url: str = ""  # e.g. https://github.com/o/r/edit/main/{path}


@dataclass
class View:
    index: Index
    linked: Linked
    site: SiteInfo = field(default_factory=SiteInfo)
    history: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    history_note: str = ""  # why the history is incomplete, e.g. a shallow clone
    reads: set[str] | None = None
    changed: set[str] = field(default_factory=set)  # the keys whose fingerprint changed
    kept: dict[str, tuple[frozenset[str], object]] | None = None  # the page's last parts
    made: dict[str, tuple[frozenset[str], object]] | None = None  # its parts in this render
    # A run's lists of entities, made once for every page that asks: (entities, the keys
    # a page that lists them reads). Several long pages list every entity of a kind.
    listed: dict[str, tuple[list[Entity], frozenset[str]]] = field(default_factory=dict)
    # What a renderer works out from such a list, once a run (e.g. a kind's groups): each
    # page that uses it still reads the list itself.
    derived: dict = field(default_factory=dict)

    # -- recording ---------------------------------------------------------------------
    def begin(self, kept: dict | None = None) -> None:
        """Start a page's record; `kept`: the parts its last render made (see `part`)."""
        self.reads = set()
        self.kept, self.made = kept, ({} if kept is not None else None)

    def end(self) -> frozenset[str]:
        reads, self.reads = self.reads or set(), None
        return frozenset(reads)

    def _read(self, key: str) -> None:
        if self.reads is not None:
            self.reads.add(key)

    def part(self, key: str, make):
        """`make()`, a piece of a long page (one glossary entry of thousands), kept with
        what it read: the page's next render reuses it while none of those keys changed.
        A page that is not rendered again keeps its parts; one that is keeps only the
        parts it asked for, so a part is never older than the keys it was checked against."""
        if self.made is None:
            return make()
        found = self.kept.get(key)
        if found is None or found[0] & self.changed:
            outer, self.reads = self.reads, set()
            try:
                value = make()
            finally:
                inner, self.reads = self.reads, outer
            found = (frozenset(inner), value)
        self.reads |= found[0]
        self.made[key] = found
        return found[1]

    # -- entities --------------------------------------------------------------------
    def face(self, entity_id: str) -> Entity | None:
        """An entity's record; the page then shows its fields."""
        self._read("face:" + entity_id)
        return self.index.by_id.get(entity_id)

    def named(self, entity_id: str) -> Entity | None:
        """An entity to link to: the page shows its name, kind and address only (its
        preview is filled in after rendering, see `previews`)."""
        self._read("name:" + entity_id)
        return self.index.by_id.get(entity_id)

    def of_kind(self, kind: str, read: str = "face") -> list[Entity]:
        """Every entity of a kind that owns its id, in file order. What the page reads of
        each: its face, or only its `name` (a page that lists names), or its `place` (a
        section page that sorts them into groups and shows only its own group's)."""
        found = self.listed.get(f"{read}:{kind}")
        if found is None:
            entities = [e for e in getattr(self.index.briefing, f"{kind}s")
                        if self.index.owns(e) and not e.stub]
            keys = frozenset(["kind:" + kind, *(f"{read}:{e.id}" for e in entities)])
            found = self.listed[f"{read}:{kind}"] = (entities, keys)
        return self._listing(found)

    def everything(self, read: str = "face") -> list[Entity]:
        """Every entity of every kind, by id (`of_kind`)."""
        found = self.listed.get(read + ":*")
        if found is None:
            kinds = ("actor", "agreement", "topic", "source")
            entities = sorted((e for kind in kinds for e in self.of_kind(kind, read)), key=lambda e: e.id)
            keys = frozenset().union(*(self.listed[f"{read}:{k}"][1] for k in kinds))
            found = self.listed[read + ":*"] = (entities, keys)
        return self._listing(found)

    def _listing(self, found: tuple[list[Entity], frozenset[str]]) -> list[Entity]:
        if self.reads is not None:
            self.reads |= found[1]
        return list(found[0])  # the caller's own list: it may sort it

    def prose(self, page: str) -> LinkedProse | None:
        self._read("prose:" + page)
        return self.linked.prose.get(page)

    def footer(self, page: str) -> str:
        """The definitions of the abbreviations a page's Markdown prose uses, for the
        engine's abbr extension: the page reads the ones it uses, not every one."""
        prose, abbreviations = self.prose(page), self.linked.abbreviations
        if prose is None or abbreviations is None:
            return ""
        self._read("abbreviations")
        used = abbreviations.used(prose.markdown, page)
        for abbr in used:
            self.abbreviation(abbr)
        return abbreviations.footer(used)

    def abbreviation(self, abbr: str) -> None:
        """Note that the page shows what `abbr` stands for."""
        self._read("abbr:" + abbr)

    def backlinks(self, entity_id: str) -> list[Backlink]:
        self._read("backlinks:" + entity_id)
        return self.index.backlinks.get(entity_id, [])

    def all_backlinks(self) -> dict[str, list[Backlink]]:
        self._read("backlinks:*")
        return self.index.backlinks

    def mentions(self, key: str) -> list[Mention]:
        """The mentions of `key` (an id, or 'term:<key>'), one per mentioning page, by page."""
        self._read("mentions:" + key)
        return sorted(self.index.snippets.get(key, {}).values(), key=lambda m: m.page)

    def mention_count(self, key: str) -> int:
        self._read("count:" + key)
        return len(self.index.snippets.get(key, ()))

    def mentioning_pages(self, key: str) -> list[str]:
        """The pages that mention `key`, by path: a list that changes less often than
        their sentences (`mentions`)."""
        self._read("pages:" + key)
        return sorted(self.index.mentions.get(key, ()))

    def citations(self, source_id: str) -> list[Quote]:
        self._read("citations:" + source_id)
        return self.index.citations.get(source_id, [])

    def article(self, source_id: str):
        self._read("article:" + source_id)
        return self.linked.articles.get(source_id, {})

    def glossary(self) -> list[GlossaryTerm]:
        self._read("glossary")
        return self.index.briefing.glossary

    def quote(self, owner: str, qid: str | None) -> Quote | None:
        """A brief's own verified quote `qid`."""
        self._read("face:" + owner)
        quote = self.index.quotes_by_owner.get(owner, {}).get(qid or "")
        return quote if quote is not None and quote.match is not None else None

    def text_quotes(self, owner: str, text: str) -> list:
        self._read("face:" + owner)
        return self.index.text_quotes.get((owner, text), [])

    def changes(self, path: str) -> list[tuple[str, str]]:
        self._read("history:" + path)
        return self.history.get(path, [])

    def site_info(self) -> SiteInfo:
        self._read("site")
        return self.site

    def resolve_term(self, key: str) -> GlossaryTerm | None:
        self._read("glossary")
        found = self.index.by_name.get(key)
        return found if isinstance(found, GlossaryTerm) else None
