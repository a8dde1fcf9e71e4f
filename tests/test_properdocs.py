"""A fixture briefing builds the same with MkDocs 1.6 and with ProperDocs, page for page.

ProperDocs is the maintained continuation of MkDocs 1.x (requirements-properdocs.txt,
`make site-properdocs`). Both engines build the fixture project of tests/sites.py (the
starter corpus and more) into temp folders, with the same SOURCE_DATE_EPOCH: every page must
exist in both, with the same text in its `<article>`, and the data files the generator
writes must be byte for byte the same. Only what names the engine may differ.

The ProperDocs venv (.venv-properdocs) is made with `make .venv-properdocs/.runtime`, which
installs the pinned engine and, with `pip install --no-deps -e .`, this generator. When it
cannot be made, the tests skip on a developer's machine and fail in CI (`skip_or_fail`).
"""
from __future__ import annotations

import html.parser
import re
import subprocess
from pathlib import Path

import pytest

from helpers import REPO, Project, engine_env, skip_or_fail
from sites import rich

VENV = REPO / ".venv-properdocs"
PROPERDOCS = VENV / "bin" / "properdocs"
MAKE_TARGET = ".venv-properdocs/.runtime"
# Anything that names the engine or its version: the generator meta tag, and the words
# themselves, in case a theme prints them ("Made with …").
ENGINE = re.compile(r"<meta\s+name=\"generator\"[^>]*>|\b(?:mkdocs|properdocs)[\w.-]*", re.I)
DATA_FILES = ("briefing.json", "briefing.schema.json", "feed.xml", "search/briefing-index.js",
              "sitemap.xml")


def _ensure_properdocs() -> Path:
    """The ProperDocs venv, made (or brought up to date) by the Makefile's own target."""
    try:
        result = subprocess.run(["make", MAKE_TARGET], cwd=REPO, env=engine_env(),
                                capture_output=True, text=True, timeout=1200)
    except (OSError, subprocess.TimeoutExpired) as err:
        skip_or_fail(f"`make {MAKE_TARGET}` could not run: {err}")
    if result.returncode != 0 or not PROPERDOCS.exists():
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-12:])
        skip_or_fail(f"`make {MAKE_TARGET}` could not make the ProperDocs venv (exit "
                     f"{result.returncode}):\n{tail}")
    check = subprocess.run([str(VENV / "bin" / "python"), "-c", "import briefing, mkdocs_briefing"],
                           capture_output=True, text=True, env=engine_env())
    if check.returncode != 0:
        skip_or_fail("the ProperDocs venv lacks the generator:\n" + check.stderr[-2000:])
    return PROPERDOCS


def _build(command: list[str], root: Path, site: Path) -> str:
    # `-f mkdocs.yml`: ProperDocs looks for properdocs.yml first and, when it falls back to
    # mkdocs.yml, logs (at INFO level, so --strict does not fail) that the fallback will go.
    args = [*command, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)]
    env = engine_env()
    env.pop("PYTHONPATH", None)
    result = subprocess.run(args, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stderr[-5000:]}"
    assert "Traceback" not in result.stderr
    return result.stderr


class _Article(html.parser.HTMLParser):
    """The text of the page's <article> elements, whitespace collapsed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.depth += 1
            self.found += 1

    def handle_endtag(self, tag):
        if tag == "article" and self.depth:
            self.depth -= 1
            self.parts.append("\n")

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def article_text(page: Path) -> str | None:
    parser = _Article()
    parser.feed(ENGINE.sub("", page.read_text(encoding="utf-8")))
    parser.close()
    if not parser.found:
        return None
    return " ".join("".join(parser.parts).split())


def html_pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    import sys
    properdocs = _ensure_properdocs()
    base = tmp_path_factory.mktemp("engines")
    project = rich(Project(base / "project"))
    logs = {"mkdocs": _build([sys.executable, "-m", "mkdocs"], project.root, base / "mkdocs"),
            "properdocs": _build([str(properdocs)], project.root, base / "properdocs")}
    return base / "mkdocs", base / "properdocs", logs


def test_both_engines_run_the_generator(builds):
    _, _, logs = builds
    summaries = {engine: re.search(r"briefing: \d+ briefs, .* pages", log) for engine, log in logs.items()}
    assert all(summaries.values()), logs
    assert summaries["mkdocs"].group() == summaries["properdocs"].group()


def test_same_pages(builds):
    mkdocs_site, properdocs_site, _ = builds
    a, b = html_pages(mkdocs_site), html_pages(properdocs_site)
    assert a == b, f"only MkDocs built: {sorted(a - b)}; only ProperDocs built: {sorted(b - a)}"
    for page in ("index.html", "actors/northline.html", "actors/people/index.html",
                 "mentions/northline.html", "timeline.html", "print.html"):
        assert page in a, page


def test_same_article_text_on_every_page(builds):
    mkdocs_site, properdocs_site, _ = builds
    differing, without_article = [], []
    for page in sorted(html_pages(mkdocs_site) & html_pages(properdocs_site)):
        a, b = article_text(mkdocs_site / page), article_text(properdocs_site / page)
        if a is None and b is None:
            without_article.append(page)
        elif a != b:
            at = next((i for i, (x, y) in enumerate(zip(a or "", b or "")) if x != y),
                      min(len(a or ""), len(b or "")))
            differing.append(f"{page}: MkDocs …{(a or '')[max(0, at - 40):at + 60]!r} vs "
                             f"ProperDocs …{(b or '')[max(0, at - 40):at + 60]!r}")
    assert not differing, "pages whose <article> text differs:\n" + "\n".join(differing)
    assert without_article == ["print.html"], f"pages without an <article>: {without_article}"


def test_same_data_export(builds):
    mkdocs_site, properdocs_site, _ = builds
    for name in DATA_FILES:
        a, b = mkdocs_site / name, properdocs_site / name
        assert a.is_file() and b.is_file(), name
        assert a.read_bytes() == b.read_bytes(), f"{name} differs between the engines"


def test_same_print_edition(builds):
    mkdocs_site, properdocs_site, _ = builds
    a = ENGINE.sub("", (mkdocs_site / "print.html").read_text(encoding="utf-8"))
    b = ENGINE.sub("", (properdocs_site / "print.html").read_text(encoding="utf-8"))
    assert a == b


def test_the_comparison_sees_a_difference(builds, tmp_path):
    """The article comparison is not blind: one changed word on one page is found."""
    mkdocs_site, _, _ = builds
    page = mkdocs_site / "actors" / "northline.html"
    changed = tmp_path / "northline.html"
    changed.write_text(page.read_text(encoding="utf-8").replace("Party to", "Party of"), encoding="utf-8")
    assert article_text(changed) != article_text(page)
    assert article_text(page) and "Party to" in article_text(page)
