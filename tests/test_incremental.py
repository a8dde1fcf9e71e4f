"""The live preview is correct by construction: after any sequence of edits, a kept
session (the incremental route) gives exactly what a clean run gives.

A Hypothesis state machine drives random edits through one kept `Session` and, after
each step, compares every page's Markdown and every problem with a fresh session's; a
second test does the same through MkDocs (dirty builds of the live preview against a
clean build), byte for byte apart from what MkDocs stamps per build.
"""
from __future__ import annotations

import filecmp
import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from briefing.cli import documents
from briefing.pipeline import Session
from helpers import Project, pages, starter

EXTRA = [f"port-{n}" for n in range(4)]


def build_corpus(root: Path) -> Project:
    project = starter(Project(root))
    for n, brief_id in enumerate(EXTRA):
        project.actor(brief_id, f"Port {n}", f"aliases: [Harbour {n}]" + ("\nabbreviation: PTH" if n == 3 else ""),
                      body=f"Port {n} trades with [[northline]] and [[ostria]] ([[harbour-gazette#p{n + 1}]]).\n")
    # An abbreviation in a field of one brief and in the prose of another: renaming port-3
    # changes their tooltips, and nothing else on those pages.
    project.write("briefs/actors/port-0.md", project.root.joinpath("briefs/actors/port-0.md").read_text()
                  .replace("summary: Port 0 summary.", "summary: Port 0 summary, near PTH."))
    project.write("briefs/actors/port-1.md", project.root.joinpath("briefs/actors/port-1.md").read_text()
                  + "\nThe PTH quays are busy ([[harbour-gazette#p1]]).\n")
    # An inline quotation: its link's title shows the paragraph around it.
    project.write("briefs/actors/port-1.md", project.root.joinpath("briefs/actors/port-1.md").read_text()
                  + "\nIt is \u201ca fair deal\u201d, the mayor said ([[harbour-gazette#p2]]).\n")
    return project


class Edits(RuleBasedStateMachine):
    """Random edits of the kinds the live preview must handle."""

    @initialize()
    def start(self):
        self.folder = Path(tempfile.mkdtemp(prefix="incremental-"))
        self.project = build_corpus(self.folder / "p")
        self.session = Session(self.project.root, keep=True)
        self.counter = 0
        self.step()

    def teardown(self):
        shutil.rmtree(self.folder, ignore_errors=True)

    def path(self, brief_id: str) -> Path:
        for kind in ("actors", "agreements", "topics"):
            found = self.project.root / "briefs" / kind / f"{brief_id}.md"
            if found.exists():
                return found
        return self.project.root / "briefs/actors" / f"{brief_id}.md"

    def edit(self, brief_id: str, old: str, new: str) -> None:
        path = self.path(brief_id)
        if path.exists():
            path.write_text(path.read_text().replace(old, new, 1))

    def step(self):
        self.counter += 1
        self.run = self.session.run(documents(self.project.root))

    @rule(brief=st.sampled_from(EXTRA + ["northline", "ostria"]), words=st.text("abc ", min_size=1, max_size=12))
    def edit_a_summary(self, brief, words):
        path = self.path(brief)
        if path.exists():
            text = re.sub(r"^summary: .*$", f"summary: {words.strip() or 'x'} {self.counter}.", path.read_text(), 1, re.M)
            path.write_text(text)
        self.step()

    @rule(brief=st.sampled_from(EXTRA + ["northline"]))
    def rename(self, brief):
        path = self.path(brief)
        if path.exists():
            path.write_text(re.sub(r"^name: .*$", f"name: Renamed {brief} {self.counter}", path.read_text(), 1, re.M))
        self.step()

    @rule(name=st.sampled_from(["Port Three", "Port 3", "The third port"]))
    def rename_what_an_abbreviation_stands_for(self, name):
        """port-3 is PTH: the pages that use PTH, in prose or in a field, show the new name."""
        path = self.path("port-3")
        if path.exists():
            path.write_text(re.sub(r"^name: .*$", f"name: {name}", path.read_text(), 1, re.M))
        self.step()

    @rule(brief=st.sampled_from(EXTRA))
    def add_an_alias(self, brief):
        self.edit(brief, "aliases: [", f"aliases: [Alias {self.counter}, ")
        self.step()

    @rule(brief=st.sampled_from(EXTRA), words=st.sampled_from(["trades with", "sails", "Port 1"]))
    def give_a_name_other_briefs_use(self, brief, words):
        """Other briefs' unchanged text now mentions this brief (or two claim one name)."""
        self.edit(brief, "aliases: [", f"aliases: [{words}, ")
        self.step()

    @rule()
    def add_a_brief(self):
        self.project.actor(f"new-{self.counter}", f"New {self.counter}",
                           body="It sails with [[northline]] ([[harbour-gazette#p2]]).\n")
        self.step()

    @rule(brief=st.sampled_from(EXTRA))
    def delete_a_brief(self, brief):
        path = self.path(brief)
        if path.exists():
            path.unlink()
            for other in (self.project.root / "briefs").rglob("*.md"):  # no dangling link left
                other.write_text(other.read_text().replace(f"[[{brief}]]", "the port"))
        self.step()

    @rule()
    def add_a_quote(self):
        self.edit("northline", "type: organization",
                  f'type: organization\nquotes:\n  - id: q{self.counter}\n    text: "no plans to raise fares"\n'
                  "    source: harbour-gazette")
        self.step()

    @rule()
    def edit_a_seed_s_metadata(self):
        path = self.project.root / "seeds/coast-analysis.yaml"
        path.write_text(path.read_text().replace("Author, outlet", f"Author ({self.counter}), outlet", 1))
        self.step()

    @rule(publisher=st.sampled_from(["Harbour Gazette", "Coast Weekly", "null"]))
    def edit_a_seed_s_publisher(self, publisher):
        """The source's one-line description changes: its page, its glossary entry and
        every preview of it."""
        path = self.project.root / "seeds/harbour-gazette.yaml"
        path.write_text(re.sub(r"^publisher: .*$", f"publisher: {publisher}", path.read_text(),
                               count=1, flags=re.M))
        self.step()

    @rule(label=st.sampled_from(["Gazette", "Harbour Gazette", "HG"]))
    def relabel_a_cited_source(self, label):
        """Every citation of it shows the label: the briefs that cite it link again."""
        path = self.project.root / "seeds/harbour-gazette.yaml"
        path.write_text(re.sub(r"^label: .*$", f"label: {label}", path.read_text(), count=1, flags=re.M))
        self.step()

    @rule(words=st.sampled_from(["daily from the old pier", "daily from the new pier",
                                 "twice a day from the old pier"]))
    def update_a_quoted_source_s_text(self, words):
        """A corrected article, with its new sha256: the quote stays, the paragraph around it
        (shown in its link's title) changes."""
        text = self.project.root / "seeds/harbour-gazette.txt"
        updated = re.sub(r"the ferry will run (daily|twice a day) from the (old|new) pier",
                         "the ferry will run " + words, text.read_text(encoding="utf-8"))
        text.write_text(updated, encoding="utf-8")
        digest = hashlib.sha256(text.read_bytes()).hexdigest()
        meta = self.project.root / "seeds/harbour-gazette.yaml"
        meta.write_text(re.sub(r"^sha256: .*$", f"sha256: {digest}", meta.read_text(), count=1, flags=re.M))
        self.step()

    @rule()
    def edit_a_seed_s_text_then_restore_it(self):
        path = self.project.root / "seeds/coast-analysis.txt"
        original = path.read_bytes()
        path.write_bytes(original + b"An added line.\n")
        self.step()
        assert self.run.failed and "no longer matches its sha256" in self.run.problems.report()
        path.write_bytes(original)
        self.step()

    # northline: other briefs name it, so the failed run links them again
    @rule(brief=st.sampled_from(EXTRA + ["ferry", "northline"]))
    def break_a_brief_then_fix_it(self, brief):
        path = self.path(brief)
        if not path.exists():
            return
        original = path.read_text()
        path.write_text(original.replace("name:", " name:", 1))
        self.step()
        assert self.run.failed
        path.write_text(original)
        self.step()

    @rule(briefs=st.lists(st.sampled_from(EXTRA), min_size=2, max_size=3))
    def a_burst_of_edits(self, briefs):
        for n, brief in enumerate(briefs):
            self.edit(brief, "trades with", f"trades ({n}) with")
        self.step()

    @invariant()
    def equals_a_clean_run(self):
        clean = Session(self.project.root).run(documents(self.project.root))
        assert self.run.problems.report("json") == clean.problems.report("json")
        if not clean.failed:
            assert pages(self.run) == pages(clean)


TestEdits = Edits.TestCase
TestEdits.settings = settings(max_examples=25, stateful_step_count=12, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow])


def _site(root: Path, site: Path) -> None:
    """One clean MkDocs build of the project into `site`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)))


def _preview(root: Path, site: Path):
    """The live preview's builder, building into `site`: the first build clean, the later
    ones dirty, as `briefing serve` runs them."""
    from mkdocs_preview import Preview
    preview = Preview(str(root / "mkdocs.yml"))
    preview.site_dir = str(site)
    return preview


def _differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two built sites, apart from what MkDocs stamps per build."""
    out = []
    compare = filecmp.dircmp(a, b, ignore=["sitemap.xml", "sitemap.xml.gz"])
    stack = [(compare, "")]
    while stack:
        node, prefix = stack.pop()
        out += [prefix + name for name in node.left_only + node.right_only + node.diff_files]
        out += [prefix + name for name in node.funny_files]
        stack += [(sub, f"{prefix}{name}/") for name, sub in node.subdirs.items()]
    return sorted(out)


def _serving(tmp_path: Path, monkeypatch):
    """The fixture corpus, built once by the live preview's builder as `serve` runs it:
    (project, preview, its site, where a clean build goes)."""
    import logging

    import mkdocs_briefing
    from mkdocs_preview import _QuietDirty
    monkeypatch.setattr(mkdocs_briefing, "STATE", mkdocs_briefing._State())
    mkdocs_briefing.STATE.serving = True
    logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1750000000")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    project = build_corpus(tmp_path / "p")
    served, clean = tmp_path / "served", tmp_path / "clean"
    preview = _preview(project.root, served)
    preview.build()
    return project, preview, served, clean


def test_the_preview_s_dirty_builds_equal_a_clean_build(tmp_path, monkeypatch):
    import mkdocs_briefing
    project, preview, served, clean = _serving(tmp_path, monkeypatch)
    assert preview.problems == []
    def replace(rel: str, old: str, new: str):
        return lambda: project.write(rel, project.root.joinpath(rel).read_text().replace(old, new, 1))

    gazette = project.root.joinpath("seeds/harbour-gazette.txt").read_text()
    edits = [
        replace("briefs/actors/port-1.md", "summary: Port 1 summary.", "summary: A busier port."),
        # Linked from most pages: their previews are filled again, not rendered again.
        replace("briefs/actors/northline.md", "summary: Northline Ferry Company summary.",
                "summary: The ferry operator & its <b>fleet</b>."),
        replace("briefs/actors/northline.md", "name: Northline Ferry Company", "name: Northline Ferries"),
        # What an abbreviation stands for: the pages that use it show the new name.
        replace("briefs/actors/port-3.md", "name: Port 3", "name: Port Three"),
        replace("briefs/actors/northline.md", "type: organization",
                'type: organization\nquotes:\n  - id: fares\n    text: "no plans to raise fares"\n'
                "    source: harbour-gazette"),
        replace("seeds/harbour-gazette.yaml", "publisher: ", "publisher: Coast "),
        # A broken brief, then its fix: the error page, then the site as a clean build has it.
        replace("briefs/actors/port-1.md", "\nsummary: ", "\nsummary: [never closed "),
        replace("briefs/actors/port-1.md", "\nsummary: [never closed ", "\nsummary: "),
        # A seed's text edited (its checksum fails), then restored.
        lambda: project.write("seeds/harbour-gazette.txt", gazette + "\nA late paragraph.\n"),
        lambda: project.write("seeds/harbour-gazette.txt", gazette),
        lambda: project.actor("port-9", "Port 9", body="Near [[ostria]] ([[harbour-gazette#p1]]).\n"),
        lambda: project.root.joinpath("briefs/actors/port-2.md").unlink(),
        replace("docs/index.md", "# Test briefing", "# Test briefing, edited"),
    ]
    broken = 0
    for edit in edits:
        edit()
        preview.build()
        if preview.problems:  # the broken brief and the failed checksum
            broken += 1
            continue
        preview.make()  # what a reader asks for: the print edition and the data files
        shutil.rmtree(clean, ignore_errors=True)
        mkdocs_briefing.STATE.serving = False
        _site(project.root, clean)
        mkdocs_briefing.STATE.serving = True
        assert _differences(served, clean) == []
    assert broken == 2
    # Both routes ran: the quick one for edits that keep the site's shape, the whole build
    # for a brief added or deleted and for docs/.
    assert preview.quick_builds >= 5 and preview.full_builds >= 4


def test_pages_left_to_fill_again_are_filled_after_a_whole_build(tmp_path, monkeypatch):
    """A summary edit leaves the pages that link to the brief to be filled again when asked
    for; a whole build that comes before anyone asks must not lose them."""
    import mkdocs_briefing
    project, preview, served, clean = _serving(tmp_path, monkeypatch)
    northline = project.root / "briefs/actors/northline.md"
    northline.write_text(northline.read_text().replace("summary: Northline Ferry Company summary.",
                                                       "summary: The ferry operator."))
    preview.build()  # the quick path: the pages that link to Northline are left to fill
    project.actor("port-9", "Port 9", body="Near [[ostria]] ([[harbour-gazette#p1]]).\n")
    preview.build()  # a new brief: a whole build, which writes only the pages that changed
    assert preview.problems == [] and preview.quick_builds == 1 and preview.full_builds == 2
    preview.make()
    mkdocs_briefing.STATE.serving = False
    _site(project.root, clean)
    assert _differences(served, clean) == []


def _left_to_render(preview) -> set[str]:
    import mkdocs_briefing
    waiting = mkdocs_briefing.STATE.deferred.get(mkdocs_briefing.built_key(preview.config_file), {})
    return {path for path, make in waiting.items() if isinstance(make, mkdocs_briefing._Later)}


def _edit_northline_summary(project: Project) -> None:
    northline = project.root / "briefs/actors/northline.md"
    northline.write_text(northline.read_text().replace("summary: Northline Ferry Company summary.",
                                                       "summary: The ferry operator of the isles."))


def test_a_summary_edit_renders_the_edited_page_and_the_rest_when_asked_for(tmp_path, monkeypatch):
    """The saved brief's page is written at once; the other pages the edit changes (the
    glossary, the index pages) are rendered when a reader asks for them, or for the print
    edition, which is made from every page."""
    import mkdocs_briefing
    project, preview, served, clean = _serving(tmp_path, monkeypatch)
    _edit_northline_summary(project)
    preview.build()
    assert preview.quick_builds == 1
    assert "The ferry operator of the isles." in (served / "actors/northline.html").read_text()
    later = _left_to_render(preview)
    assert {"glossary.html", "actors/index.html"} <= later and "actors/northline.html" not in later
    assert "The ferry operator of the isles." not in (served / "glossary.html").read_text()
    preview.make("glossary.html")
    assert "The ferry operator of the isles." in (served / "glossary.html").read_text()
    assert "glossary.html" not in _left_to_render(preview)
    preview.make("print.html")  # every page left to render goes into it
    assert _left_to_render(preview) == set()
    assert (served / "print.html").read_text().count("The ferry operator of the isles.") >= 2
    preview.make()
    mkdocs_briefing.STATE.serving = False
    _site(project.root, clean)
    assert _differences(served, clean) == []


def test_a_whole_build_renders_the_pages_a_quick_build_left(tmp_path, monkeypatch):
    import mkdocs_briefing
    project, preview, served, clean = _serving(tmp_path, monkeypatch)
    _edit_northline_summary(project)
    preview.build()  # the quick path: the glossary is left to render
    assert "glossary.html" in _left_to_render(preview)
    project.actor("port-9", "Port 9", body="Near [[ostria]] ([[harbour-gazette#p1]]).\n")
    preview.build()  # a new brief: a whole build, which renders it before anyone asks
    assert preview.problems == [] and preview.full_builds == 2
    assert _left_to_render(preview) == set()
    assert "The ferry operator of the isles." in (served / "glossary.html").read_text()
    preview.make()
    mkdocs_briefing.STATE.serving = False
    _site(project.root, clean)
    assert _differences(served, clean) == []
