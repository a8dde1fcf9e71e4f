"""Stage 3, index: one pass over the model that resolves every reference.

It builds the id and name registries, checks that every id names an entity of the right
kind, verifies every quote against its source, and records every relation in both
directions (backlinks). Each step is a loop over the corpus with dictionary lookups, so
the cost is linear in the size of the briefing.
"""
from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from .model import Actor, Agreement, Briefing, Entity, GlossaryTerm, Quote, Source, Topic
from .problems import Problems, did_you_mean
from .prose import Target
from .quotes import explain, locate
from .sources import SearchText

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


# Cyrillic and Greek letters that look like Latin ones: "Rus\u0455ia" must collide with "Russia".
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u051b\u051d\u04bb"
    "\u03bf\u03b1\u03b5\u03b9\u03ba\u03bd\u03c1\u03c4\u03c5\u03c7",
    "aeopcyxijsdqwh" "oaeiknptux")


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


@dataclass
class Index:
    briefing: Briefing
    problems: Problems
    by_id: dict[str, Entity] = field(default_factory=dict)
    by_name: dict[str, Entity | GlossaryTerm] = field(default_factory=dict)
    surface: dict[str, str] = field(default_factory=dict)  # auto-linked name/alias -> id
    backlinks: dict[str, list[Backlink]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # id -> pages
    citations: dict[str, list[Quote]] = field(default_factory=lambda: defaultdict(list))
    searches: dict[str, SearchText] = field(default_factory=dict)
    quotes_by_owner: dict[str, dict[str, Quote]] = field(default_factory=dict)
    targets: dict[str, Target] = field(default_factory=dict)  # memo: one Target per id

    # -- the Resolver protocol used by prose linking ------------------------------------
    def target(self, entity_id: str) -> Target:
        found = self.targets.get(entity_id)
        if found is None:
            found = self.targets[entity_id] = self._target(entity_id)
        return found

    def _target(self, entity_id: str) -> Target:
        if entity_id.startswith("term:"):
            term = self.by_name[entity_id[5:]]
            return Target(entity_id, "glossary.md", term.anchor, term.term)
        entity = self.by_id[entity_id]
        name = entity.short_name if isinstance(entity, Source) else entity.name
        return Target(entity.id, entity.page, "", name)

    def resolve(self, text: str) -> Target | None:
        if text in self.by_id:
            return self.target(text)
        found = self.by_name.get(name_key(text))
        if isinstance(found, GlossaryTerm):
            return self.target("term:" + name_key(found.term))
        return self.target(found.id) if found else None

    def has_anchor(self, target: Target) -> bool:
        entity = self.by_id.get(target.id)
        if isinstance(entity, Source) and target.anchor.startswith("p"):
            number = target.anchor[1:]
            return number.isdigit() and 1 <= int(number) <= len(entity.paragraphs)
        return False

    def suggest(self, text: str) -> list[str]:
        names = {**{i: i for i in self.by_id}, **{k: self._label(v) for k, v in self.by_name.items()}}
        close = difflib.get_close_matches(name_key(text), list(names), n=3, cutoff=0.6)
        seen, out = set(), []
        for key in close:
            label = names[key]
            if label not in seen:
                seen.add(label)
                out.append(f"[[{label}]]")
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
        """Every entity that owns its id."""
        return [e for e in self.briefing.entities() if self.owns(e)]

    # -- building -------------------------------------------------------------------------
    def add_ids(self) -> None:
        for entity in self.briefing.entities():
            other = self.by_id.get(entity.id)
            if other is not None:
                self.problems.add(entity.path, 1, f"duplicate id '{entity.id}': {other.path} "
                                  "already uses it", "ids are unique across actors, agreements, "
                                  "topics and sources; rename one of the files")
                continue
            self.by_id[entity.id] = entity

    def add_names(self) -> None:
        for entity in self.entities():
            excluded = {name_key(n) for n in entity.no_autolink}
            for name, where in [(entity.name, "name")] + [(a, "aliases") for a in entity.aliases] \
                    + ([(entity.abbreviation, "abbreviation")] if entity.abbreviation else []):
                if self._claim(name, entity, entity.path, entity.line_of(where)) \
                        and name_key(name) not in excluded and not isinstance(entity, Source):
                    self.surface[name] = entity.id
        for term in self.briefing.glossary:
            for name in [term.term, *term.aliases] + ([term.abbreviation] if term.abbreviation else []):
                self._claim(name, term, self.briefing.glossary_path, term.line)

    def _claim(self, name: str, owner, path: str, line: int) -> bool:
        key = name_key(name)
        other = self.by_name.get(key)
        if other is None:
            self.by_name[key] = owner
            return True
        if other is not owner:
            where = other.path if isinstance(other, Entity) else self.briefing.glossary_path
            self.problems.add(path, line, f"the name or alias '{name}' is already used by "
                              f"'{self._label(other)}' ({where})",
                              "names and aliases must be unique; remove or change one")
        return False

    def check_ref(self, entity: Entity, target: str | None, kinds: tuple[str, ...], line: int,
                  what: str, actor_type: str | None = None) -> bool:
        if target is None:
            return False
        found = self.by_id.get(target)
        expected = actor_type or " or ".join(kinds)
        if found is None:
            pool = [i for i, e in self.by_id.items() if e.kind in kinds]
            self.problems.add(entity.path, line, f"'{what}' names '{target}', but there is no "
                              f"{expected} with that id",
                              did_you_mean(target, pool)
                              or f"create briefs/{kinds[0]}s/{target}.md or fix the id",
                              field=what)
            return False
        if found.kind not in kinds or (actor_type and getattr(found, "type", None) != actor_type):
            actual = getattr(found, "type", found.kind) if found.kind == "actor" else found.kind
            self.problems.add(entity.path, line, f"'{what}' must name {_an(expected)}, but "
                              f"'{target}' is {_an(actual)}", f"use the id of {_an(expected)}", field=what)
            return False
        return True

    def link(self, relation: str, subject: Entity, obj: str, line: int, field_name: str,
             kinds=("actor",), detail: str | None = None, actor_type: str | None = None) -> None:
        if self.check_ref(subject, obj, kinds, line, field_name, actor_type):
            self.backlinks[obj].append(Backlink(relation, subject.id, detail))


def _actor_relations(index: Index, actor: Actor) -> None:
    index.link("country", actor, actor.country, actor.line_of("country"), "country",
               actor_type="state")
    for role in actor.roles:
        index.link("role", actor, role.of, role.line, "roles.of", detail=role.title)


def _agreement_relations(index: Index, agreement: Agreement) -> None:
    for relation, field_name, ids in (("party", "parties", agreement.parties),
                                      ("signatory", "signatories", agreement.signatories),
                                      ("mediator", "mediators", agreement.mediators)):
        for actor_id in ids:
            index.link(relation, agreement, actor_id, agreement.line_of(field_name), field_name)


def _topic_relations(index: Index, topic: Topic) -> None:
    quote_ids = index.quotes_by_owner.get(topic.id, {})
    for member in topic.actors:
        index.link("topic-actor", topic, member.id, member.line, "actors", detail=member.role)
    for agreement_id in topic.agreements:
        index.link("topic-agreement", topic, agreement_id, topic.line_of("agreements"),
                   "agreements", kinds=("agreement",))
    for judgment in topic.judgments:
        for qid in judgment.quotes:
            if qid not in quote_ids:
                index.problems.add(topic.path, judgment.line, f"the judgment cites quote '{qid}', "
                                   "which is not in this brief's 'quotes'",
                                   "give the quote an 'id' and cite that id", field="judgments.quotes")
    for event in topic.events:
        for actor_id in event.actors:
            index.link("event", topic, actor_id, event.line, "events.actors")
        if event.quote and event.quote not in quote_ids:
            index.problems.add(topic.path, event.line, f"the event cites quote '{event.quote}', "
                               "which is not in this brief's 'quotes'",
                               "give the quote an 'id' and cite that id", field="events.quote")


def _verify_quotes(index: Index, entity: Entity) -> None:
    for quote in entity.quotes:
        if index.check_ref(entity, quote.speaker, ("actor",), quote.line, "quotes.speaker"):
            index.backlinks[quote.speaker].append(Backlink("speaker", entity.id, quote.id))
        if not index.check_ref(entity, quote.source, ("source",), quote.line, "quotes.source"):
            continue
        search = index.searches[quote.source]
        quote.match = locate(quote, search)
        if quote.match is None:
            failure = explain(quote, search, index.searches)
            index.problems.add(entity.path, quote.line, failure.message, failure.hint, "quotes.text")
        else:
            index.citations[quote.source].append(quote)


def build_index(briefing: Briefing, problems: Problems) -> Index:
    index = register(briefing, problems)
    for entity in index.entities():
        relate(index, entity)
    check_glossary(index)
    return index


def register(briefing: Briefing, problems: Problems) -> Index:
    """The registries every later step looks things up in: ids, names, source texts and
    each brief's quotes by id."""
    index = Index(briefing, problems)
    index.add_ids()
    index.add_names()
    index.searches = {s.id: SearchText.build(s) for s in briefing.sources}
    for entity in index.entities():  # a duplicate id must not replace the owner's quotes
        index.quotes_by_owner[entity.id] = {q.id: q for q in entity.quotes}
    return index


def relate(index: Index, entity: Entity) -> None:
    """Verify one entity's quotes and record its relations. Needs only the registries,
    so entities can be related in any order, or in separate processes (`workers`)."""
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
                index.problems.add(briefing.glossary_path, term.line, f"the term '{term.term}' has "
                                   f"'see: {target}', but no entity has that id",
                                   did_you_mean(target, index.by_id)
                                   or "use the id of an actor, agreement, topic or source",
                                   field="see")
