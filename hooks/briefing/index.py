"""Stage 3, index: one pass over the model that resolves every reference.

It builds the id and name registries, checks that every id names an entity of the right
kind, verifies every quote against its source, and records every relation in both
directions (backlinks). Each step is a loop over the corpus with dictionary lookups, so
the cost is linear in the size of the briefing.

One mistake gives one error: a brief that could not be read still holds its id (a stub,
see `validate`), so references to it resolve; an id or a name claimed twice is reported
on every file that claims it, and references to it raise nothing more.
"""
from __future__ import annotations

import difflib
import functools
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Actor, Agreement, Briefing, Entity, GlossaryTerm, Quote, Reference, Source, Topic
from .mentions import Mentions
from .normalize import normalize_text
from .previews import mark
from .problems import Problems, did_you_mean
from .prose import Mention, Target, Verdict
from .quotes import Provenance, label
from .sources import SearchText, word_at

# Relation type -> (label on the subject's page, label on the object's page).
RELATIONS = {
    "party": ("Parties", "Party to"),
    "signatory": ("Signatories", "Signed"),
    "mediator": ("Mediators", "Mediated"),
    "topic-actor": ("Actors", "Involved in"),
    "topic-agreement": ("Agreements", "Discussed in"),
    "role": ("Role in", "Roles held here"),
    "country": ("Country", "Based here"),
    "speaker": ("Quotes", "Quoted in"),
    "event": ("Events", "Events"),
}


# Cyrillic and Greek letters that look like Latin ones: "Vals\u043ej" must collide with "Valsoj".
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051b\u051d\u04bb"
    "\u03bf\u03b1\u03b5\u03b9\u03ba\u03bd\u03c1\u03c4\u03c5\u03c7",
    "aeopcyxijsdqwh" "oaeiknptux")


@functools.lru_cache(maxsize=1 << 16)  # every name, every run of the live preview
def name_key(text: str) -> str:
    """Names collide when equal after NFKC, case folding, spacing and look-alike letters."""
    folded = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return folded.translate(_LOOKALIKES)


def _an(noun: str) -> str:
    return ("an " if noun[:1] in "aeiou" else "a ") + noun


@dataclass
class Backlink:
    relation: str  # a key of RELATIONS
    subject: str  # the id of the entity whose field makes the link
    detail: str | None = None  # e.g. the role title
    # Hashed once: the live preview fingerprints every backlink after each run, and
    # replays most of them unchanged (`relatecache`).
    shown: int = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        self.shown = hash((self.relation, self.subject, self.detail))


@dataclass
class Index:
    briefing: Briefing
    problems: Problems
    by_id: dict[str, Entity] = field(default_factory=dict)
    by_name: dict[str, Entity | GlossaryTerm] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)  # auto-linked name/alias -> id
    backlinks: dict[str, list[Backlink]] = field(default_factory=lambda: defaultdict(list))
    mentioned: Mentions = field(default_factory=Mentions)  # who mentions whom (`mentions`)
    citations: dict[str, list[Quote]] = field(default_factory=lambda: defaultdict(list))
    provenance: Provenance = field(default_factory=lambda: Provenance({}))
    quotes_by_owner: dict[str, dict[str, Quote]] = field(default_factory=dict)
    broken_quotes: dict[str, set[str]] = field(default_factory=dict)  # ids of unreadable quotes
    conflicts: set[str] = field(default_factory=set)  # ids claimed by more than one file
    targets: dict[str, Target] = field(default_factory=dict)  # memo: one Target per id
    memo: dict = field(default_factory=dict)  # memo: wikilink target text -> resolution
    speakers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # memo: the names of each speaker
    # (owner id, text) -> [(start, end, match)] for quotations in YAML text fields
    text_quotes: dict[tuple[str, str], list] = field(default_factory=dict)
    cited_paragraphs: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    recording: "Related | None" = None  # what relating the current entity adds (`relate`)
    _owners: list[Entity] | None = field(default=None, repr=False)  # memo of `entities`

    @property
    def searches(self) -> dict[str, SearchText]:
        return self.provenance.searches

    @property
    def mentions(self) -> dict[str, set[str]]:
        """id or 'term:<key>' -> the pages that mention it."""
        return self.mentioned.pages

    @property
    def snippets(self) -> dict[str, dict[str, Mention]]:
        """id or 'term:<key>' -> page -> the first mention there."""
        return self.mentioned.snippets

    # -- the Resolver protocol used by prose linking ------------------------------------
    def target(self, entity_id: str) -> Target:
        found = self.targets.get(entity_id)
        if found is None:
            found = self.targets[entity_id] = self._target(entity_id)
        return found

    def _target(self, entity_id: str) -> Target:
        if entity_id.startswith("term:"):
            term = self.by_name[entity_id[5:]]
            return Target(entity_id, "glossary.md", term.anchor, term.term, mark(entity_id))
        entity = self.by_id[entity_id]
        is_source = isinstance(entity, Source)
        name = entity.short_name if is_source else entity.name
        return Target(entity.id, entity.page, "", name, mark(entity.id), is_source)

    def resolve(self, text: str) -> Target | None:
        if text in self.by_id:
            return self.target(text)
        found = self.by_name.get(name_key(text))
        if isinstance(found, GlossaryTerm):
            return self.target("term:" + name_key(found.term))
        return self.target(found.id) if found else None

    def has_anchor(self, target: Target) -> bool:
        entity = self.by_id.get(target.id)
        if entity is None or entity.stub or target.id in self.conflicts:
            return True  # the root cause is reported on the file itself
        if isinstance(entity, Source) and target.anchor.startswith("p"):
            number = target.anchor[1:]
            return number.isdigit() and 1 <= int(number) <= len(entity.paragraphs)
        return False

    def paragraph_count(self, entity_id: str) -> int | None:
        """How many numbered paragraphs a source has; None for what is not a source."""
        entity = self.by_id.get(entity_id)
        return len(entity.paragraphs) if isinstance(entity, Source) else None

    def suggest(self, text: str) -> list[str]:
        names = {**{i: i for i in self.by_id}, **{k: self._label(v) for k, v in self.by_name.items()}}
        close = difflib.get_close_matches(name_key(text), list(names), n=3, cutoff=0.6)
        seen, out = set(), []
        for key in close:
            shown = names[key]
            if shown not in seen:
                seen.add(shown)
                out.append(f"[[{shown}]]")
        return out

    @staticmethod
    def _label(value) -> str:
        return value.term if isinstance(value, GlossaryTerm) else value.id

    def owns(self, entity: Entity) -> bool:
        """False for the second of two entities with one id (reported, and left out)."""
        return self.by_id.get(entity.id) is entity

    def mentioned_in(self, key: str) -> list[Entity]:
        """The entities whose pages mention `key` (an id, or 'term:<key>'), by page path;
        hand-written docs pages are left out."""
        owners = []
        for page in sorted(self.mentions.get(key, ())):
            owner = self.by_id.get(page.rsplit("/", 1)[-1][:-3])
            if owner is not None and owner.page == page:
                owners.append(owner)
        return owners

    def entities(self) -> list[Entity]:
        """Every entity that owns its id, in file order: worked out once the ids are
        registered (every stage asks, several times a run). Not to be changed by callers."""
        if self._owners is None:
            self._owners = [e for e in self.briefing.entities() if self.owns(e)]
        return self._owners

    def names_in(self, text: str) -> list[str]:
        """The names of the entities a text names, in the order it names them. The error path
        only: a plain look for each name, not the compiled matcher of every name."""
        folded = text.casefold()
        found: dict[str, int] = {}
        for name, entity_id in self.surface.items():
            at = word_at(folded, name.casefold())
            if at >= 0 and entity_id not in found:
                found[entity_id] = at
        return [self.by_id[i].name for i in sorted(found, key=found.get)]

    # -- building -------------------------------------------------------------------------
    def add_ids(self) -> None:
        claims: dict[str, list[Entity]] = defaultdict(list)
        for entity in self.briefing.entities():
            claims[entity.id].append(entity)
        self._owners = None
        for entity_id, claimants in claims.items():
            self.by_id[entity_id] = claimants[0]
            if len(claimants) < 2:
                continue
            self.conflicts.add(entity_id)
            for entity in claimants:
                others = " and ".join(o.path for o in claimants if o is not entity)
                self.problems.add(entity.path, 1, f"duplicate id '{entity_id}': {others} uses it too",
                                  "ids are unique across actors, agreements, topics and sources; "
                                  "rename one of the files")

    def add_names(self) -> None:
        claims: dict[str, list[tuple[object, str, str, int]]] = defaultdict(list)
        for entity in self.entities():
            for name, where in [(entity.name, "name")] + [(a, "aliases") for a in entity.aliases] \
                    + ([(entity.abbreviation, "abbreviation")] if entity.abbreviation else []):
                claims[name_key(name)].append((entity, name, entity.path, entity.line_of(where)))
        for term in self.briefing.glossary:
            for name in [term.term, *term.aliases] + ([term.abbreviation] if term.abbreviation else []):
                claims[name_key(name)].append((term, name, self.briefing.glossary_path, term.line))
        for key, claimants in claims.items():
            owner = claimants[0][0]
            self.by_name[key] = owner
            if len(claimants) > 1 and any(c[0] is not owner for c in claimants):
                self._collision(claimants)
                continue
            if isinstance(owner, Entity) and not isinstance(owner, Source) and not owner.stub:
                # Every claimant's name has this key, so the key decides for all of them.
                excluded = owner.no_autolink and key in {name_key(n) for n in owner.no_autolink}
                if not excluded:
                    for _, name, _, _ in claimants:
                        self.surface[name] = owner.id

    def _collision(self, claimants) -> None:
        """A name claimed by several entities or terms: reported on each, naming the others."""
        for owner, name, path, line in claimants:
            others = [f"'{self._label(o)}' ({p})" for o, _, p, _ in claimants if o is not owner]
            if not others:
                continue
            self.problems.add(path, line, f"the name or alias '{name}' is also used by "
                              + ", ".join(dict.fromkeys(others)),
                              "names and aliases must be unique; remove or change one")

    def check_ref(self, entity: Entity, ref: Reference | None, kinds: tuple[str, ...],
                  actor_type: str | None = None) -> bool:
        """Whether `ref` names an entity of one of `kinds`; if not, the problem, at the id."""
        if ref is None:
            return False
        target, what, line = ref.target, ref.label, ref.line
        if self.recording is not None:
            self.recording.reads.add(target)
        found = self.by_id.get(target)
        expected = actor_type or " or ".join(kinds)
        if found is None:
            pool = [i for i, e in self.by_id.items() if e.kind in kinds]
            self.problems.add(entity.path, line, f"{what} names '{target}', but there is no "
                              f"{expected} with that id",
                              self._renamed_hint(target, kinds) or did_you_mean(target, pool)
                              or _create_hint(kinds[0], target),
                              field=ref.field, col=ref.col)
            return False
        if target in self.conflicts or found.stub:
            return False  # the root cause is reported on the file itself
        if found.kind not in kinds or (actor_type and found.type and found.type != actor_type):
            actual = (found.type or "actor") if found.kind == "actor" else found.kind
            self.problems.add(entity.path, line, f"{what} must name {_an(expected)}, but "
                              f"'{target}' is {_an(actual)}", f"use the id of {_an(expected)}",
                              field=ref.field, col=ref.col)
            return False
        return bool(not actor_type or found.type)

    def _renamed_hint(self, target: str, kinds: tuple[str, ...]) -> str:
        """A missing id that is the name or an alias of a brief (one renamed, most often):
        point at its id, not at `briefing new … --id`, which would make a second brief."""
        named = self.by_name.get(name_key(target))
        if isinstance(named, Entity) and named.kind in kinds and named.id != target:
            return f"'{target}' is a name of '{named.id}' ({named.path}); use its id, '{named.id}'"
        return ""

    def link(self, relation: str, subject: Entity, ref: Reference | None, kinds=("actor",),
             detail: str | None = None, actor_type: str | None = None) -> None:
        if self.check_ref(subject, ref, kinds, actor_type):
            self.add_backlink(ref.target, Backlink(relation, subject.id, detail))

    def add_backlink(self, target: str, backlink: Backlink) -> None:
        self.backlinks[target].append(backlink)
        if self.recording is not None:
            self.recording.backlinks.append((target, backlink))

    def add_citation(self, quote: Quote) -> None:
        self.citations[quote.source].append(quote)
        if self.recording is not None:
            self.recording.citations.append(quote)

    def own_sources(self, entity: Entity) -> list[str]:
        """The sources a brief quotes: the second place its quotations are looked for."""
        return list(dict.fromkeys(q.source for q in entity.quotes))


def _create_hint(kind: str, target: str) -> str:
    if kind == "source":
        return (f"add the source with `briefing import-source FILE --id {target}` "
                "(it writes seeds/<id>.txt and .yaml), or fix the id")
    return f"create it with `briefing new {kind} \"Name\" --id {target}`, or fix the id"


@dataclass
class Verifier:
    """Verifies one page's inline quotations, for the prose linker."""

    index: Index
    own: list[str]
    path: str
    fields: bool = False

    def verify(self, words: str, cited: dict[str, set[int]]) -> Verdict:
        return self.index.provenance.verify(words, cited, self.own, self.path, self.fields)

    def link(self, from_page: str, match) -> tuple[str, str]:
        return self.index.provenance.link(from_page, match)


# -- relations --------------------------------------------------------------------------

def _actor_relations(index: Index, actor: Actor) -> None:
    index.link("country", actor, actor.reference(actor.country, ("country",)), actor_type="state")
    for role in actor.roles:
        index.link("role", actor, actor.reference(role.of, role.where + ("of",)), detail=role.title)


def _agreement_relations(index: Index, agreement: Agreement) -> None:
    for relation, field_name, ids in (("party", "parties", agreement.parties),
                                      ("signatory", "signatories", agreement.signatories),
                                      ("mediator", "mediators", agreement.mediators)):
        for actor_id in ids:
            index.link(relation, agreement, agreement.reference(actor_id, (field_name,)))


def _quote_ids(index: Index, entity: Entity) -> set[str]:
    return set(index.quotes_by_owner.get(entity.id, {})) | index.broken_quotes.get(entity.id, set())


def _topic_relations(index: Index, topic: Topic) -> None:
    quote_ids = _quote_ids(index, topic)
    for member in topic.actors:
        where = topic.reference(member.id, ("actors",), member.where + ("id",))  # either form
        index.link("topic-actor", topic, where, detail=member.role)
    for agreement_id in topic.agreements:
        index.link("topic-agreement", topic, topic.reference(agreement_id, ("agreements",)),
                   kinds=("agreement",))
    for judgment in topic.judgments:
        for qid in judgment.quotes:
            if qid not in quote_ids:
                _unknown_quote(index, topic, "judgment", topic.reference(qid, judgment.where + ("quotes",)),
                               quote_ids)
    for event in topic.events:
        for actor_id in event.actors:
            index.link("event", topic, topic.reference(actor_id, event.where + ("actors",)))
        if event.quote and event.quote not in quote_ids:
            _unknown_quote(index, topic, "event", topic.reference(event.quote, event.where + ("quote",)),
                           quote_ids)


def _unknown_quote(index: Index, topic: Topic, what: str, ref: Reference, quote_ids) -> None:
    """A judgment's or an event's quote id that is not in the brief, reported at the id."""
    index.problems.add(topic.path, ref.line, f"the {what} cites quote '{ref.target}', which is not in "
                       "this brief's 'quotes'", did_you_mean(ref.target, quote_ids) or
                       "give the quote an 'id' and cite that id", field=ref.field,
                       col=ref.col)


def _verify_quotes(index: Index, entity: Entity) -> None:
    provenance = index.provenance
    for quote in entity.quotes:
        if index.check_ref(entity, entity.reference(quote.speaker, quote.where + ("speaker",)), ("actor",)):
            index.add_backlink(quote.speaker, Backlink("speaker", entity.id, quote.id))
        if not index.check_ref(entity, entity.reference(quote.source, quote.where + ("source",)),
                               ("source",)):
            continue
        quote.match = provenance.locate(quote)
        if quote.match is None:
            failure = provenance.explain(quote, entity.path)
            index.problems.add(entity.path, quote.line, failure.message, failure.hint, "quotes.text",
                               col=quote.col)
            continue
        problem = provenance.quote_elision(quote)
        if problem:
            index.problems.add(entity.path, quote.line, problem, field="quotes.text", col=quote.col)
            quote.match = None
            continue
        if quote.speaker and quote.speaker in index.by_id and not _speaker_named(index, quote):
            quote.match = None
            continue
        index.add_citation(quote)


def speaker_names(actor: Entity) -> list[str]:
    """The names that identify a speaker in a source: name, aliases, abbreviation and, for
    a person, the surname."""
    names = [actor.name, *actor.aliases] + ([actor.abbreviation] if actor.abbreviation else [])
    if getattr(actor, "type", None) == "person":
        surname = actor.name.split()[-1]
        if len(surname) >= 3:
            names.append(surname)
    return [n for n in names if n.strip()]


def _speaker_named(index: Index, quote: Quote) -> bool:
    """A quote's speaker is named in the paragraph that holds it, or in the one before."""
    speaker = index.by_id[quote.speaker]
    search = index.searches[quote.source]
    names = index.speakers.get(speaker.id)
    if names is None:
        names = index.speakers[speaker.id] = tuple(normalize_text(n).casefold() for n in speaker_names(speaker))
    number = quote.match.paragraph
    if any(search.names_any(names, at) for at in (number - 1, number - 2) if at >= 0):
        return True
    source = search.source
    named = index.names_in(source.paragraphs[number - 1].text)
    listed = ", ".join(named[:8]) + (", …" if len(named) > 8 else "")
    index.problems.add(quote.owner_path, quote.line, f"speaker '{quote.speaker}' is not named near "
                       f"this quote ({label(source, number)} names: {listed})"
                       if named else f"speaker '{quote.speaker}' is not named near this quote "
                       f"({label(source, number)} names no actor)",
                       "check 'speaker': it must be named in the quote's paragraph or the one "
                       "before; otherwise drop it", "quotes.speaker", col=quote.col)
    return False


def build_index(briefing: Briefing, problems: Problems) -> Index:
    index = register(briefing, problems)
    for entity in index.entities():
        relate(index, entity)
    check_glossary(index)
    return index


def register(briefing: Briefing, problems: Problems, kept: Provenance | None = None) -> Index:
    """The registries every later step looks things up in: ids, names, source texts and
    each brief's quotes by id. `kept`: the last run's provenance, whose search texts are
    reused for the sources whose text did not change (`Provenance.carried`)."""
    index = Index(briefing, problems)
    index.add_ids()
    index.add_names()
    index.provenance = Provenance.carried(kept, [s for s in briefing.sources if not s.stub])
    for entity in index.entities():  # a duplicate id must not replace the owner's quotes
        index.quotes_by_owner[entity.id] = {q.id: q for q in entity.quotes}
        if entity.broken_quotes:
            index.broken_quotes[entity.id] = set(entity.broken_quotes)
    return index


@dataclass
class Related:
    """What relating one entity added to the index, and the ids whose records it read:
    the live preview replays it while none of them changed (`relatecache`)."""

    entity: Entity
    reads: set[str] = field(default_factory=set)
    backlinks: list[tuple[str, Backlink]] = field(default_factory=list)
    citations: list[Quote] = field(default_factory=list)
    matches: list = field(default_factory=list)  # each quote's match, in order
    clean: bool = True  # it reported no problem (a message may name other entities)

    def replay(self, index: Index) -> None:
        for target, backlink in self.backlinks:
            index.backlinks[target].append(backlink)
        for quote in self.citations:
            index.citations[quote.source].append(quote)
        for quote, match in zip(self.entity.quotes, self.matches):
            quote.match = match


def relate_recorded(index: Index, entity: Entity) -> Related:
    """`relate`, and what it added."""
    index.recording = done = Related(entity)
    before = len(index.problems.items)
    try:
        relate(index, entity)
    finally:
        index.recording = None
    done.matches = [q.match for q in entity.quotes]
    done.clean = len(index.problems.items) == before
    return done


def relate(index: Index, entity: Entity) -> None:
    """Verify one entity's quotes and record its relations. Needs only the registries,
    so entities can be related in any order, or in separate processes (`workers`)."""
    if entity.stub:
        return
    _verify_quotes(index, entity)
    if isinstance(entity, Actor):
        _actor_relations(index, entity)
    elif isinstance(entity, Agreement):
        _agreement_relations(index, entity)
    elif isinstance(entity, Topic):
        _topic_relations(index, entity)


def check_glossary(index: Index) -> None:
    """Every glossary 'see' names an entity."""
    briefing = index.briefing
    for term in briefing.glossary:
        for target in term.see:
            if target not in index.by_id:
                at = term.see_references.get(target)
                index.problems.add(briefing.glossary_path, at.line if at else term.line,
                                   f"the term '{term.term}' has 'see: {target}', but no entity "
                                   "has that id", did_you_mean(target, index.by_id)
                                   or "use the id of an actor, agreement, topic or source",
                                   field="see", col=at.col if at else 1)
