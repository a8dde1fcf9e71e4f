"""What the live preview keeps of the link stage between runs (Hugo-style dependencies).

Linking a brief's prose reads four things besides the brief itself: the sources (its
quotations and citations), the face of each entity it links to (name, kind, page: the
preview is a mark, filled in later, see `previews`),
the names that auto-link or resolve a wikilink, and the rules. A kept `EntityLink` is
replayed while the brief is the same object (its file unchanged, see `store`) and

* the rules are unchanged (otherwise every brief is linked again), and so are the
  sources it quotes or cites (their label and text; a quotation found elsewhere makes it
  depend on every source),
* no entity it links to changed its face, and
* no name that was added, removed or moved to another entity occurs in its text.

A brief whose linking reported a problem is always linked again: its messages may name
other entities ("did you mean …"), which this does not track.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .autolink import MentionMatcher
from .index import Index, name_key
from .linking import EntityLink
from .mentions import Mentions
from .model import Entity


@dataclass
class Context:
    """What every brief's linking depends on, in one run."""

    sources: dict[str, tuple]
    rules: tuple
    faces: dict[str, tuple]
    names: dict[str, str]  # name key or auto-linked name -> what it resolves to

    @classmethod
    def of(cls, index: Index, autolink: bool) -> "Context":
        # A source as linking reads it: its label, and its text (the search text is the same
        # object while the text is, see `Provenance.carried`).
        searches = index.provenance.searches
        sources = {s.id: (s.short_name, s.stub, searches.get(s.id)) for s in index.briefing.sources}
        # What a link shows of its target: the previews are marks, filled in later (`previews`).
        faces = {e.id: (e.kind, e.name, getattr(e, "short_name", ""), e.page, e.stub, e.id in index.conflicts)
                 for e in index.briefing.entities() if index.owns(e)}
        for term in index.briefing.glossary:
            faces["term:" + name_key(term.term)] = (term.term, term.anchor)
        names = {key: _owner(owner) for key, owner in index.by_name.items()}
        if autolink:
            names.update({"surface:" + name: i for name, i in index.surface.items()})
        return cls(sources, (autolink, tuple(sorted(index.problems.rules.items()))), faces, names)


def _owner(owner) -> str:
    return getattr(owner, "id", None) or "term:" + name_key(owner.term)


@dataclass
class LinkCache:
    links: dict[str, EntityLink] = field(default_factory=dict)
    folded: dict[str, str] = field(default_factory=dict)  # id -> name_key of its body
    context: Context | None = None
    matcher: MentionMatcher | None = None
    surface: dict[str, str] | None = None
    articles: dict = field(default_factory=dict)  # memo of `linking.link_articles`
    mentioned: Mentions = field(default_factory=Mentions)  # updated in place (`mentions`)
    # For this run: every kept link is invalid, or the faces and names that changed.
    _all: bool = True
    _faces: set[str] = field(default_factory=set)
    _sources: set[str] = field(default_factory=set)
    _names: list[str] = field(default_factory=list)

    def begin(self, index: Index, autolink: bool) -> MentionMatcher:
        """Compare this run's context with the last one's, and keep it; the matcher for
        this run."""
        self.context = self.compare(index, autolink)
        if not autolink:
            return MentionMatcher({})
        if self.matcher is None or self.surface != index.surface:
            self.matcher, self.surface = MentionMatcher(index.surface), dict(index.surface)
        return self.matcher

    def compare(self, index: Index, autolink: bool) -> Context:
        """Which kept links this run may replay: those no change since the kept context
        touches. Keeps nothing itself, so a run that renders nothing (`pipeline`, a failed
        preview run) leaves the next run to be compared with the last one that did."""
        now, before = Context.of(index, autolink), self.context
        self._all = before is None or before.rules != now.rules
        if not self._all:
            self._sources = changed_keys(before.sources, now.sources)
            self._faces = changed_keys(before.faces, now.faces)
            self._names = [k.removeprefix("surface:") for k in changed_keys(before.names, now.names)]
            self._names = [name_key(n) for n in self._names]
        return now

    def get(self, entity: Entity) -> EntityLink | None:
        done = self.links.get(entity.id)
        if done is None or done.entity is not entity or self._all:
            return None
        if done.problems or done.prose.errors or done.prose.mentions & self._faces:
            return None
        if self._sources and (done.sources & self._sources or done.anywhere):
            return None
        if self._names:
            folded = self.folded.get(entity.id)
            if folded is None:
                folded = self.folded[entity.id] = name_key(entity.body)
            if any(name in folded for name in self._names):
                return None
        return done

    def put(self, done: EntityLink) -> None:
        self.links[done.entity.id] = done
        self.folded.pop(done.entity.id, None)

    def end(self, index: Index) -> None:
        """Forget the briefs that are gone."""
        for gone in self.links.keys() - index.by_id.keys():
            del self.links[gone]
            self.folded.pop(gone, None)


def changed_keys(before: dict, now: dict) -> set[str]:
    """The keys whose values differ between two runs' tables (added and removed ones too)."""
    return {k for k in before.keys() | now.keys() if before.get(k) != now.get(k)}
