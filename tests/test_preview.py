"""`briefing serve` as a contributor uses it: a real server on a fixture briefing, edited on
disk while it runs. No timed assertions: each wait has a generous limit and only fails when
the server never gets there."""
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from helpers import engine_env

STATUS = "/__briefing/status"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, root):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "briefing", "serve", "--dev-addr", f"127.0.0.1:{self.port}"],
            cwd=root, env=engine_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base + path, timeout=10) as answer:
            return answer.read().decode("utf-8")

    def status(self) -> dict | None:
        try:
            return json.loads(self.get(STATUS))
        except (urllib.error.URLError, ConnectionError, OSError):
            return None

    def until(self, test, limit: float = 60) -> dict:
        """The first status that passes `test`; fails after `limit` seconds."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.proc.stdout.read()
            status = self.status()
            if status is not None and test(status):
                return status
            time.sleep(0.05)
        pytest.fail(f"the preview never got there; last status {self.status()}")

    def stop(self) -> str:
        if self.proc.returncode is not None:  # stopped already
            return ""
        self.proc.terminate()
        try:
            out, _ = self.proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            out, _ = self.proc.communicate()
        return out


@pytest.fixture
def served(corpus):
    server = Server(corpus.root)
    try:
        server.until(lambda s: s["generation"] >= 1, limit=120)
        yield corpus, server
    finally:
        server.stop()


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_a_broken_brief_shows_the_error_page_and_the_fix_the_page(served):
    corpus, server = served
    brief = corpus.root / "briefs/actors/ilse-brandt.md"
    assert "a fair deal, not a gift" in server.get("/actors/ilse-brandt.html")
    before = server.status()["generation"]

    _edit(brief, "a fair deal, not a gift", "a fair deal, not a present")
    broken = server.until(lambda s: s["generation"] > before)
    assert broken["ok"] is False
    page = server.get("/actors/ilse-brandt.html")
    assert "briefs/actors/ilse-brandt.md:" in page and "a fair deal, not a present" in page
    assert "briefs/actors/ilse-brandt.md:" in server.get("/")  # every page lists the problems

    _edit(brief, "a fair deal, not a present", "a fair deal, not a gift")
    fixed = server.until(lambda s: s["generation"] > broken["generation"])
    assert fixed["ok"] is True
    page = server.get("/actors/ilse-brandt.html")
    assert "a fair deal, not a gift" in page and "not a present" not in page


def test_the_terminal_shows_a_broken_brief_s_problem_once_in_check_s_words(served):
    corpus, server = served
    before = server.status()["generation"]
    _edit(corpus.root / "briefs/actors/ilse-brandt.md", "a fair deal, not a gift", "a fair deal, not a present")
    assert server.until(lambda s: s["generation"] > before)["ok"] is False
    log = server.stop()
    assert log.count("not a present") == 1, log
    assert "briefs/actors/ilse-brandt.md:" in log and ": error: " in log


def test_a_first_build_that_fails_shows_its_problem_once(corpus):
    _edit(corpus.root / "briefs/actors/ilse-brandt.md", "a fair deal, not a gift", "a fair deal, not a present")
    server = Server(corpus.root)
    try:
        assert server.until(lambda s: s["generation"] >= 1, limit=120)["ok"] is False
    finally:
        log = server.stop()
    assert log.count("not a present") == 1, log


def test_the_preview_settles_after_a_rebuild(served):
    """A build reads mkdocs.yml and docs/; reading is no change, so it starts no new build."""
    corpus, server = served
    before = server.status()["generation"]
    _edit(corpus.root / "briefs/actors/ostria.md", "Ostria summary.", "Ostria, a state.")
    after = server.until(lambda s: s["generation"] > before)["generation"]
    time.sleep(3)
    assert server.status()["generation"] == after


def test_the_files_no_page_loads_are_made_when_asked_for_and_show_the_last_edit(served):
    """The print edition, briefing.json, the feed and the search index are made when a
    reader asks, not after every save; what they show is the briefing as last saved."""
    corpus, server = served
    before = server.status()["generation"]
    _edit(corpus.root / "briefs/actors/ostria.md", "Ostria summary.", "Ostria, edited while served.")
    server.until(lambda s: s["generation"] > before)
    assert "Ostria, edited while served." in server.get("/actors/ostria.html")
    for path in ("/print.html", "/briefing.json", "/feed.xml", "/search/briefing-index.js"):
        shown = server.get(path)
        assert "Ostria, edited while served." in shown and "Ostria summary." not in shown, path



def test_the_pages_a_summary_edit_changes_elsewhere_are_served_with_it(served):
    """A summary edit renders the brief's own page at once and the glossary and the
    section page when a reader asks for them; either way the reader sees the new summary."""
    corpus, server = served
    before = server.status()["generation"]
    _edit(corpus.root / "briefs/actors/ostria.md", "Ostria summary.", "Ostria, a state by the sea.")
    server.until(lambda s: s["generation"] > before)
    for path in ("/actors/ostria.html", "/glossary.html", "/actors/index.html"):
        shown = server.get(path)
        assert "Ostria, a state by the sea." in shown and "Ostria summary." not in shown, path


def test_the_theme_s_files_are_those_mkdocs_lists_and_an_edited_custom_dir_is_listed_again(tmp_path):
    """The preview lists an installed theme's files once; a folder of the briefing's own
    (`custom_dir`) is listed on every build, so a file added there is served."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from helpers import MKDOCS_YML, Project
    from mkdocs_preview import _ThemeFiles

    project = Project(tmp_path / "p")
    project.write("mkdocs.yml", MKDOCS_YML.replace("  name: material\n",
                                                   "  name: material\n  custom_dir: overrides\n"))
    project.write("overrides/assets/first.css", "a {}\n")
    listing = _ThemeFiles(project.root)

    def both() -> tuple[list[str], list[str]]:
        config = load_config(config_file=str(project.root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        env = config.theme.get_env()
        theirs, ours = Files([]), Files([])
        theirs.add_files_from_theme(env, config)
        listing.add(ours, env, config)
        return ([(f.src_uri, f.abs_src_path) for f in theirs], [(f.src_uri, f.abs_src_path) for f in ours])

    theirs, ours = both()
    assert ours == theirs and ("assets/first.css", str(project.root / "overrides/assets/first.css")) in ours
    assert len(ours) > 20  # Material's own assets are there too
    project.write("overrides/assets/second.css", "b {}\n")
    theirs, ours = both()
    assert ours == theirs and any(uri == "assets/second.css" for uri, _ in ours)


def test_a_page_that_links_to_an_edited_brief_shows_its_new_preview(served):
    """Ilse Brandt's page links to Ostria but shows nothing else of it: it is not rendered
    again, and its link's preview is filled again when a reader asks for the page."""
    corpus, server = served
    assert "Ostria summary." in server.get("/actors/ilse-brandt.html")
    before = server.status()["generation"]
    _edit(corpus.root / "briefs/actors/ostria.md", "Ostria summary.", "Ostria, with a new preview.")
    server.until(lambda s: s["generation"] > before)
    page = server.get("/actors/ilse-brandt.html")
    assert "Ostria, with a new preview." in page and "Ostria summary." not in page
