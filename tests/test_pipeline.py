"""One route through the stages: `check`, the build and the live preview call the same
`Session.run`, and `check` on several cores (briefing.workers) finds exactly what the
serial route finds."""
from __future__ import annotations

import os

import pytest

from briefing import workers
from briefing.cli import documents
from briefing.pipeline import Session
from helpers import starter


def _mixed_corpus(project):
    """The starter corpus plus enough briefs for three workers, some of them broken."""
    starter(project)
    for n in range(12):
        project.actor(f"state-{n:02}", f"State {n:02}", body=f"Near [[ostria]] and [[state-{(n + 1) % 12:02}]].\n")
    project.actor("broken-field", "Broken Field", "colour: red")
    project.actor("broken-ref", "Broken Ref", "country: atlantis")
    project.actor("broken-prose", "Broken Prose", body="See [[atlantis]] and <b>this</b>.\n\n[[quote:nope]]\n")
    project.actor("broken-quote", "Broken Quote", """
        quotes:
          - text: "The council has never spoken to Northline"
            source: harbour-gazette
          - text: "anything"
            source: no-such-source
        """, body='It was "a fair deal, not a present" ([[harbour-gazette#p2]]).\n')
    project.write("briefs/glossary.yaml", "terms:\n  - term: Pier\n    definition: A landing.\n"
                  "    see: [no-such-entity]\n")
    project.write("docs/extra.md", "# Extra\n\n<!-- briefing:no-such-marker -->\n\n[[atlantis]]\n")
    project.write("briefs/actors/broken-yaml.md", "---\nname: [unclosed\n---\n")
    project.write("briefs/topics/no-front-matter.md", "Just prose.\n")
    project.write("briefs/actors/notes.txt", "stray")
    project.settings({"uncited-paragraph": "warning", "brief-without-quote": "warning"})
    return project


def _report(project, jobs: int, render: bool = False) -> str:
    run = Session(project.root).run(documents(project.root), render=render, jobs=jobs)
    return run.problems.report("json")


@pytest.mark.parametrize("jobs", [2, 3])
def test_check_on_several_cores_finds_what_one_finds(project, monkeypatch, jobs):
    _mixed_corpus(project)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)  # fork even for this small corpus
    serial = _report(project, 1)
    assert _report(project, jobs) == serial
    for path in ("briefs/actors/broken-prose.md", "briefs/actors/broken-quote.md", "briefs/glossary.yaml",
                 "docs/extra.md", "briefs/actors/broken-ref.md", "briefs/actors/broken-yaml.md"):
        assert path in serial, path  # every stage's problems made it back


def test_check_finds_what_the_build_finds(project):
    _mixed_corpus(project)
    assert _report(project, 1, render=True) == _report(project, 1, render=False)


def test_where_no_worker_starts_everything_is_checked_here(project, monkeypatch):
    """Where the system refuses to fork (no processes left, some sandboxes), check plays
    every hand itself."""
    _mixed_corpus(project)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)
    monkeypatch.setattr(workers.os, "fork", lambda: (_ for _ in ()).throw(OSError("no fork")))
    assert _report(project, 4) == _report(project, 1)


def test_a_worker_that_dies_has_its_hand_played_here(project, monkeypatch):
    """A worker killed before it answers (out of memory, a signal) loses nothing."""
    _mixed_corpus(project)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)
    monkeypatch.setattr(workers.pickle, "dumps", lambda *args: os._exit(9))  # only workers pickle
    assert _report(project, 4) == _report(project, 1)


def test_a_worker_that_raises_has_its_hand_played_here(project, monkeypatch):
    """Played here, a hand that raises in a worker either raises here too, with a
    traceback that can be read, or (a fault of the worker alone) gives the right answer."""
    _mixed_corpus(project)
    serial = _report(project, 1)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)
    here, real = os.getpid(), workers._hand
    monkeypatch.setattr(workers, "_hand", lambda index, entities: real(index, entities)
                        if os.getpid() == here else 1 / 0)
    assert _report(project, 4) == serial


def test_a_worker_whose_result_is_never_read_is_reaped(project, monkeypatch):
    _mixed_corpus(project)
    monkeypatch.setattr(workers, "MIN_BRIEFS_PER_JOB", 1)
    monkeypatch.setattr(workers, "wikilinks_only", lambda: 1 / 0)  # this process fails first
    pids, fork = [], workers._fork

    def recorded(work, args):
        child = fork(work, args)
        pids.append(child.pid)
        return child

    monkeypatch.setattr(workers, "_fork", recorded)
    with pytest.raises(ZeroDivisionError):
        _report(project, 4)
    assert len(pids) == 3 + 3  # two rounds of three workers
    for pid in pids:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # reaped: neither running nor a zombie


def test_briefs_are_dealt_round_robin():
    paths = [f"briefs/actors/a{n:04}.md" for n in range(1000)]
    assert workers._slices(paths, 2) == [paths[0::2], paths[1::2]]


@pytest.mark.parametrize("count, jobs, hands", [(100, 2, 1), (799, 2, 1), (800, 2, 2), (5000, 1, 1), (5000, 8, 8)])
def test_small_briefings_stay_in_one_process(count, jobs, hands):
    assert len(workers._slices([f"b{n}" for n in range(count)], jobs)) == hands


def test_a_second_run_of_a_kept_session_reads_only_what_changed(corpus, monkeypatch):
    session = Session(corpus.root, keep=True)
    first = session.run(documents(corpus.root))
    assert not first.failed and first.changed == set(first.pages)
    loaded = []
    from briefing import store
    original = store.validate_files
    monkeypatch.setattr(store, "validate_files", lambda root, paths, rules: loaded.extend(paths) or original(root, paths, rules))
    path = corpus.root / "briefs/actors/northline.md"
    path.write_text(path.read_text().replace("Northline Ferry Company summary.", "The ferry operator."))
    second = session.run(documents(corpus.root))
    assert loaded == ["briefs/actors/northline.md"]
    assert "actors/northline.md" in second.changed
    assert "actors/ilse-brandt.md" not in second.changed  # it does not show Northline
    # It links Northline, but a link's preview is a mark filled in after rendering
    # (`previews`): the page is the same, and the engine only fills its marks again.
    assert "agreements/ferry-agreement.md" not in second.changed
    assert "actors/index.md" in second.changed  # it shows the summary itself
    # The whole-briefing graph shows names and relations, never a summary: not rendered again.
    assert second.pages["graph.md"] is first.pages["graph.md"]


def test_a_one_shot_run_keeps_no_rendered_page_whole(project):
    """A one-shot build hands each page to `each` to be packed; the run must not hold the
    whole page as well, or a large site is all in memory at once (peak RSS)."""
    import gc
    import weakref

    from briefing.render.site import Page
    starter(project)
    alive = []

    held = []  # how many of the pages packed before were still alive, at each page

    def pack(run, page):
        gc.collect()
        held.append(sum(ref() is not None for ref in alive))
        alive.append(weakref.ref(page))
        return Page(page.spec, "", page.reads)

    run = Session(project.root).run(documents(project.root), each=pack)
    assert run.pages and len(held) == len(run.pages) > 5
    assert max(held) <= 1
