"""The live preview relates again only the briefs whose inputs changed (`relatecache`),
and replaying the others gives what relating everything gives."""
from __future__ import annotations

from briefing import relatecache
from briefing.cli import documents
from briefing.pipeline import Session


def _counting(monkeypatch) -> list[str]:
    related: list[str] = []
    original = relatecache.relate_recorded
    monkeypatch.setattr(relatecache, "relate_recorded",
                        lambda index, entity: related.append(entity.id) or original(index, entity))
    return related


def _same_as_a_clean_run(session: Session, root) -> None:
    kept = session.run(documents(root))
    clean = Session(root).run(documents(root))
    assert kept.problems.report("json") == clean.problems.report("json")
    assert {p: (v.markdown, v.footer) for p, v in kept.pages.items()} == \
        {p: (v.markdown, v.footer) for p, v in clean.pages.items()}


def _kept(corpus, monkeypatch) -> tuple[Session, list[str]]:
    """A kept session after its first run, and the ids it relates from then on."""
    session = Session(corpus.root, keep=True)
    session.run(documents(corpus.root))
    return session, _counting(monkeypatch)


def test_a_summary_edit_relates_only_the_edited_brief(corpus, monkeypatch):
    session, related = _kept(corpus, monkeypatch)
    path = corpus.root / "briefs/actors/northline.md"
    path.write_text(path.read_text().replace("Northline Ferry Company summary.", "The ferry operator."))
    _same_as_a_clean_run(session, corpus.root)
    assert related == ["northline"]


def test_a_brief_is_related_again_when_an_entity_it_names_changes(corpus, monkeypatch):
    session, related = _kept(corpus, monkeypatch)
    # Ilse Brandt's brief is unchanged, but its 'country' must name a state.
    path = corpus.root / "briefs/actors/ostria.md"
    path.write_text(path.read_text().replace("type: state", "type: organization"))
    _same_as_a_clean_run(session, corpus.root)
    assert "ilse-brandt" in related
    assert any("'country' must name a state, but 'ostria' is an organization" in p.message
               for p in session.previous.problems.items)


def test_a_brief_that_reported_a_problem_is_always_related_again(corpus, monkeypatch):
    corpus.actor("lost", "Lost", "country: atlantis")
    session, related = _kept(corpus, monkeypatch)
    session.run(documents(corpus.root))
    assert related == ["lost"]  # its "did you mean" may name a brief added since
