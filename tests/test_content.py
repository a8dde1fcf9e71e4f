"""The shipped briefing meets its own standards (issue: complete and sourced)."""

import pytest

from briefing.pipeline import check
from helpers import REPO


@pytest.fixture(scope="module")
def index():
    problems, index, _ = check(REPO)
    assert not problems, problems.report()
    return index


def briefs(index):
    return [e for e in index.by_id.values() if e.kind != "source"]


def test_every_brief_is_dated_and_quotes_its_sources(index):
    for entity in briefs(index):
        assert entity.updated is not None, entity.path
        assert entity.quotes, f"{entity.path} has no verified quote"


def test_both_sources_are_quoted(index):
    for source in index.briefing.sources:
        assert index.citations[source.id], source.id


def test_every_paragraph_of_every_source_is_cited(index):
    for source in index.briefing.sources:
        cited = {q.match.paragraph for q in index.citations[source.id]}
        assert cited == {p.number for p in source.paragraphs}, (source.id, sorted(
            {p.number for p in source.paragraphs} - cited))


def test_topics_open_with_two_to_five_linked_judgments(index):
    topics = index.briefing.topics
    assert len(topics) >= 6
    for topic in topics:
        assert 2 <= len(topic.judgments) <= 5, topic.path
        assert all(j.quotes for j in topic.judgments), topic.path


def test_sources_have_reliability_grades_and_unknowns_stay_unknown(index):
    grades = {s.id: s.grade for s in index.briefing.sources}
    assert grades == {"nghean-russia-unexpected-role": "D", "russia-mediator-analysis": "F"}
    mediator = index.by_id["russia-mediator-analysis"]
    assert (mediator.author, mediator.publisher, mediator.published) == (None, None, None)


def test_starter_entities_exist(index):
    for entity_id in ("russia", "iran", "united-states", "israel", "vladimir-putin", "sergey-lavrov",
                      "abbas-araghchi", "russia-iran-comprehensive-strategic-partnership-treaty",
                      "russia-us-iran-mediation"):
        assert entity_id in index.by_id
    treaty = index.by_id["russia-iran-comprehensive-strategic-partnership-treaty"]
    assert treaty.dates["signed"].iso() == "2025-01-17"


def test_dated_events_from_the_seeds_are_on_the_timeline(index):
    dates = {e.date.iso() for t in index.briefing.topics for e in t.events}
    assert {"2025-06-13", "2025-03-11"} <= dates


def test_seeds_are_the_shared_articles_byte_for_byte():
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    pairs = {"000_9ecba1ff94fed821.txt": "nghean-russia-unexpected-role.txt",
             "002_a3d9d3b27b2d5b54.txt": "russia-mediator-analysis.txt"}
    for original, copy in pairs.items():
        assert (shared / original).read_bytes() == (REPO / "seeds" / copy).read_bytes()


def test_every_brief_names_its_schema_for_editors():
    for path in sorted((REPO / "briefs").glob("*/*.md")):
        kind = path.parent.name[:-1]
        second = path.read_text(encoding="utf-8").split("\n")[1]
        assert second == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json", path
