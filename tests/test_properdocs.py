"""The shipped site builds the same with MkDocs 1.6 and with ProperDocs, page for page.

ProperDocs is the maintained continuation of MkDocs 1.x (see requirements-properdocs.txt
and `make site-properdocs`). Both engines build the real briefing into temp folders, with
the same SOURCE_DATE_EPOCH, and every page must exist in both with the same text in its
`<article>` element. Only what names the engine (the generator meta tag) may differ.

Runs when .venv-properdocs exists (`make site-properdocs` makes it); skipped otherwise on
a developer's machine. In CI (the variable CI is set) it never skips: it creates
.venv-properdocs with `make .venv-properdocs/.runtime` first.
"""
from __future__ import annotations

import html.parser
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import in_ci

REPO = Path(__file__).resolve().parents[1]
PROPERDOCS = REPO / ".venv-properdocs" / "bin" / "properdocs"
MAKE_TARGET = ".venv-properdocs/.runtime"
# Anything that names the engine or its version: the generator meta tag, and the words
# themselves, in case a theme prints them ("Made with …").
ENGINE = re.compile(r"<meta\s+name=\"generator\"[^>]*>|\b(?:mkdocs|properdocs)[\w.-]*", re.I)


def _env() -> dict[str, str]:
    return {**os.environ,
            "PYTHONPATH": str(REPO / "hooks"),
            "NO_MKDOCS_2_WARNING": "1",
            "DISABLE_MKDOCS_2_WARNING": "true",
            "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1750000000")}


def _ensure_properdocs() -> Path:
    if PROPERDOCS.exists():
        return PROPERDOCS
    if not in_ci():
        pytest.skip("no .venv-properdocs: run `make site-properdocs` once to enable this test")
    result = subprocess.run(["make", MAKE_TARGET], cwd=REPO, env=_env(),
                            capture_output=True, text=True, timeout=900)
    if result.returncode != 0 or not PROPERDOCS.exists():
        pytest.fail(f"`make {MAKE_TARGET}` failed (CI is set, so this is a failure, not a skip):\n"
                    f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}", pytrace=False)
    return PROPERDOCS


def _build(command: list[str], site: Path) -> None:
    # `-f mkdocs.yml`: ProperDocs looks for properdocs.yml first and, when it falls back to
    # mkdocs.yml, logs (at INFO level, so --strict does not fail) that the fallback will go.
    args = [*command, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(site)]
    result = subprocess.run(args, cwd=REPO, env=_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stderr[-5000:]}"


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
def builds(tmp_path_factory) -> tuple[Path, Path]:
    properdocs = _ensure_properdocs()
    root = tmp_path_factory.mktemp("engines")
    mkdocs_site, properdocs_site = root / "mkdocs", root / "properdocs"
    _build([sys.executable, "-m", "mkdocs"], mkdocs_site)
    _build([str(properdocs)], properdocs_site)
    return mkdocs_site, properdocs_site


def test_same_pages(builds):
    mkdocs_site, properdocs_site = builds
    a, b = html_pages(mkdocs_site), html_pages(properdocs_site)
    assert a == b, (f"only MkDocs built: {sorted(a - b)}; only ProperDocs built: {sorted(b - a)}")
    assert "index.html" in a and len(a) > 10


def test_same_article_text_on_every_page(builds):
    mkdocs_site, properdocs_site = builds
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
    assert len(without_article) <= 1, f"pages without an <article>: {without_article}"


def test_same_data_export(builds):
    mkdocs_site, properdocs_site = builds
    for name in ("briefing.json", "briefing.schema.json", "sitemap.xml"):
        a, b = mkdocs_site / name, properdocs_site / name
        if a.exists() or b.exists():
            assert a.read_bytes() == b.read_bytes(), f"{name} differs between the engines"
