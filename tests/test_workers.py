"""`check` on several cores (briefing.workers) finds exactly what the serial build finds."""
from __future__ import annotations

import pytest

from helpers import starter
from briefing import workers
from briefing.problems import Problems


def _mixed_corpus(project):
    """The starter corpus plus enough briefs for three workers, some of them broken."""
    starter(project)
    for n in range(12):
        project.actor(f"state-{n:02}", f"State {n:02}", body=f"Near [[russia]] and [[state-{(n + 1) % 12:02}]].\n")
    project.actor("broken-field", "Broken Field", "colour: red")
    project.actor("broken-ref", "Broken Ref", "country: atlantis")
    project.actor("broken-prose", "Broken Prose", body="See [[atlantis]] and <b>this</b>.\n\n[[quote:nope]]\n")
    project.actor("broken-quote", "Broken Quote", """
        quotes:
          - text: "Russia has never spoken to Iran"
            source: nghean-russia-unexpected-role
          - text: "anything"
            source: no-such-source
        """)
    project.write("briefs/glossary.yaml", "terms:\n  - term: Snapback\n    definition: A mechanism.\n"
                  "    see: [no-such-entity]\n")
    project.write("docs/extra.md", "# Extra\n\n<!-- briefing:no-such-marker -->\n\n[[atlantis]]\n")
    project.write("briefs/actors/broken-yaml.md", "---\nname: [unclosed\n---\n")
    project.write("briefs/topics/no-front-matter.md", "Just prose.\n")
    project.write("briefs/actors/notes.txt", "stray")
    return project


def _front(project, jobs: int):
    problems = Problems()
    briefing = workers.load_and_validate(project.root, problems, jobs)
    return problems, briefing


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_front_matches_serial(project, monkeypatch, jobs):
    _mixed_corpus(project)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)  # fork even for this small corpus
    serial_problems, serial = _front(project, 1)
    parallel_problems, parallel = _front(project, jobs)
    assert serial_problems.report() == parallel_problems.report()
    assert len(serial_problems) >= 4  # the broken files were really reported
    for kind in ("actors", "agreements", "topics", "sources", "glossary"):
        assert getattr(parallel, kind) == getattr(serial, kind), kind
    ids = [a.id for a in parallel.actors]
    assert ids == sorted(ids) and len(ids) == 19  # file order, and no brief lost


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_check_command_finds_what_the_build_finds(project, monkeypatch, jobs):
    from briefing.cli import _documents
    from briefing.pipeline import check, find_problems
    _mixed_corpus(project)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)
    documents = _documents(project.root)
    build_problems = check(project.root, documents)[0]
    problems, briefing = find_problems(project.root, documents, jobs)
    assert problems.report() == build_problems.report()
    reported = {p.path for p in problems.items}
    for path in ("briefs/actors/broken-prose.md", "briefs/actors/broken-quote.md",
                 "briefs/glossary.yaml", "docs/extra.md", "briefs/actors/broken-ref.md"):
        assert path in reported, path  # every stage's problems made it back


def test_briefs_are_dealt_round_robin():
    paths = [f"briefs/actors/a{n:04}.md" for n in range(1000)]
    hands = workers._slices(paths, 2)
    assert hands == [paths[0::2], paths[1::2]]


@pytest.mark.parametrize("count, jobs, hands", [
    (100, 2, 1),  # too few briefs to be worth a process
    (799, 2, 1),
    (800, 2, 2),
    (5000, 1, 1),
    (5000, 8, 8),
])
def test_small_briefings_stay_in_one_process(count, jobs, hands):
    assert len(workers._slices([f"b{n}" for n in range(count)], jobs)) == hands


def test_without_a_pool_everything_is_checked_here(project, monkeypatch):
    """Where the system refuses to fork (Windows, some sandboxes), check runs serially."""
    from briefing.cli import _documents
    from briefing.pipeline import check, find_problems
    _mixed_corpus(project)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)
    monkeypatch.setattr(workers.multiprocessing, "get_context",
                        lambda method: (_ for _ in ()).throw(ValueError(f"no {method}")))
    documents = _documents(project.root)
    assert find_problems(project.root, documents, 4)[0].report() == check(project.root, documents)[0].report()
