"""What the live preview keeps of the link stage (`linkcache`): a preview run that fails
before linking keeps nothing, so the save that fixes it is compared with the last run
that rendered."""
from __future__ import annotations

from briefing.cli import documents
from briefing.pipeline import Session
from helpers import pages


def _break(path) -> str:
    text = path.read_text()
    path.write_text(text.replace("\nsummary: ", "\nsummary: [never closed ", 1))
    return text


def test_a_broken_save_and_its_fix_build_no_new_matcher(corpus):
    session = Session(corpus.root, keep=True)
    session.run(documents(corpus.root))
    matcher, articles = session.links.matcher, dict(session.links.articles)
    path = corpus.root / "briefs/actors/northline.md"
    text = _break(path)
    assert session.run(documents(corpus.root)).failed
    path.write_text(text)
    fixed = session.run(documents(corpus.root))
    # Without the hold, the broken save (one brief's names gone) and the fix each built a
    # matcher and linked every source's article again.
    assert session.links.matcher is matcher
    assert session.links.articles == articles
    clean = Session(corpus.root).run(documents(corpus.root))
    assert fixed.problems.report("json") == clean.problems.report("json")
    assert pages(fixed) == pages(clean)


def test_a_failed_preview_run_reports_what_a_clean_run_reports(corpus):
    session = Session(corpus.root, keep=True)
    session.run(documents(corpus.root))
    _break(corpus.root / "briefs/actors/northline.md")
    corpus.actor("lost", "Lost", body="Lost trades with [[atlantis]].\n")
    failed = session.run(documents(corpus.root))
    clean = Session(corpus.root).run(documents(corpus.root))
    assert failed.failed and "unresolved reference [[atlantis]]" in failed.problems.report()
    assert failed.problems.report("json") == clean.problems.report("json")


def test_a_failed_run_leaves_the_briefs_it_links_whole(corpus):
    # The broken save drops Northline's names, so the briefs that name Northline are linked
    # again in the failed run; that must not strip their text (a one-shot build drops a
    # brief's body once it is linked). The rename then links them again from that text.
    session = Session(corpus.root, keep=True)
    session.run(documents(corpus.root))
    path = corpus.root / "briefs/actors/northline.md"
    text = _break(path)
    assert session.run(documents(corpus.root)).failed
    path.write_text(text)
    session.run(documents(corpus.root))
    council = corpus.root / "briefs/actors/valmora-council.md"
    council.write_text(council.read_text().replace("name: Valmora harbour council", "name: Valmora port council"))
    renamed = session.run(documents(corpus.root))
    clean = Session(corpus.root).run(documents(corpus.root))
    assert renamed.summary() == clean.summary()
    assert pages(renamed) == pages(clean)
