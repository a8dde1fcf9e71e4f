"""What the live preview keeps of relating each entity between runs (see `linkcache`).

Relating a brief (`index.relate`) verifies its quotes and records its relations. Besides
the brief itself it reads, for each id it names (a speaker, a quote's source, a party, a
role's organization, …), that entity's card: its kind and type, whether it is a stub or
claims a taken id, the names a speaker check looks for, and a source's text. A kept
`Related` is replayed while the brief is the same object (its file unchanged, see
`store`) and no card it read changed; one that reported a problem is always related
again, since its message may name other entities ("did you mean …").

Replaying appends what relating appended, in the same order, so the run's index is the
one a full relate would give.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .index import Index, Related, relate_recorded
from .linkcache import changed_keys


def _cards(index: Index) -> dict[str, tuple]:
    searches = index.provenance.searches
    return {e.id: (e.kind, getattr(e, "type", None), e.stub, e.id in index.conflicts, e.name,
                   tuple(e.aliases), e.abbreviation, searches.get(e.id))
            for e in index.briefing.entities() if index.owns(e)}


@dataclass
class RelateCache:
    kept: dict[str, Related] = field(default_factory=dict)
    cards: dict[str, tuple] | None = None

    def relate_all(self, index: Index) -> None:
        """Relate every entity of this run, replaying what is still valid."""
        cards = _cards(index)
        changed = None if self.cards is None else changed_keys(self.cards, cards)
        self.cards = cards
        kept: dict[str, Related] = {}
        for entity in index.entities():
            done = self.kept.get(entity.id)
            if done is None or done.entity is not entity or not done.clean or changed is None \
                    or not done.reads.isdisjoint(changed):
                done = relate_recorded(index, entity)
            else:
                done.replay(index)
            kept[entity.id] = done
        self.kept = kept
